"""Where documents are stored and matched: PostgreSQL full-text search, or SQLite's FTS5.

Both take the same query syntax (``websearch.py``) and return the releases queryset filtered to
the matches and annotated with ``search_rank`` (higher is better).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL

from ..models import SearchDocument
from .text import stems
from .websearch import parse, to_fts5

DOCUMENTS = SearchDocument._meta.db_table


class PostgreSQL:
    CONFIGS = {"fr": "newsroom_fr", "en": "newsroom_en"}  # migration 0009
    # Title, subtitle, body: weights A, B, C (ts_rank's defaults: 1.0, 0.4, 0.2).
    UPSERT = f"""
        INSERT INTO {DOCUMENTS} (release_id, language, vector)
        SELECT release_id, language,
               setweight(to_tsvector(config::regconfig, title), 'A')
            || setweight(to_tsvector(config::regconfig, subtitle), 'B')
            || setweight(to_tsvector(config::regconfig, body), 'C')
            || setweight(to_tsvector(config::regconfig, extra), 'C')
        FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
                    %s::text[]) AS rows(release_id, language, config, title, subtitle, body, extra)
        ON CONFLICT (release_id, language) DO UPDATE SET vector = EXCLUDED.vector
    """

    def write(self, connection, documents):
        # Lists, not tuples: psycopg sends lists as arrays (tuples would be composite values).
        columns = [list(column) for column in zip(*documents, strict=True)]
        if not columns:
            return
        release_ids, languages, titles, subtitles, bodies, extras = columns
        configs = [self.CONFIGS[code] for code in languages]
        with connection.cursor() as cursor:
            cursor.execute(
                self.UPSERT,
                [release_ids, languages, configs, titles, subtitles, bodies, extras],
            )

    def query(self, text, language):
        return SearchQuery(text, search_type="websearch", config=self.CONFIGS[language])

    def ranked(self, releases, text, language):
        query = self.query(text, language)
        # One join: the filter and the rank read the same document row.
        return releases.filter(
            search_documents__language=language, search_documents__vector=query
        ).annotate(search_rank=SearchRank(F("search_documents__vector"), query))

    def matching_ids(self, text, languages):
        match = Q()
        for code in languages:
            match |= Q(language=code, vector=self.query(text, code))
        return SearchDocument.objects.filter(match).values("release_id")


class SQLite:
    TABLE = "newsroom_search_fts"  # migration 0009
    # bm25 weights of the columns title, subtitle, body, extra (lower bm25 is better).
    SCORE = f"bm25({TABLE}, 10.0, 4.0, 1.0, 1.0)"
    MATCHES = (
        f"SELECT d.release_id FROM {TABLE} f JOIN {DOCUMENTS} d ON d.id = f.rowid"
        f" WHERE {TABLE} MATCH %s AND d.language IN ({{languages}})"
    )

    def write(self, connection, documents):
        documents = list(documents)
        if not documents:
            return
        keys = {(doc.release_id, doc.language) for doc in documents}
        existing = SearchDocument.objects.filter(
            release_id__in={release_id for release_id, _code in keys}
        )
        ids = {(row.release_id, row.language): row.pk for row in existing}
        missing = [
            SearchDocument(release_id=release_id, language=code)
            for release_id, code in sorted(keys - ids.keys())
        ]
        for row in SearchDocument.objects.bulk_create(missing):
            ids[row.release_id, row.language] = row.pk
        rows = [
            (
                ids[doc.release_id, doc.language],
                *(" ".join(stems(text, doc.language)) for text in doc[2:]),
            )
            for doc in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.TABLE} WHERE rowid = %s", [r[:1] for r in rows])
            cursor.executemany(
                f"INSERT INTO {self.TABLE} (rowid, title, subtitle, body, extra)"
                " VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def delete(self, connection, document_ids):
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {self.TABLE} WHERE rowid = %s", [(pk,) for pk in document_ids]
            )

    def expressions(self, text, language):
        parsed = parse(text, language)
        return to_fts5(parsed.required, "AND"), to_fts5([[p] for p in parsed.excluded], "OR")

    def matches(self, expression, languages):
        placeholders = ", ".join(["%s"] * len(languages))
        return RawSQL(self.MATCHES.format(languages=placeholders), [expression, *languages])

    def ranked(self, releases, text, language):
        required, excluded = self.expressions(text, language)
        if excluded:
            releases = releases.exclude(pk__in=self.matches(excluded, [language]))
        if not required:
            # Only exclusions ("-mouse"): everything else matches, equally; nothing: nothing.
            unranked = releases.annotate(search_rank=Value(0.0, output_field=FloatField()))
            return unranked if excluded else unranked.none()
        rowids = RawSQL(f"SELECT rowid FROM {self.TABLE} WHERE {self.TABLE} MATCH %s", [required])
        # One join: the filter and the rank read the same document row.
        return releases.filter(
            search_documents__language=language, search_documents__id__in=rowids
        ).annotate(search_rank=FTSScore(F("search_documents__id"), required))

    def matching_ids(self, text, languages):
        match = Q(pk__in=[])
        for code in languages:
            required, excluded = self.expressions(text, code)
            found = Q(language=code)
            if required:
                found &= Q(release_id__in=self.matches(required, [code]))
            if excluded:  # alone ("-mouse"), everything else, as on PostgreSQL
                found &= ~Q(release_id__in=self.matches(excluded, [code]))
            if required or excluded:
                match |= found
        return SearchDocument.objects.filter(match).values("release_id")


class FTSScore(Func):
    """The FTS5 relevance (bm25, negated so that higher is better) of one document row."""

    output_field = FloatField()

    def __init__(self, document_id, expression):
        super().__init__(document_id, Value(expression))

    def as_sql(self, compiler, connection, **extra):
        document, document_params = compiler.compile(self.source_expressions[0])
        match, match_params = compiler.compile(self.source_expressions[1])
        table = SQLite.TABLE
        sql = f"SELECT -{SQLite.SCORE} FROM {table} WHERE {table} MATCH {match}"
        return f"({sql} AND rowid = {document})", [*match_params, *document_params]


def backend(using="default"):
    return PostgreSQL() if connections[using].vendor == "postgresql" else SQLite()
