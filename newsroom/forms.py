"""Back-office forms: the release form's optimistic lock and correction notes."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.languages import localized

from .models import PressRelease, ReleaseStatus

# Fields whose change is not an edit of the release's content.
BOOKKEEPING = {"seen_version", *localized("correction_note"), "confirm_translation"}


class ReleaseAdminForm(forms.ModelForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    correction_note_fr = forms.CharField(
        label=_("Correction note (French)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    confirm_translation = forms.BooleanField(
        label=_("The translation is up to date with the original"),
        required=False,
        help_text=_("Tick after checking the translation against the changed original."),
    )
    correction_note_en = forms.CharField(
        label=_("Correction note (English)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    class Meta:
        model = PressRelease
        # Every field, as the admin's own form. Not ``fields``: modeltranslation copies a form's
        # Meta.fields into ModelAdmin.fields, which would hide all the others.
        exclude = ()  # noqa: DJ006

    def clean(self):
        cleaned = super().clean()
        release = self.instance
        if release.pk:
            seen = cleaned.get("seen_version")
            if seen is not None and seen != release.version:
                raise forms.ValidationError(
                    _(
                        "%(user)s changed this release at %(time)s, after you opened it. Your "
                        "text is kept below: open the release in another tab to see their "
                        "version (History), then merge and save again."
                    )
                    % {
                        "user": release.updated_by or _("Someone"),
                        "time": formats.date_format(
                            timezone.localtime(release.updated_at), "DATETIME_FORMAT"
                        ),
                    },
                    code="stale",
                )
            content_changed = set(self.changed_data) - BOOKKEEPING
            if release.status == ReleaseStatus.PUBLISHED and content_changed:
                field = f"correction_note_{release.original_language}"
                if not cleaned.get(field):
                    self.add_error(
                        field,
                        _(
                            "This release is published: say what you corrected; the note is "
                            "shown on the release, dated."
                        ),
                    )
        return cleaned


class ReleaseChildFormSet(forms.BaseInlineFormSet):
    """Inline rows of a release (quotes, images, issuers…): changing them on a published release
    is a correction too, and needs the note (posted with the main form)."""

    def clean(self):
        super().clean()
        release = self.instance
        published = release.pk and release.status == ReleaseStatus.PUBLISHED
        note = self.data.get(f"correction_note_{release.original_language}")
        if published and self.has_changed() and not note:
            raise forms.ValidationError(
                _(
                    "This release is published: say what you corrected in the correction "
                    "note at the top of the page."
                )
            )


class IssuerFormSet(ReleaseChildFormSet):
    """An editor may add their own institutions as issuers, never change or remove a partner's
    (``editor_institutions`` is set by the admin for editors; None for publishers)."""

    editor_institutions = None

    def clean(self):
        super().clean()
        own = self.editor_institutions
        if own is None:
            return
        for form in self.forms:
            before = form.instance.institution_id if form.instance.pk else None
            after = form.cleaned_data.get("institution")
            deleted = self.can_delete and self._should_delete_form(form)
            partner_row = before is not None and before not in own
            if partner_row and (deleted or (after and after.pk != before)):
                raise forms.ValidationError(
                    _("Only a publisher can change or remove a partner institution's issuing.")
                )
            if not partner_row and after and after.pk not in own and not deleted:
                raise forms.ValidationError(_("You can add only your own institutions as issuers."))
