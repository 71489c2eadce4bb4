"""What a release's page, media kit and alert email fetch with it. Here rather than in
``models/prefetches.py`` because it asks ``listing`` which contacts are public, and listing
reads the models."""

from django.db import models

from partners.models import Institution, ResearchProject

from .listing import institution_contacts, release_contacts
from .models import Attachment, Quote, ReleaseImage, ReleaseVideo
from .models.prefetches import issuers_in_order, offered


def detail_prefetches():
    """Related rows a release page shows: a fixed number of queries whatever their number.
    An issuer's own contacts (shown when the release names none of it) only as far as they
    are listed: an import's new contact waits for its own release."""
    return (
        issuers_in_order(
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
