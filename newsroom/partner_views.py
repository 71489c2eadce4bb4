"""Public pages of institutions, spokespeople, partnerships and the media contacts directory,
with their published releases."""

from django import forms
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.views import vcard_response

from . import seo
from .cards import cards
from .filters import SearchField
from .listing import (
    contacts_for,
    directory,
    institution_contacts,
    listed_institutions,
    listed_partnerships,
    people_with_institution,
    spokespeople,
)
from .models import PressRelease, Quote
from .search.contacts import matching_contacts, matching_people

RELEASES_SHOWN = 10


def institution_detail(request, slug):
    """An institution's page; 404 while it is not listed (``listing.py``), and what it links
    to (networks, members, partnerships, contacts) only as far as they are listed."""
    now = timezone.now()
    institution = get_object_or_404(
        listed_institutions(now).prefetch_related(
            "key_facts",
            "sites",
            "stock_listings",
            "social_profiles",
            Prefetch(
                "member_of", queryset=listed_institutions(now).prefetch_related("stock_listings")
            ),
            Prefetch("members", queryset=listed_institutions(now)),
            Prefetch("partnerships", queryset=listed_partnerships(now)),
            institution_contacts(now),
            Prefetch("people", queryset=spokespeople(now), to_attr="spokespeople"),
        ),
        slug=slug,
    )
    releases = cards(
        request,
        PressRelease.objects.visible_to(request.user).filter(issuers=institution),
        RELEASES_SHOWN,
    )
    return render(
        request,
        "partners/institution_detail.html",
        {
            "institution": institution,
            "releases": releases,
            "jsonld": seo.to_script(seo.organization(institution, request, full=True)),
        },
    )


def person_detail(request, slug):
    person = get_object_or_404(people_with_institution(), slug=slug)
    quotes = Quote.objects.by(person).visible_to(request.user)
    return render(request, "partners/person_detail.html", {"person": person, "quotes": quotes})


def partnership_detail(request, slug):
    partnership = get_object_or_404(
        listed_partnerships().prefetch_related(
            Prefetch("institutions", queryset=listed_institutions()),
            "milestones",
            "research_projects",
        ),
        slug=slug,
    )
    releases = cards(
        request,
        PressRelease.objects.visible_to(request.user).about_partnership(partnership),
        RELEASES_SHOWN,
    )
    return render(
        request,
        "partners/partnership_detail.html",
        {"partnership": partnership, "releases": releases},
    )


class ContactSearchForm(forms.Form):
    q = SearchField(
        label=_("Name, institution, role or topic"),
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )


def contact_directory(request):
    """Every contact by institution; with ``q``, the contacts and spokespeople it finds."""
    form = ContactSearchForm(request.GET or None)
    search = form.cleaned_data["q"] if form.is_valid() else ""
    contacts = contacts_for(request.user)
    context = {"form": form, "search": search}
    if search:
        releases = PressRelease.objects.visible_to(request.user)
        context["contacts"] = matching_contacts(contacts, search, releases).order_by(
            "institution__name", "order", "pk"
        )
        context["people"] = matching_people(people_with_institution(), search, releases)
    else:
        # Press officers and spokespeople side by side, per institution.
        context["institutions"] = directory(contacts)
    return render(request, "partners/contact_directory.html", context)


def contact_vcard_download(request, pk):
    return vcard_response(get_object_or_404(contacts_for(request.user), pk=pk))
