"""Where documents are stored and matched: PostgreSQL full-text search, or SQLite's FTS5.

Both take the same query syntax (``websearch.py``) and return the releases queryset filtered to
the matches and annotated with ``search_rank`` (higher is better).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
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
        INSERT INTO {DOCUMENTS} (release_id, language, vector, release_date, publish_at,
                                 public_from)
        SELECT release_id, language,
               setweight(to_tsvector(config::regconfig, title), 'A')
            || setweight(to_tsvector(config::regconfig, subtitle), 'B')
            || setweight(to_tsvector(config::regconfig, body), 'C')
            || setweight(to_tsvector(config::regconfig, extra), 'C'),
               release_date, publish_at, public_from
        FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
                    %s::text[], %s::date[], %s::timestamptz[], %s::timestamptz[])
             AS rows(release_id, language, config, title, subtitle, body, extra, release_date,
                     publish_at, public_from)
        ON CONFLICT (release_id, language) DO UPDATE SET
            vector = EXCLUDED.vector, release_date = EXCLUDED.release_date,
            publish_at = EXCLUDED.publish_at, public_from = EXCLUDED.public_from
    """

    def write(self, connection, documents):
        # Lists, not tuples: psycopg sends lists as arrays (tuples would be composite values).
        columns = [list(column) for column in zip(*documents, strict=True)]
        if not columns:
            return
        release_ids, languages, *texts, release_dates, publish_ats, public_froms = columns
        configs = [self.CONFIGS[code] for code in languages]
        with connection.cursor() as cursor:
            cursor.execute(
                self.UPSERT,
                [release_ids, languages, configs, *texts, release_dates, publish_ats, public_froms],
            )

    def query(self, text, language):
        return SearchQuery(text, search_type="websearch", config=self.CONFIGS[language])

    def ranked(self, releases, text, language):
        query = self.query(text, language)
        # One join: the filter and the rank read the same document row.
        return releases.filter(
            search_documents__language=language, search_documents__vector=query
        ).annotate(search_rank=SearchRank(F("search_documents__vector"), query))

    # Windows of the most recent documents: a common word's most recent matches all lie in the
    # first, so older documents are never visited; a rare word's few matches are all read.
    WINDOWS = (2_500, 25_000)
    RECENCY = "d.release_date DESC, d.publish_at DESC, d.release_id DESC"

    def candidates(self, releases, text, language, limit, *, beyond, within, now):
        """[(release id, rank, release date)] of the ``limit`` most recent ``releases`` (what
        the viewer may read) matching ``text`` in ``language``, newest first.

        Documents are preselected by their copies of the release's dates: public at ``now``,
        or among ``beyond`` (other releases the viewer may read, a queryset, or None), and
        among ``within`` (the list's filters, a queryset, or None). Each window runs only if
        the one before held fewer than ``limit`` matches; a window's cut is the release date
        of its last document. One statement; then the visibility rule has the last word."""
        where = ["d.language = %s", "d.vector @@ q.query"]
        where_params = [language]
        visible, visible_params = "d.public_from <= %s", [now]
        if beyond is not None and (selected := subquery(beyond)):
            sql, params = selected
            visible, visible_params = f"({visible} OR d.release_id IN ({sql}))", [now, *params]
        where.append(visible)
        where_params += visible_params
        if within is not None:
            if not (selected := subquery(within)):
                return []
            sql, params = selected
            where.append(f"d.release_id IN ({sql})")
            where_params += params
        ctes = ["q AS MATERIALIZED (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query)"]
        params = [self.CONFIGS[language], text]
        windows = [*self.WINDOWS, None]
        for n, size in enumerate(windows):
            conditions = [f"(SELECT count(*) FROM w{i}) < {limit}" for i in range(n)] + where
            params += where_params
            if size:
                conditions.append(
                    f"d.release_date >= (SELECT release_date FROM {DOCUMENTS} WHERE language = %s"
                    f" ORDER BY release_date DESC OFFSET {size} LIMIT 1)"
                )
                params.append(language)
            ctes.append(
                f"w{n} AS MATERIALIZED (SELECT d.id, d.release_id, d.release_date, d.publish_at"
                f" FROM {DOCUMENTS} d, q WHERE {' AND '.join(conditions)}"
                f" ORDER BY {self.RECENCY} LIMIT {limit})"
            )
        found = [
            f"SELECT * FROM w{n}"
            + (f" WHERE (SELECT count(*) FROM w{n}) = {limit}" if size else "")
            for n, size in enumerate(windows)
        ]
        sql = (
            f"WITH {', '.join(ctes)}"
            f" SELECT d.release_id, ts_rank(s.vector, q.query)"
            f" FROM ({' UNION ALL '.join(found)}) d JOIN {DOCUMENTS} s ON s.id = d.id, q"
            f" ORDER BY {self.RECENCY}"
        )
        with connections[releases.db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        # The documents' copies only preselect: keep what ``releases`` has, with the releases'
        # own dates (for the year facet).
        shown = dict(
            releases.order_by()
            .filter(pk__any_of=[pk for pk, _rank in rows])
            .values_list("pk", "release_date")
        )
        return [(pk, rank, shown[pk]) for pk, rank in rows if pk in shown]

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
        stored = {
            (row.release_id, row.language): row
            for row in SearchDocument.objects.filter(
                release_id__in={doc.release_id for doc in documents}
            )
        }
        rows = [
            stored.get((doc.release_id, doc.language))
            or SearchDocument(release_id=doc.release_id, language=doc.language)
            for doc in documents
        ]
        existing = [row for row in rows if row.pk is not None]
        for row, doc in zip(rows, documents, strict=True):
            row.release_date, row.publish_at = doc.release_date, doc.publish_at
            row.public_from = doc.public_from
        SearchDocument.objects.bulk_create([row for row in rows if row.pk is None])
        SearchDocument.objects.bulk_update(existing, ["release_date", "publish_at", "public_from"])
        words = [
            (row.pk, *(" ".join(stems(text, doc.language)) for text in doc.texts))
            for row, doc in zip(rows, documents, strict=True)
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.TABLE} WHERE rowid = %s", [w[:1] for w in words])
            cursor.executemany(
                f"INSERT INTO {self.TABLE} (rowid, title, subtitle, body, extra)"
                " VALUES (%s, %s, %s, %s, %s)",
                words,
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

    def candidates(self, releases, text, language, limit, **preselection):
        """As PostgreSQL's, in one query (the archives SQLite serves are small: the matches
        are joined to ``releases`` directly, without preselection)."""
        ranked = self.ranked(releases, text, language).order_by(*releases.model._meta.ordering)
        return list(ranked.values_list("pk", "search_rank", "release_date")[:limit])

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


def subquery(queryset):
    """The SQL and parameters of ``SELECT id`` from ``queryset``; None when it is empty by
    construction (``none()``)."""
    values = queryset.order_by().values("pk")
    try:
        return values.query.get_compiler(using=values.db).as_sql()
    except EmptyResultSet:
        return None


def backend(using="default"):
    return PostgreSQL() if connections[using].vendor == "postgresql" else SQLite()
