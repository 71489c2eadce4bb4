"""Parts of the release form in the back office: fields that say their language, image
thumbnails, inputs named for assistive technologies."""

from django.contrib.admin.widgets import AdminFileWidget, AutocompleteSelectMultiple
from django.utils.html import format_html
from django.utils.translation import gettext

from .models import ReleaseImage


class LanguageOfFields:
    """Each translated field's widget says which language it holds (``lang="fr"``): the browser
    checks spelling in that language, screen readers read it with the right voice."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # modeltranslation's per-language fields
        if field is not None and language:
            field.widget.attrs["lang"] = language
        return field


class ImageThumbnailInput(AdminFileWidget):
    """The image upload showing the stored image as a thumbnail (its alternative text as
    ``alt``) instead of its stored file name, which is random."""

    def render(self, name, value, attrs=None, renderer=None):
        image = getattr(value, "instance", None)
        if not value or not isinstance(image, ReleaseImage) or not image.pk:
            return super().render(name, value, attrs, renderer)
        thumbnail = image.thumbnail_or_original
        return format_html(
            '<div class="image-upload"><img class="image-thumbnail" src="{}" alt="{}"{}>'
            '<label for="{}">{}</label>{}</div>',
            thumbnail.url,
            image.alt_text or gettext("Current image"),
            format_html(' width="{}" height="{}"', thumbnail.width, thumbnail.height)
            if thumbnail.width and thumbnail.height
            else "",
            (attrs or {}).get("id", ""),
            gettext("Replace with:"),
            super().render(name, None, attrs, renderer),
        )


class ChoicesWithoutClearAll(AutocompleteSelectMultiple):
    """Several choices, each with its own remove button, without select2's "clear all" button:
    it is put inside the list of choices, where it makes the markup invalid."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        return super().build_attrs(base_attrs, extra_attrs) | {"data-allow-clear": "false"}


class LabelledCells:
    """Tabular inline rows: each input named for assistive technologies (aria-label), since
    the column headings are not labels."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class Labelled(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                for field in form.fields.values():
                    # A related field's widget is wrapped (with its add/change links).
                    widget = getattr(field.widget, "widget", field.widget)
                    if field.label and not widget.is_hidden:
                        widget.attrs.setdefault("aria-label", str(field.label))

        return Labelled
