"""What public pages fetch with releases, in a fixed number of queries whatever their number."""

from django.db import models

from partners.models import Institution, ResearchProject
from partners.rights import Licensed

from .parts import Attachment, Quote, ReleaseImage, ReleaseVideo


def offered(model):
    """A release's images or attachments still offered today (past its expiry day an asset is
    shown nowhere: cards, page, JSON-LD, media kit)."""
    name = "images" if model is ReleaseImage else "attachments"
    return models.Prefetch(name, queryset=model.objects.filter(Licensed.offered_filter()))


def _issuers(queryset):
    return models.Prefetch(
        "issuers",
        queryset=queryset.order_by("releaseissuer__order", "releaseissuer__pk"),
    )


def list_prefetches():
    """Related rows a release card shows (issuers in staff-set order, lead image)."""
    return (_issuers(Institution.objects.all()), offered(ReleaseImage))


def detail_prefetches():
    """Related rows a release page shows: a fixed number of queries whatever their number.
    An issuer's own contacts (shown when the release names none of it) only as far as they
    are listed: an import's new contact waits for its own release."""
    from ..listing import institution_contacts, release_contacts

    return (
        _issuers(
            Institution.objects.prefetch_related(
                "stock_listings", "social_profiles", institution_contacts()
            )
        ),
        "topics",
        "releaseissuer_set",
        "corrections",
        models.Prefetch(
            "research_projects", queryset=ResearchProject.objects.select_related("partnership")
        ),
        models.Prefetch("quotes", queryset=Quote.objects.select_related("person")),
        offered(ReleaseImage),
        offered(Attachment),
        # Videos still offered (their rights not expired): the page, JSON-LD and media kit.
        models.Prefetch(
            "videos", queryset=ReleaseVideo.objects.filter(ReleaseVideo.offered_filter())
        ),
        models.Prefetch(
            "contacts",
            queryset=release_contacts().select_related("person", "institution"),
            to_attr="public_contacts",
        ),
    )
