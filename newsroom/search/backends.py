"""Where documents are stored and matched: PostgreSQL full-text search, or SQLite's FTS5.

Both take the same query syntax (``websearch.py``) and return the releases queryset filtered to
the matches and annotated with ``search_rank`` (higher is better).
"""

import json
from collections import Counter
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL

from ..models import SearchDocument
from . import lookups  # noqa: F401  (registers any_of)
from .text import stems
from .websearch import parse, to_fts5

DOCUMENTS = SearchDocument._meta.db_table


class PostgreSQL:
    CONFIGS = {"fr": "newsroom_fr", "en": "newsroom_en"}  # migration 0009
    # Title, subtitle, body: weights A, B, C (ts_rank's defaults: 1.0, 0.4, 0.2).
    UPSERT = f"""
        INSERT INTO {DOCUMENTS} (release_id, language, vector, release_date, publish_at,
                                 public_from, institution_ids, topic_ids)
        SELECT release_id, language,
               setweight(to_tsvector(config::regconfig, title), 'A')
            || setweight(to_tsvector(config::regconfig, subtitle), 'B')
            || setweight(to_tsvector(config::regconfig, body), 'C')
            || setweight(to_tsvector(config::regconfig, extra), 'C'),
               release_date, publish_at, public_from, institution_ids::jsonb, topic_ids::jsonb
        FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
                    %s::text[], %s::date[], %s::timestamptz[], %s::timestamptz[], %s::text[],
                    %s::text[])
             AS rows(release_id, language, config, title, subtitle, body, extra, release_date,
                     publish_at, public_from, institution_ids, topic_ids)
        ON CONFLICT (release_id, language) DO UPDATE SET
            vector = EXCLUDED.vector, release_date = EXCLUDED.release_date,
            publish_at = EXCLUDED.publish_at, public_from = EXCLUDED.public_from,
            institution_ids = EXCLUDED.institution_ids, topic_ids = EXCLUDED.topic_ids
    """

    def write(self, connection, documents):
        # Lists, not tuples: psycopg sends lists as arrays (tuples would be composite values).
        columns = [list(column) for column in zip(*documents, strict=True)]
        if not columns:
            return
        release_ids, languages, *copies = columns
        configs = [self.CONFIGS[code] for code in languages]
        # Ids as JSON text: psycopg would send lists of lists as a two-dimensional array.
        copies[-2:] = [[json.dumps(ids) for ids in column] for column in copies[-2:]]
        with connection.cursor() as cursor:
            cursor.execute(self.UPSERT, [release_ids, languages, configs, *copies])

    def query(self, text, language):
        return SearchQuery(text, search_type="websearch", config=self.CONFIGS[language])

    def ranked(self, releases, text, language):
        query = self.query(text, language)
        # One join: the filter and the rank read the same document row.
        return releases.filter(
            search_documents__language=language, search_documents__vector=query
        ).annotate(search_rank=SearchRank(F("search_documents__vector"), query))

    # Windows of the most recent documents, each read only if the ones before held too few
    # matches. A common word's most recent matches all lie in the first, so older documents
    # are never visited. The second is sized from the share of the first that matched (with
    # a margin), so a less common word reads about the documents it needs. A rarer word (under
    # 8% of the first) has all its matches read: on 100,000 releases that is cheaper than a
    # window's date range in the GIN index (measured: 5 ms against 35 ms for a word in 2.5%
    # of the documents).
    FIRST_WINDOW = 2_500
    MARGIN = 1.5
    SECOND_WINDOW_FROM = 200  # matches in the first window
    RECENCY = "release_date DESC, publish_at DESC, release_id DESC"

    def candidates(self, releases, text, language, limit, *, beyond, within, now):
        """``Matches`` of the ``limit`` most recent ``releases`` (what the viewer may read)
        matching ``text`` in ``language``, ranked and counted, in one statement.

        Documents are preselected by their copies of the release's dates: public at ``now``,
        or among ``beyond`` (other releases the viewer may read, a queryset, or None), and
        among ``within`` (the list's filters, a queryset, or None); the visibility rule of
        ``releases`` has the last word. A window's cut is the release date of its last
        document; windows hold narrow rows (the vector is read again for the ones kept)."""
        where = ["d.language = %s", "d.vector @@ q.query"]
        where_params = [language]
        # The copy of ``published(now)`` in SQL: ``public_from <= now`` holds exactly when
        # ``release.is_public_at(now)`` does (PressRelease.public_from; checked state by state
        # in tests/releases/test_visibility_rule.py). Only a preselection: ``releases`` decides.
        visible, visible_params = "d.public_from <= %s", [now]
        if beyond is not None and (selected := subquery(beyond)):
            sql, params = selected
            visible, visible_params = f"({visible} OR d.release_id IN ({sql}))", [now, *params]
        where.append(visible)
        where_params += visible_params
        if within is not None:
            if not (selected := subquery(within)):
                return Matches.none()
            sql, params = selected
            where.append(f"d.release_id IN ({sql})")
            where_params += params
        # The release's own visibility rule and date (for the year), and the list's filters.
        if not (selected := subquery(releases.values("pk", "release_date"))):
            return Matches.none()
        shown, shown_params = selected
        read = limit + 1  # one more tells there are more

        def window(name, conditions, size):
            return (
                f"{name} AS MATERIALIZED (SELECT d.ctid AS row, d.release_id, d.release_date,"
                f" d.publish_at FROM {DOCUMENTS} d, q WHERE {' AND '.join(conditions + where)}"
                f" ORDER BY {self.RECENCY} LIMIT {size})"
            )

        cut = (
            f"SELECT release_date AS day FROM {DOCUMENTS} WHERE language = %s"
            " ORDER BY release_date DESC OFFSET {} LIMIT 1"
        )
        estimate = read * self.FIRST_WINDOW * self.MARGIN
        second = f"(SELECT ceil({estimate} / greatest(n, 1))::int FROM n0)"
        w0 = window("w0", ["d.release_date >= (SELECT day FROM c0)"], read)
        w1 = window(
            "w1",
            [
                f"(SELECT n FROM n0) BETWEEN {self.SECOND_WINDOW_FROM} AND {limit}",
                "d.release_date >= (SELECT day FROM c1)",
            ],
            read,
        )
        w2 = window("w2", [f"greatest((SELECT n FROM n0), (SELECT n FROM n1)) < {read}"], read)
        facet = (
            "(SELECT json_object_agg(id, n) FROM (SELECT id, count(*) AS n FROM top,"
            " jsonb_array_elements_text(top.{}) AS id GROUP BY id) AS counts)"
        )
        # The windows, the first full one (or the whole archive's), the kept rows joined to
        # the releases' own rule, then one row: capped, ids best first, counts.
        sql = f"""
            WITH q AS MATERIALIZED (SELECT websearch_to_tsquery(%s::regconfig, %s) AS query),
            c0 AS MATERIALIZED ({cut.format(self.FIRST_WINDOW)}),
            {w0},
            n0 AS MATERIALIZED (SELECT count(*) AS n FROM w0),
            c1 AS MATERIALIZED ({cut.format(second)}),
            {w1},
            n1 AS MATERIALIZED (SELECT count(*) AS n FROM w1),
            {w2},
            found AS MATERIALIZED (
                SELECT * FROM w0 WHERE (SELECT n FROM n0) = {read}
                UNION ALL SELECT * FROM w1 WHERE (SELECT n FROM n1) = {read}
                UNION ALL SELECT * FROM w2
            ),
            kept AS MATERIALIZED (
                SELECT d.release_id, d.release_date, d.publish_at, r.release_date AS day,
                       v.institution_ids, v.topic_ids, ts_rank(v.vector, q.query) AS rank
                FROM found d JOIN {DOCUMENTS} v ON v.ctid = d.row
                JOIN ({shown}) r ON r.pk = d.release_id, q
            ),
            top AS MATERIALIZED (SELECT * FROM kept ORDER BY {self.RECENCY} LIMIT {limit})
            SELECT (SELECT count(*) FROM kept) > {limit},
                   (SELECT array_agg(release_id ORDER BY rank DESC, {self.RECENCY}) FROM top),
                   {facet.format("institution_ids")}, {facet.format("topic_ids")},
                   (SELECT json_object_agg(year, n) FROM (
                        SELECT extract(year FROM day)::int AS year, count(*) AS n
                        FROM top GROUP BY year) AS years)
        """
        params = [self.CONFIGS[language], text, language, *where_params, language]
        params += [*where_params, *where_params, *shown_params]
        with connections[releases.db].cursor() as cursor:
            cursor.execute(sql, params)
            capped, ids, *counts = cursor.fetchone()
        institutions, topics, years = ({int(k): n for k, n in (c or {}).items()} for c in counts)
        return Matches(ids or [], capped, institutions, topics, years)

    def matching_ids(self, text, languages):
        match = Q()
        for code in languages:
            match |= Q(language=code, vector=self.query(text, code))
        return SearchDocument.objects.filter(match).values("release_id")


