"""Search benchmark: ``make bench-search`` (or ``python -m bench.search --releases N``).

Seeds N deterministic bilingual releases (bench/corpus.py) into a PostgreSQL database of its
own (kept between runs; reseeded when N or the corpus changes), then times 30 fixed queries on
the public search page: the database work (sum of the SQL statements' time) and the whole view
(Django's test client: middleware, view, template), with the search engine and with the same
page done naively (``icontains``, counted and faceted over every match: ``NaiveResults``) on
the same data, and prints both with their ratio. Pages are built (the page cache keeps
nothing) from the parts every reader shares (filter options, facet names, release cards:
``page_cache.shared``); the engine is also measured with no part kept, and served from the page
cache.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
import warnings
import zoneinfo
from contextlib import contextmanager

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench"

QUERIES = [
    # (page language, query): single words, accents, phrases, syntax, names, misses.
    ("fr", "immunothérapie"),
    ("fr", "immunotherapie"),
    ("fr", "glioblastome"),
    ("fr", "mésothéliome"),
    ("fr", "mesotheliome"),
    ("fr", '"cellules persistantes"'),
    ("fr", "lymphocytes mémoires"),
    ("fr", "Barlesi"),
    ("fr", "PD-L1"),
    ("fr", "anticorps bispécifique"),
    ("fr", "neuroblastome -souris"),
    ("fr", "mélanome OR sarcome"),
    ("fr", "Gustave Roussy"),
    ("fr", "rétinoblastome pédiatrie"),
    ("fr", "zorglubine"),
    ("en", "immunotherapy"),
    ("en", "persister cells"),
    ("en", '"resident memory T cells"'),
    ("en", "glioblastoma"),
    ("en", "KRAS G12C"),
    ("en", "Sanofi"),
    ("en", "bispecific antibody -mouse"),
    ("en", "melanoma OR sarcoma"),
    ("en", "proton therapy"),
    ("en", "Parisel"),
    ("en", "Villejuif"),
    ("en", "CLDN18.2"),
    ("en", "retinoblastoma"),
    ("en", "artificial intelligence melanoma"),
    ("en", "qwertyuiop"),
]
PATHS = {"fr": "/fr/communiques/", "en": "/en/press-releases/"}


@contextmanager
def admin_connection(url):
    """(connection to the server's ``postgres`` database, the name of ``url``'s database):
    databases are created and dropped from there."""
    import psycopg
    from dj_database_url import parse

    params = parse(url)
    with psycopg.connect(
        host=params["HOST"],
        port=params["PORT"] or 5432,
        user=params["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        yield admin, params["NAME"]


def configure(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "0"
    os.environ["HTTPS"] = "0"  # the test client and wrk speak plain HTTP on 127.0.0.1
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.auto")
    with admin_connection(url) as (admin, name):
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    import django
    from django.conf import settings

    warnings.filterwarnings("ignore", message="No directory at", module="django")
    django.setup()
    # Pages render without collectstatic (static URLs are not what is measured).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def seed(count):
    """Create the archive unless this database already holds it (same size, same corpus)."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from bench import corpus
    from newsroom import page_cache
    from newsroom.models import PressRelease, Quote, ReleaseIssuer, Topic
    from newsroom.search import index
    from partners.models import Institution, Person

    call_command("migrate", verbosity=0)
    marker = f"{corpus.VERSION}-{count}"
    if Institution.objects.filter(slug=marker).exists():
        print(f"Archive already seeded: {count:,} releases ({corpus.VERSION}).")
        return
    started = time.perf_counter()
    print(f"Seeding {count:,} releases…", flush=True)
    with transaction.atomic():
        # The benchmark's own database: emptied at once (the ORM would delete row by row,
        # each delete re-indexing and changing the pages' version).
        tables = [model._meta.db_table for model in (PressRelease, Person, Topic, Institution)]
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        institutions = Institution.objects.bulk_create(
            Institution(kind=kind, name_fr=name, name_en=name, slug=f"bench-{n}")
            for n, (name, kind) in enumerate(corpus.INSTITUTIONS)
        )
        people = Person.objects.bulk_create(
            Person(first_name=first, last_name=last, slug=f"bench-{n}")
            for n, (first, last) in enumerate(corpus.people())
        )
        topics = Topic.objects.bulk_create(
            Topic(name_fr=fr, name_en=en, slug_fr=f"bench-fr-{n}", slug_en=f"bench-en-{n}")
            for n, (fr, en) in enumerate(corpus.TOPICS)
        )
    paris = zoneinfo.ZoneInfo("Europe/Paris")

    def published(row):
        # On its day, in the morning (Paris time), a minute apart: as a newsroom publishes.
        morning = datetime.datetime.combine(row["release_date"], datetime.time(8), paris)
        return morning + datetime.timedelta(minutes=row["number"] % 180)

    batch = 2000
    for start in range(0, count, batch):
        rows = [corpus.release(number) for number in range(start, min(start + batch, count))]
        with transaction.atomic():
            releases = PressRelease.objects.bulk_create(
                PressRelease(
                    status="published",
                    publish_at=published(row),
                    release_date=row["release_date"],
                    original_language=row["original_language"],
                    slug_fr=f"r{row['number']}-fr",
                    slug_en=f"r{row['number']}-en",
                    **{
                        f"{field}_{code}": row[field][code]
                        for field in ("title", "subtitle", "dateline", "body")
                        for code in ("fr", "en")
                    },
                )
                for row in rows
            )
            ReleaseIssuer.objects.bulk_create(
                ReleaseIssuer(release=release, institution=institutions[i], order=order)
                for release, row in zip(releases, rows, strict=True)
                for order, i in enumerate(row["issuers"])
            )
            PressRelease.topics.through.objects.bulk_create(
                PressRelease.topics.through(pressrelease=release, topic=topics[i])
                for release, row in zip(releases, rows, strict=True)
                for i in row["topics"]
            )
            Quote.objects.bulk_create(
                Quote(
                    release=release,
                    person=people[speaker],
                    order=order,
                    text_fr=quote["fr"],
                    text_en=quote["en"],
                )
                for release, row in zip(releases, rows, strict=True)
                for order, (speaker, quote) in enumerate(
                    zip(row["speakers"], row["quotes"], strict=True)
                )
            )
            # bulk_create skips signals: the index is written as saves would write it.
            index.refresh([release.pk for release in releases])
        done = start + len(rows)
        print(f"  {done:,} ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # fresh statistics for the planner
    Institution.objects.create(kind="public_body", name_fr=marker, slug=marker)
    page_cache.change()  # bulk writes skip the signals that change the pages' version
    print(f"Seeded in {time.perf_counter() - started:.0f} s.")


@contextmanager
def database_time(totals):
    """Adds the time spent in SQL statements to ``totals[0]``."""
    from django.db import connection

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            totals[0] += time.perf_counter() - started

    with connection.execute_wrapper(timer):
        yield


def naive_search(releases, query, language):
    """The baseline's matching: every word of the query as a substring (icontains) of the
    release's own texts, its quotes and speakers, or its issuers' names."""
    from django.db.models import Q

    from newsroom.models import Quote, ReleaseIssuer

    match = Q()
    for word in query.replace('"', " ").split():
        word = word.lstrip("-")
        if word.casefold() == "or" or not word:
            continue
        quotes = Quote.objects.filter(
            Q(**{f"text_{language}__icontains": word}) | Q(person__last_name__icontains=word)
        )
        issuers = ReleaseIssuer.objects.filter(**{f"institution__name_{language}__icontains": word})
        match &= (
            Q(**{f"title_{language}__icontains": word})
            | Q(**{f"subtitle_{language}__icontains": word})
            | Q(**{f"body_{language}__icontains": word})
            | Q(pk__in=quotes.values("release"))
            | Q(pk__in=issuers.values("release"))
        )
    return releases.filter(match)


class NaiveResults:
    """The same search page done the naive way: icontains, newest first, the paginator's
    count, a page, and facets counted over the matches (what a list with a search box does
    without a search engine). Stands in for ``SearchResults`` in the view."""

    def __init__(self, releases, query, language, **kwargs):
        from newsroom.search.results import CANDIDATES

        self.matches = naive_search(releases, query, language)
        self.ids = self.matches.values_list("pk", flat=True)  # counted, then a page read
        self.capped, self.limit = False, CANDIDATES

    def facets(self, names):
        """Counted over every match: their ids and dates are read once, then each facet is
        counted in SQL over those ids (``names`` unused: the naive page reads the rows)."""
        from collections import Counter

        from django.db.models import Count
        from django.utils import translation

        from newsroom.models import Topic
        from partners.models import Institution

        rows = list(self.matches.values_list("pk", "release_date"))
        ids = [pk for pk, _day in rows]
        institutions = (
            Institution.objects.filter(releaseissuer__release_id__any_of=ids)
            .annotate(hits=Count("releaseissuer"))
            .order_by("-hits", "name")
        )
        topics = (
            Topic.objects.filter(press_releases__id__any_of=ids)
            .annotate(hits=Count("press_releases"))
            .order_by("-hits", "name")
        )
        years = Counter(day.year for _pk, day in rows)
        slug = f"slug_{translation.get_language()}"
        return {
            "institution": [(obj.name, obj.slug, obj.hits) for obj in institutions],
            "topic": [(obj.name, getattr(obj, slug), obj.hits) for obj in topics],
            "year": [(year, year, hits) for year, hits in sorted(years.items(), reverse=True)],
        }


def measure(client, repeat, queries=QUERIES):
    """{(language, query): [(database seconds, view seconds, results)]}."""
    from django.utils import translation

    from newsroom.models import PressRelease
    from newsroom.search.queries import ranked

    results = {}
    for language, query in queries:
        runs = []
        parameters = {"q": query} if query else {}
        client.get(PATHS[language], parameters)  # warm (plans, caches)
        for _run in range(repeat):
            totals = [0.0]
            with database_time(totals):
                started = time.perf_counter()
                response = client.get(PATHS[language], parameters)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (query, response.status_code)
            runs.append((totals[0], elapsed))
        results[language, query] = runs
        with translation.override(language):
            releases = PressRelease.objects.visible_to(None)
            found = ranked(releases, query, language).count() if query else releases.count()
        results[language, query] = [(*run, found) for run in runs]
    return results


def summary(results, column):
    values = sorted(run[column] * 1000 for runs in results.values() for run in runs)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return statistics.median(values), p95, values[-1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (engine)")
    parser.add_argument("--baseline-repeat", type=int, default=1, help="runs per query (icontains)")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    args = parser.parse_args(argv)
    configure(args.database_url)
    seed(args.releases)

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from newsroom import views
    from newsroom.models import PressRelease

    client = Client()
    # Every page built (the page cache keeps nothing): the search's own cost. What pages are
    # made of (filter options, facet names, release cards) is kept, as for every reader.
    cached_seconds, settings.PAGE_CACHE_SECONDS = settings.PAGE_CACHE_SECONDS, 0
    # The same page without a search: what Django, the filters and 20 cards cost anyway.
    floor = measure(client, args.repeat, [("fr", ""), ("en", "")])
    engine = measure(client, args.repeat)
    engine_results = views.SearchResults
    views.SearchResults = NaiveResults
    try:
        baseline = measure(client, args.baseline_repeat)
    finally:
        views.SearchResults = engine_results
    # Nothing kept at all: each page's parts built too (the first pages after an edit).
    parts_seconds, settings.FRAGMENT_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS, 0
    unkept = measure(client, args.repeat)
    settings.FRAGMENT_CACHE_SECONDS = parts_seconds
    # The same searches asked again, as readers do, served by the page cache.
    settings.PAGE_CACHE_SECONDS = cached_seconds
    cached = measure(client, args.repeat)

    version = connection.cursor().connection.info.server_version
    print()
    print(
        f"Search benchmark: {PressRelease.objects.count():,} releases, PostgreSQL "
        f"{version // 10000}.{version % 10000}, {len(QUERIES)} queries × {args.repeat} runs "
        f"(engine), × {args.baseline_repeat} (icontains baseline)"
    )
    header = f"{'query':40} {'lang':4} {'results':>8} {'engine ms':>10} {'icontains ms':>13}"
    print(f"{header} {'ratio':>7}")
    for key in QUERIES:
        mine = statistics.median(run[1] for run in engine[key]) * 1000
        naive = statistics.median(run[1] for run in baseline[key]) * 1000
        print(
            f"{key[1][:40]:40} {key[0]:4} {engine[key][0][2]:>8,} {mine:>10.1f} "
            f"{naive:>13.1f} {naive / mine:>6.0f}×"
        )
    print()
    print(f"{'':40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    rows = {}
    measured = (
        ("no search", floor),
        ("engine", engine),
        ("icontains", baseline),
        ("engine, no part kept", unkept),
        ("engine, cached page", cached),
    )
    for label, results in measured:
        for column, name in ((0, "database work"), (1, "whole view")):
            rows[label, column] = summary(results, column)
            p50, p95, worst = rows[label, column]
            print(f"{label + ' ' + name:40} {p50:>8.1f} {p95:>8.1f} {worst:>8.1f}")
    for column, name in ((0, "database work"), (1, "whole view")):
        ratios = [
            b / e for b, e in zip(rows["icontains", column], rows["engine", column], strict=True)
        ]
        print(
            f"icontains / engine, {name}: p50 {ratios[0]:.0f}×, p95 {ratios[1]:.0f}×, "
            f"max {ratios[2]:.0f}×"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
