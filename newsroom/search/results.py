"""A search's results, ranked in one query: the ids of a page are then shown as cards.

Ranking every match of a common word ("patients": most of a 100,000-release archive) would
read every matching document. Search takes the ``CANDIDATES`` most recent matches instead
(``backends.py``: on PostgreSQL from the most recent documents first, stopping early), ranks
those (title, then subtitle, then body; newest first among equals), and says so when there were
more: a journalist adds a word or a filter rather than reading page 60. Fewer matches than that
are all ranked, exactly.
"""

from django.utils import timezone

from ..models import PressRelease
from .backends import backend
from .facets import facets

CANDIDATES = 1000


class SearchResults:
    def __init__(self, releases, query, language, *, user=None, narrowed=False, limit=None):
        """``releases``: what ``user`` may read, with the list's filters (``narrowed`` when
        any is set)."""
        self.limit = limit = limit or CANDIDATES
        now = timezone.now()
        self.matches = backend(releases.db).candidates(
            releases,
            query,
            language,
            limit,
            beyond=PressRelease.objects.beyond_public(user, now),
            within=releases if narrowed else None,
            now=now,
        )
        self.capped = self.matches.capped
        self.ids = self.matches.ids  # best first

    def facets(self, names):
        """Counts per institution, topic and year (``facets.facets``)."""
        return facets(self.matches, names)
