"""What public pages fetch with releases, in a fixed number of queries whatever their number."""

from django.db import models

from core.rights import Licensed
from partners.models import Institution

from .parts import ReleaseImage


def offered(model):
    """A release's images or attachments still offered today (past its expiry day an asset is
    shown nowhere: cards, page, JSON-LD, media kit)."""
    name = "images" if model is ReleaseImage else "attachments"
    return models.Prefetch(name, queryset=model.objects.filter(Licensed.offered_filter()))


def issuers_in_order(queryset):
    return models.Prefetch(
        "issuers",
        queryset=queryset.order_by("releaseissuer__order", "releaseissuer__pk"),
    )


def list_prefetches():
    """Related rows a release card shows (issuers in staff-set order, lead image)."""
    return (issuers_in_order(Institution.objects.all()), offered(ReleaseImage))
