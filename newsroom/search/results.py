"""A search's results, ranked in one query and fetched a page at a time.

Ranking every match of a common word ("patients": most of a 100,000-release archive) would
read every matching document. Search takes the ``CANDIDATES`` most recent matches instead
(``backends.py``: on PostgreSQL from the most recent documents first, stopping early), ranks
those (title, then subtitle, then body; newest first among equals), and says so when there were
more: a journalist adds a word or a filter rather than reading page 60. Fewer matches than that
are all ranked, exactly.
"""

from collections.abc import Sequence

from django.utils import timezone

from ..models import PressRelease
from .backends import backend
from .facets import facets

CANDIDATES = 1000


class SearchResults(Sequence):
    def __init__(self, releases, query, language, *, user=None, narrowed=False, limit=None):
        """``releases``: what ``user`` may read, with the list's filters (``narrowed`` when
        any is set)."""
        self.releases = releases
        self.limit = limit = limit or CANDIDATES
        now = timezone.now()
        rows = backend(releases.db).candidates(
            releases,
            query,
            language,
            limit + 1,
            beyond=PressRelease.objects.beyond_public(user, now),
            within=releases if narrowed else None,
            now=now,
        )
        self.capped = len(rows) > limit
        # sorted() is stable: equal ranks keep the newest-first order of the candidates.
        self.candidates = sorted(rows[:limit], key=lambda row: -row.rank)
        self.ids = [row.release_id for row in self.candidates]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        """The releases at ``index`` (a slice: a page), in rank order, ready for display."""
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        found = self.releases.filter(pk__in=ids).for_display().in_bulk()
        shown = [found[pk] for pk in ids if pk in found]
        return shown if isinstance(index, slice) else shown[0]

    def facets(self):
        return facets(self.candidates)
