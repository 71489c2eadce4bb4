"""Counts per institution, topic and year of a search's results."""

from collections import Counter

from partners.models import Institution

from .text import fold


def facets(candidates):
    """{"institution": [(institution, count)], "topic": [...], "year": [(year, count)]},
    largest first (years newest first), from the candidates' copies of their issuers and
    topics: two small look-ups by id whatever the number of results."""
    from ..models import Topic

    institutions = Counter(pk for row in candidates for pk in row.institution_ids)
    topics = Counter(pk for row in candidates for pk in row.topic_ids)
    years = Counter(row.release_date.year for row in candidates)
    return {
        "institution": ranked(Institution.objects.in_bulk(institutions), institutions),
        "topic": ranked(Topic.objects.in_bulk(topics), topics),
        "year": sorted(years.items(), reverse=True),
    }


def ranked(objects, counts):
    """[(object, count)], largest first, then by name (as pages sort names)."""
    pairs = [(obj, counts[pk]) for pk, obj in objects.items()]
    return sorted(pairs, key=lambda pair: (-pair[1], fold(pair[0].name)))
