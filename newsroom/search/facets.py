"""Counts per institution, topic and year of a search's results."""

from collections import Counter

from django.db.models import Count

from partners.models import Institution

from . import lookups  # noqa: F401  (registers any_of)


def facets(release_ids, release_dates):
    """{"institution": [(institution, count)], "topic": [...], "year": [(year, count)]},
    largest first (years newest first), in two queries whatever the number of results."""
    from ..models import Topic

    institutions = (
        Institution.objects.filter(releaseissuer__release_id__any_of=release_ids)
        .annotate(hits=Count("releaseissuer"))
        .order_by("-hits", "name")
    )
    topics = (
        Topic.objects.filter(press_releases__id__any_of=release_ids)
        .annotate(hits=Count("press_releases"))
        .order_by("-hits", "name")
    )
    years = Counter(day.year for day in release_dates)
    return {
        "institution": [(institution, institution.hits) for institution in institutions],
        "topic": [(topic, topic.hits) for topic in topics],
        "year": sorted(years.items(), reverse=True),
    }
