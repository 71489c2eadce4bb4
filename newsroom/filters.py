"""The public release list's search and filters (institution, topic, year), as shareable GET
parameters."""

import unicodedata

from django import forms
from django.db.models import Exists, Max, Min, OuterRef, Subquery
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from partners.models import Institution

from .models import PressRelease, Topic


class SearchField(forms.CharField):
    """Free text that can never be refused: control characters (NUL included) are dropped and
    the text is cut to a length worth searching for, so any query gives a page of results."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=True, **kwargs)

    def to_python(self, value):
        text = "".join(
            " " if unicodedata.category(char) in ("Cc", "Cs") else char for char in value or ""
        )
        return " ".join(text.split())[: self.max_length]


def shown_value(value, length=40):
    """A submitted value as a page may quote it: control characters gone, cut short."""
    text = " ".join(SearchField(max_length=None).to_python(value).split())
    return text if len(text) <= length else f"{text[: length - 1]}…"


class ListSelect(forms.Select):
    """A filter's select, written in Python: Django renders each option through a template
    (~0.1 ms each), and the filters list every institution, topic and year."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, " selected" if str(choice) in selected else "", label)
                for choice, label in self.choices
            ),
        )
        attributes = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", attributes, options)


class Offered:
    """What each filter offers this viewer: only what they may read, so that a draft never
    reveals its issuer or topic. Built when asked for (a form with kept choices asks only to
    check a submitted value)."""

    def __init__(self, user):
        self.visible = PressRelease.objects.visible_to(user)

    def institution(self):
        # EXISTS stops at each institution's first readable release (the archive is not read).
        return Institution.objects.filter(Exists(self.visible.filter(issuers=OuterRef("pk"))))

    def topic(self):
        # A topic has thousands of releases: as EXISTS, PostgreSQL maps them all per topic
        # (6 ms on 100,000 releases); a first readable one, LIMIT 1, stops at once (1 ms).
        first = self.visible.order_by().filter(topics=OuterRef("pk")).values("pk")[:1]
        return Topic.objects.alias(first=Subquery(first)).filter(first__isnull=False)

    def years(self):
        # From the first to the last year: two index look-ups, where listing the distinct
        # years would read every release.
        span = self.visible.aggregate(first=Min("release_date"), last=Max("release_date"))
        return range(span["last"].year, span["first"].year - 1, -1) if span["last"] else []


def filter_choices(user):
    """{filter: [(value, label)]}: the options this viewer is offered, in the current
    language, as plain lists (the same for every anonymous reader of a content version, so
    a view may keep them: ``page_cache.shared``)."""
    form = ReleaseFilterForm(user=user)
    return {
        name: [(str(value), str(label)) for value, label in form.fields[name].choices]
        for name in FILTERS
    }


FILTERS = ("institution", "topic", "year")


class ReleaseFilterForm(forms.Form):
    q = SearchField(
        label=_("Search"),
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )
    institution = forms.ModelChoiceField(
        queryset=Institution.objects.none(),
        to_field_name="slug",
        required=False,
        widget=ListSelect,
        empty_label=_("All institutions"),
        label=_("Institution"),
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        widget=ListSelect,
        empty_label=_("All topics"),
        label=_("Topic"),
    )
    year = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=_("Year"), widget=ListSelect
    )

    def __init__(self, *args, user=None, choices=None, **kwargs):
        """``choices``: ``filter_choices(user)`` when the view kept them; the querysets still
        check a submitted value (one query when a filter is set)."""
        super().__init__(*args, **kwargs)
        offered = Offered(user)
        # Topic slugs are translated: /fr/…?topic=oncologie, /en/…?topic=oncology.
        self.fields["topic"].to_field_name = f"slug_{translation.get_language()}"
        for name in ("institution", "topic"):
            if choices is None or self.data.get(name):
                self.fields[name].queryset = getattr(offered, name)()
        if choices is None:
            self.fields["year"].choices = [("", _("All years"))] + [
                (str(year), str(year)) for year in offered.years()
            ]
        else:
            for name in FILTERS:
                self.fields[name].widget.choices = choices[name]
            self.fields["year"].choices = choices["year"]

    def search_query(self):
        return self.cleaned_data.get("q", "") if self.is_valid() else ""

    def filters(self):
        """The valid filters as keyword arguments of ``PressReleaseQuerySet.filtered``."""
        return {name: self.cleaned_data.get(name) for name in FILTERS}
