"""Counts per institution, topic and year of a search's results."""

from django.utils import translation

from partners.models import Institution

from ..models import Topic
from .text import fold


def names():
    """{"institution": {pk: (name, slug)}, "topic": {pk: (name, slug)}} in the current
    language: what facets show of the ids they count (the same for every search, so a view
    may keep it: ``page_cache.shared``)."""
    slug = f"slug_{translation.get_language()}"
    return {
        "institution": {obj.pk: (obj.name, obj.slug) for obj in Institution.objects.all()},
        "topic": {obj.pk: (obj.name, getattr(obj, slug)) for obj in Topic.objects.all()},
    }


def facets(matches, names):
    """{"institution": [(name, slug, count)], "topic": [...], "year": [(year, year, count)]},
    largest first (years newest first), from a search's counts (``backends.Matches``: from
    the documents' copies of their issuers and topics), named by ``names()``."""
    return {
        "institution": ranked(names["institution"], matches.institutions),
        "topic": ranked(names["topic"], matches.topics),
        "year": [(year, year, hits) for year, hits in sorted(matches.years.items(), reverse=True)],
    }


def ranked(named, counts):
    """[(name, slug, count)], largest first, then by name (as pages sort names)."""
    rows = [(*named[pk], hits) for pk, hits in counts.items() if pk in named]
    return sorted(rows, key=lambda row: (-row[2], fold(row[0])))
