"""The public release list's filters: institution, topic, year, as shareable GET parameters."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partners.models import Institution

from .models import PressRelease, Topic


class ReleaseFilterForm(forms.Form):
    institution = forms.ModelChoiceField(
        # Only institutions with a public release: a draft must not reveal its issuer.
        queryset=Institution.objects.filter(
            press_releases__in=PressRelease.objects.published()
        ).distinct(),
        to_field_name="slug",
        required=False,
        empty_label=_("All institutions"),
        label=_("Institution"),
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.public(),
        required=False,
        empty_label=_("All topics"),
        label=_("Topic"),
    )
    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label=_("Year"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        visible = PressRelease.objects.visible_to(user)
        # Options come only from what this viewer may read: a draft must not reveal its issuer.
        self.fields["institution"].queryset = Institution.objects.filter(
            pk__in=visible.values("issuers")
        )
        self.fields["topic"].queryset = Topic.objects.filter(pk__in=visible.values("topics"))
        # Topic slugs are translated: /fr/…?topic=oncologie, /en/…?topic=oncology.
        self.fields["topic"].to_field_name = f"slug_{translation.get_language()}"
        years = visible.dates("release_date", "year", order="DESC")
        self.fields["year"].choices = [("", _("All years"))] + [
            (str(day.year), str(day.year)) for day in years
        ]

    def filters(self):
        """The valid filters as keyword arguments of ``PressReleaseQuerySet.filtered``."""
        return {name: self.cleaned_data.get(name) for name in ("institution", "topic", "year")}
