"""Every filter and ordering the public pages use has an index (PostgreSQL's plans).

With sequential scans off, PostgreSQL still answers a query no index serves, by reading a whole
index (or the table) and filtering: so each query here must read about the rows it returns,
not the 300 releases of the archive, whatever the table's size."""

import json

import pytest
from django.db import connection, transaction
from django.utils import timezone

from newsroom import page_cache
from newsroom.models import PressRelease, ReleaseIssuer, Topic
from partners.models import Institution

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
)
RELEASES = PressRelease._meta.db_table


def rows_read(queryset):
    """Rows of the releases table the query's plan reads (returned or filtered out)."""
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
        (document,) = cursor.fetchone()
    # psycopg gives the JSON parsed, or as text where Django registered its own loader.
    (plan,) = json.loads(document) if isinstance(document, str) else document

    def walk(node):
        read = 0
        if node.get("Relation Name") == RELEASES:
            kept = node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
            read += (kept + node.get("Rows Removed by Index Recheck", 0)) * node["Actual Loops"]
        return read + sum(walk(child) for child in node.get("Plans", []))

    return walk(plan["Plan"])


@pytest.fixture
def archive(make_release, institution):
    """300 published releases of ``institution`` over ten years; one of another, with a topic
    and a slug, in 2015; one scheduled."""
    other = Institution.objects.create(kind="company", name_fr="Autre", slug="autre")
    topic = Topic.objects.create(name_fr="Rare", name_en="Rare")
    with page_cache.deferred():
        for n in range(300):
            make_release(release_date=f"{2016 + n % 10}-03-01")
    single = make_release(release_date="2015-06-01", slug_fr="unique-fr", slug_en="unique-en")
    ReleaseIssuer.objects.filter(release=single).update(institution=other)
    single.topics.add(topic)
    make_release(publish_at=timezone.now() + timezone.timedelta(days=2))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"institution": other, "topic": topic}


def queries(archive):
    public = PressRelease.objects.published()
    return {
        "list": (public[:20], 20),
        "institution filter": (public.filtered(institution=archive["institution"])[:20], 1),
        "topic filter": (public.filtered(topic=archive["topic"])[:20], 1),
        "year filter": (public.filtered(year=2015)[:20], 1),
        "detail by French slug": (PressRelease.objects.filter(slug_fr="unique-fr"), 1),
        "detail by English slug": (PressRelease.objects.filter(slug_en="unique-en"), 1),
        "feed": (public.order_by("-release_date", "-publish_at", "-id")[:20], 20),
        "next due moment": (
            PressRelease.objects.filter(status="published", publish_at__gt=timezone.now()),
            1,
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "list",
        "institution filter",
        "topic filter",
        "year filter",
        "detail by French slug",
        "detail by English slug",
        "feed",
        "next due moment",
    ],
)
def test_public_queries_read_what_they_return_not_the_archive(archive, name):
    queryset, returned = queries(archive)[name]
    assert len(queryset) == returned
    assert rows_read(queryset) <= returned + 5, name
