"""Query plans at scale: ``make explain`` (or ``python -m bench.explain --releases N``).

Seeds N releases (default 100,000, as ``make bench-search`` does, in the same database), builds
each public page type as an anonymous reader (the page cache keeping nothing), and asks
PostgreSQL for the plan of every statement the page ran (``EXPLAIN (ANALYZE, FORMAT JSON)``).
Prints, per page, its statements, the rows of the releases table they read (returned or
filtered out) and any sequential scan of that table; exits with 1 when one is found.
"""

import argparse
import json
import sys

from bench.search import DEFAULT_URL, configure, seed

RELEASES = "newsroom_pressrelease"


def pages():
    """[(label, path)] of the public page types, from the seeded archive."""
    from urllib.parse import urlencode

    from newsroom.models import PressRelease

    newest = PressRelease.objects.published().order_by("-release_date", "-pk").first()
    issuer = newest.issuers.first()
    topic = newest.topics.first()
    year = newest.release_date.year
    return [
        ("home", "/fr/"),
        ("list", "/fr/communiques/"),
        ("list, page 40", "/fr/communiques/?page=40"),
        ("list by institution", f"/fr/communiques/?{urlencode({'institution': issuer.slug})}"),
        ("list by topic", f"/en/press-releases/?{urlencode({'topic': topic.slug_en})}"),
        ("list by year", f"/fr/communiques/?year={year - 3}"),
        ("detail by French slug", newest.get_absolute_url("fr")),
        ("detail by English slug", newest.get_absolute_url("en")),
        ("institution page", f"/fr/institutions/{issuer.slug}/"),
        ("feed", "/fr/flux/rss/"),
        ("institution feed", f"/fr/institutions/{issuer.slug}/flux/rss/"),
        ("topic feed", f"/en/topics/{topic.slug_en}/feeds/atom/"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap of a year", f"/sitemap-releases-{year - 3}.xml"),
        ("news sitemap", "/news-sitemap.xml"),
        ("search", f"/fr/communiques/?{urlencode({'q': 'immunothérapie'})}"),
    ]


def plan_of(cursor, sql):
    cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
    (document,) = cursor.fetchone()
    (plan,) = json.loads(document) if isinstance(document, str) else document
    return plan["Plan"]


def releases_read(node):
    """(rows of the releases table read, sequential scans of it) in a plan."""
    read, scans = 0, 0
    if node.get("Relation Name") == RELEASES:
        kept = node["Actual Rows"] + node.get("Rows Removed by Filter", 0)
        read = (kept + node.get("Rows Removed by Index Recheck", 0)) * node["Actual Loops"]
        scans = int(node["Node Type"] == "Seq Scan")
    for child in node.get("Plans", []):
        child_read, child_scans = releases_read(child)
        read, scans = read + child_read, scans + child_scans
    return read, scans


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    args = parser.parse_args(argv)
    configure(args.database_url)
    seed(args.releases)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from newsroom.models import PressRelease

    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    client = Client()
    total = PressRelease.objects.count()
    print(f"Query plans: {total:,} releases, each page built for an anonymous reader")
    print(f"{'page':24} {'statements':>10} {'release rows read':>18} {'seq scans':>10}")
    failures = []
    for label, path in pages():
        client.get(path)  # warm (plans, the content version)
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        assert status == 200, (path, status)
        read = scans = 0
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                node = plan_of(cursor, query["sql"])
                query_read, query_scans = releases_read(node)
                read, scans = read + query_read, scans + query_scans
                if query_scans:
                    failures.append((label, query["sql"]))
        print(f"{label:24} {len(captured):>10} {read:>18,} {scans:>10}")
    for label, sql in failures:
        print(f"\nSequential scan of {RELEASES} on {label}:\n{sql}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
