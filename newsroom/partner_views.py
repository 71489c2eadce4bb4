"""Public pages of institutions, spokespeople and partnerships, with their published releases."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render

from partners.models import Institution, MediaContact, Partnership, Person

from . import seo
from .models import PressRelease, Quote

RELEASES_SHOWN = 10


def visible_releases(user):
    return PressRelease.objects.visible_to(user).for_display()


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
                queryset=Person.objects.filter(quotes__release__in=PressRelease.objects.published())
                .distinct()
                .order_by("last_name", "first_name"),
                to_attr="spokespeople",
            ),
        ),
        slug=slug,
    )
    releases = visible_releases(request.user).filter(issuers=institution)[:RELEASES_SHOWN]
    return render(
        request,
        "partners/institution_detail.html",
        {
            "institution": institution,
            "releases": releases,
            "jsonld": seo.to_script(seo.organization(institution, request, full=True)),
        },
    )


def public_people():
    """People the public may know of: quoted in a public release, or a public media contact.
    Someone quoted only in a draft (a future appointment, say) stays unknown."""
    quoted = Q(quotes__release__in=PressRelease.objects.published())
    contact = Q(media_contacts__is_public=True)
    return Person.objects.filter(pk__in=Person.objects.filter(quoted | contact).values("pk"))


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
    releases = visible_releases(request.user).filter(
        pk__in=PressRelease.objects.filter(research_projects__partnership=partnership).values("pk")
    )[:RELEASES_SHOWN]
    return render(
        request,
        "partners/partnership_detail.html",
        {"partnership": partnership, "releases": releases},
    )
