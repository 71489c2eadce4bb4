"""Public pages of institutions, spokespeople, partnerships and the media contacts directory,
with their published releases."""

from django import forms
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Institution, MediaContact, Partnership, Person
from partners.views import contacts_for

from . import seo
from .cards import cards
from .filters import SearchField
from .models import PressRelease, Quote, published_at
from .search.contacts import matching_contacts, matching_people

RELEASES_SHOWN = 10


def institution_detail(request, slug):
    institution = get_object_or_404(
        Institution.objects.prefetch_related(
            "key_facts",
            "sites",
            "stock_listings",
            "social_profiles",
            Prefetch("member_of", queryset=Institution.objects.prefetch_related("stock_listings")),
            "members",
            "partnerships",
            Prefetch(
                "media_contacts",
                queryset=MediaContact.objects.filter(is_public=True).select_related(
                    "person", "institution"
                ),
                to_attr="public_contacts",
            ),
            Prefetch(
                "people",
                queryset=Person.objects.filter(quoted_in_public()).order_by(
                    "last_name", "first_name"
                ),
                to_attr="spokespeople",
            ),
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


def quoted_in_public():
    """People quoted in a release anyone may read now (each person's quotes, by index)."""
    quotes = Quote.objects.filter(published_at(timezone.now(), "release__"), person=OuterRef("pk"))
    return Exists(quotes)


def public_people():
    """People the public may know of: quoted in a public release, or a public media contact.
    Someone quoted only in a draft (a future appointment, say) stays unknown."""
    contact = Exists(MediaContact.objects.filter(person=OuterRef("pk"), is_public=True))
    return Person.objects.filter(quoted_in_public() | contact)


def person_detail(request, slug):
    person = get_object_or_404(public_people().select_related("institution"), slug=slug)
    quotes = (
        Quote.objects.filter(
            person=person, release__in=PressRelease.objects.visible_to(request.user)
        )
        .select_related("release")
        .order_by("-release__release_date", "order")
    )
    return render(request, "partners/person_detail.html", {"person": person, "quotes": quotes})


def partnership_detail(request, slug):
    partnership = get_object_or_404(
        Partnership.objects.prefetch_related("institutions", "milestones", "research_projects"),
        slug=slug,
    )
    shown = PressRelease.objects.filter(research_projects__partnership=partnership)
    releases = cards(
        request,
        PressRelease.objects.visible_to(request.user).filter(pk__in=shown.values("pk")),
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
        context["people"] = matching_people(
            public_people().select_related("institution"), search, releases
        )
    else:
        context["institutions"] = (
            Institution.objects.filter(pk__in=contacts.values("institution"))
            .order_by("name")
            .prefetch_related(Prefetch("media_contacts", queryset=contacts, to_attr="contacts"))
        )
    return render(request, "partners/contact_directory.html", context)
