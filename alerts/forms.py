"""The sign-up and preferences forms: what to receive, in which language."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsroom.listing import listed_institutions
from newsroom.models import Topic
from partners.models import Institution

from .models import Subscriber

CONSENT = _(
    "I agree to receive the newsroom's press releases by email at this address. I can "
    "unsubscribe at any time with the link in each email."
)


class IdsField(forms.ModelMultipleChoiceField):
    """Choices by id: an id no database integer holds is an invalid choice. Django would send
    it to the database, where SQLite overflows (a 500) instead of finding nothing."""

    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else ():
            try:
                in_range = -(2**63) <= int(str(pk)) < 2**63
            except ValueError:
                continue  # Django's own check names it invalid
            if not in_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class Choices(forms.Form):
    """What both forms ask: the releases wanted and the language."""

    language = forms.ChoiceField(
        label=_("Language of the emails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    everything = forms.BooleanField(label=_("Every release"), required=False)
    institutions = IdsField(
        label=_("Releases of these institutions"),
        queryset=Institution.objects.none(),  # listed ones, when the form is made
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    topics = IdsField(
        label=_("Releases on these topics"),
        queryset=Topic.objects.none(),  # public ones, when the form is made
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_languages = forms.BooleanField(
        label=_("Also releases not translated into my language"), required=False
    )
    embargoed = forms.BooleanField(
        label=_("Accredited journalists: also releases under embargo, as soon as they are out"),
        help_text=_("Sent only if this address is the one of your accreditation."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked at each form, not once at start-up: what is listed changes at release minutes.
        # Only listed institutions (an import's new one waits for its release) and topics of
        # public releases (a topic's name can itself be news).
        self.fields["institutions"].queryset = listed_institutions().order_by("name")
        self.fields["topics"].queryset = Topic.objects.public()
        for name in ("institutions", "topics"):  # no empty group of choices
            if not self.fields[name].queryset.exists():
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("everything") or cleaned.get("institutions") or cleaned.get("topics")):
            raise forms.ValidationError(
                _("Choose at least one institution or topic, or every release."),
                code="nothing_chosen",
            )
        return cleaned


class SubscribeForm(Choices):
    email = forms.EmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    consent = forms.BooleanField(label=CONSENT)

    field_order = ["email", "language", "everything", "institutions", "topics"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def choices(self):
        """The signed confirmation link's content: plain data, the choices as ids."""
        data = self.cleaned_data
        return {
            "email": data["email"],
            "language": data["language"],
            "everything": data["everything"],
            "institutions": sorted(institution.pk for institution in data.get("institutions", [])),
            "topics": sorted(topic.pk for topic in data.get("topics", [])),
            "other_languages": data["other_languages"],
            "embargoed": data["embargoed"],
        }


class PreferencesForm(Choices, forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["language", "everything", "institutions", "topics", "other_languages"]
        fields += ["embargoed"]
