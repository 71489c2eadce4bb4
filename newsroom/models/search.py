"""What release search matches: one document per release and site language.

Filled by ``newsroom.search.index`` whenever a release or anything shown with it changes. On
PostgreSQL the weighted ``tsvector`` lives here (GIN index); on SQLite the same document's words
live in the FTS5 table ``newsroom_search_fts`` whose rowid is this row's id (migration 0009).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    release = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="search_documents"
    )
    # The page language the document serves (its text falls back like the page does).
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    # PostgreSQL only; stays NULL on SQLite, which indexes in its FTS5 table instead.
    vector = SearchVectorField(null=True, editable=False)
    # Copied from the release at each refresh, so that a search finds its most recent public
    # matches in this table alone (newsroom/search/backends.py); the release's own visibility
    # rule still decides what is shown.
    release_date = models.DateField(null=True, editable=False)
    publish_at = models.DateTimeField(null=True, editable=False)
    # When anyone may read it (published, and out of embargo); NULL while it is not published.
    public_from = models.DateTimeField(null=True, editable=False)
    # The release's issuers and topics (ids): a search counts its facets from the documents
    # it has read already, instead of looking up a thousand releases' links again.
    institution_ids = models.JSONField(default=list, editable=False)
    topic_ids = models.JSONField(default=list, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "language"], name="search_document_once")
        ]
        indexes = [
            models.Index(
                fields=["language", "-release_date", "-publish_at", "-release"],
                name="search_document_recency",
            )
        ]

    def __str__(self):
        return f"{self.release_id}/{self.language}"