# The release's fields each document keeps a copy of.
COPIED = ["release_date", "publish_at", "public_from", "institution_ids", "topic_ids"]


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
            row.institution_ids, row.topic_ids = doc.institution_ids, doc.topic_ids
        SearchDocument.objects.bulk_create([row for row in rows if row.pk is None])
        SearchDocument.objects.bulk_update(existing, COPIED)
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
        are joined to ``releases`` directly, without preselection), counted in Python."""
        ranked = self.ranked(releases, text, language).order_by(*releases.model._meta.ordering)
        fields = ["search_documents__institution_ids", "search_documents__topic_ids"]
        rows = list(ranked.values_list("pk", "search_rank", "release_date", *fields)[: limit + 1])
        top = rows[:limit]
        # sorted() is stable: equal ranks keep the newest-first order.
        ids = [row[0] for row in sorted(top, key=lambda row: -row[1])]
        return Matches(
            ids,
            len(rows) > limit,
            Counter(pk for row in top for pk in row[3]),
            Counter(pk for row in top for pk in row[4]),
            Counter(row[2].year for row in top),
        )

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


class Matches(NamedTuple):
    """A search's most recent matches (at most its limit), ranked, with their counts."""

    ids: list  # best first: title, then subtitle, then text; newest first among equals
    capped: bool  # there were more matches than the limit
    institutions: dict  # {institution id: matches it issued}
    topics: dict  # {topic id: matches}
    years: dict  # {year: matches}

    @classmethod
    def none(cls):
        return cls([], False, {}, {}, {})


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
    """The SQL and parameters of ``SELECT id`` from ``queryset`` (or of its own ``values()``);
    None when it is empty by construction (``none()``)."""
    values = queryset.order_by() if queryset._fields else queryset.order_by().values("pk")
    try:
        return values.query.get_compiler(using=values.db).as_sql()
    except EmptyResultSet:
        return None


def backend(using="default"):
    return PostgreSQL() if connections[using].vendor == "postgresql" else SQLite()
