"""Counts per institution, topic and year of a set of releases (the current search)."""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from partners.models import Institution


def facets(releases):
    """{"institution": [(institution, count)], "topic": [...], "year": [(year, count)]},
    largest first (years newest first), in three queries."""
    from ..models import PressRelease, Topic

    ids = releases.order_by().values("pk")
    institutions = (
        Institution.objects.filter(releaseissuer__release__in=ids)
        .annotate(hits=Count("releaseissuer"))
        .order_by("-hits", "name")
    )
    topics = (
        Topic.objects.filter(press_releases__in=ids)
        .annotate(hits=Count("press_releases"))
        .order_by("-hits", "name")
    )
    years = (
        PressRelease.objects.filter(pk__in=ids)
        .annotate(year=ExtractYear("release_date"))
        .values_list("year")
        .annotate(hits=Count("pk"))
        .order_by("-year")
    )
    return {
        "institution": [(institution, institution.hits) for institution in institutions],
        "topic": [(topic, topic.hits) for topic in topics],
        "year": list(years),
    }
