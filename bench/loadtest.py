"""Load and fault test: ``make loadtest`` (or ``python -m bench.loadtest``).

In a throw-away PostgreSQL cluster of its own (bench/scratch_postgres.py: never the machine's
service), seeds N releases (bench/corpus.py, as ``make bench`` does) and serves them with
gunicorn (2 workers, DEBUG off, as ``make bench``: bench/pages.py). Then:

1. Load: CLIENTS reader threads for DURATION seconds over home, lists, filtered lists,
   release pages, institution pages, feeds, sitemaps and searches, in both languages, while a
   publisher (through the ORM and the workflow, as the back office does) publishes a new
   release or edits a published one every INTERVAL seconds, and reads each one's page at once.
   Every edit must be in the database afterwards (and again after the restart below), every
   page read must be 200, and a release's page must show its edit or publication at once.
2. Fault: PostgreSQL stopped (``pg_ctl stop -m fast``): every request must get the clear 503
   page (both languages, Retry-After, no-store, no traceback). Started again: pages must be 200
   again within seconds, gunicorn untouched.

Prints a table; exits 1 on any error, lost edit or failed check.
"""

import argparse
import http.client
import os
import queue
import random
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from urllib.parse import urlencode

from bench.pages import WORKERS, Server, collect_static
from bench.scratch_postgres import PORT, ScratchPostgres
from bench.search import PATHS, QUERIES, configure, seed

# Share of reads per page type (a newsroom's readers: releases first, then the lists).
WEIGHTS = {
    "home": 15,
    "list": 12,
    "filtered list": 8,
    "release": 30,
    "institution": 5,
    "feed": 10,
    "search": 12,
    "sitemap": 8,
}
OUTAGE_TEXTS = ("Salle de presse momentanément indisponible", "Newsroom temporarily unavailable")


def fetch(port, path, timeout=60):
    """(status, headers, body text) of a GET: a new connection each time, as gunicorn's sync
    workers close them."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def targets():
    """{page type: [paths]} read by the clients, from the seeded archive."""
    from newsroom.models import PressRelease
    from partners.models import Institution

    releases = list(PressRelease.objects.published().order_by("-release_date", "-pk"))
    newest = releases[0]
    issuer, year = newest.issuers.first(), newest.release_date.year
    institutions = Institution.objects.filter(slug__startswith="bench-").order_by("pk")[:10]
    return {
        "home": ["/fr/", "/en/"],
        "list": ["/fr/communiques/", "/en/press-releases/", "/fr/communiques/?page=2"],
        "filtered list": [
            f"/fr/communiques/?{urlencode({'institution': issuer.slug, 'year': year})}",
            f"/en/press-releases/?{urlencode({'institution': issuer.slug})}",
            f"/fr/communiques/?{urlencode({'year': year - 3})}",
        ],
        "release": [r.get_absolute_url(code) for r in releases for code in ("fr", "en")],
        "institution": [
            f"/{code}/institutions/{i.slug}/" for i in institutions for code in ("fr", "en")
        ],
        "feed": ["/fr/flux/rss/", "/en/feeds/rss/", "/fr/flux/atom/", "/en/feeds/atom/"],
        "search": [f"{PATHS[code]}?{urlencode({'q': query})}" for code, query in QUERIES],
        "sitemap": ["/sitemap.xml", f"/sitemap-releases-{year}.xml", "/news-sitemap.xml"],
    }


class Readers:
    """CLIENTS threads reading pages until ``stop_at``; per page type: latencies, errors."""

    def __init__(self, port, pages, clients):
        self.port, self.pages, self.clients = port, pages, clients
        self.latencies = defaultdict(list)
        self.errors = defaultdict(Counter)  # page type → {kind: count}
        self.lock = threading.Lock()

    def run(self, seconds):
        stop_at = time.monotonic() + seconds
        threads = [
            threading.Thread(target=self.read, args=(n, stop_at)) for n in range(self.clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def read(self, n, stop_at):
        rng = random.Random(n)
        kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
        latencies, errors = defaultdict(list), defaultdict(Counter)
        while time.monotonic() < stop_at:
            kind = rng.choices(kinds, weights)[0]
            path = rng.choice(self.pages[kind])
            started = time.perf_counter()
            try:
                status, _headers, _body = fetch(self.port, path)
                if status != 200:
                    errors[kind][f"HTTP {status}"] += 1
            except (OSError, http.client.HTTPException) as exc:
                errors[kind][type(exc).__name__] += 1
            latencies[kind].append(time.perf_counter() - started)
        with self.lock:
            for kind, values in latencies.items():
                self.latencies[kind] += values
            for kind, counts in errors.items():
                self.errors[kind].update(counts)


class Publisher(threading.Thread):
    """Every ``interval`` seconds, in turn: a new release through the workflow (draft,
    submitted, approved, published), or an edit of a published one (a numbered mark appended
    to both titles, saved as the back office saves: locked row, version, revision). Each is
    recorded, and its page read at once through the server."""

    def __init__(self, port, pages, interval, stop_event):
        super().__init__()
        self.port, self.pages, self.interval, self.stop_event = port, pages, interval, stop_event
        self.edits = {}  # release id → (title_fr, title_en) saved
        self.published = []  # release ids
        self.errors = Counter()
        self.checked = 0  # pages read after a write, showing it
        # Pages are read by a thread of their own: waiting in the server's queue behind the
        # readers must not slow the writes down.
        self.checks = queue.Queue()
        self.checker = threading.Thread(target=self.check_pages)

    def run(self):
        from django.db import connection

        self.checker.start()
        try:
            self.loop()
        except Exception as exc:  # reported, not swallowed: the run fails
            self.errors[f"publisher stopped: {type(exc).__name__}: {exc}"] += 1
        finally:
            connection.close()
            self.checks.put(None)
            self.checker.join()

    def loop(self):
        from django.contrib.auth import get_user_model

        from newsroom.models import PressRelease

        user, _created = get_user_model().objects.get_or_create(
            username="loadtest-publisher", defaults={"is_staff": True, "is_superuser": True}
        )
        rng = random.Random(2026)
        editable = list(PressRelease.objects.published().values_list("pk", flat=True))
        rng.shuffle(editable)  # each edit on a release of its own: each one checkable
        number, started = 0, time.monotonic()
        # On a fixed schedule: a write that took long is followed by the next one at once.
        while not self.stop_event.wait(max(0, started + number * self.interval - time.monotonic())):
            number += 1
            if number % 2:
                self.publish(user, number)
            else:
                self.edit(user, editable.pop(), number)

    def publish(self, user, number):
        from django.db import transaction
        from django.utils import timezone

        from bench import corpus
        from newsroom.models import PressRelease, ReleaseIssuer
        from newsroom.search import index
        from newsroom.workflow import release_transition
        from partners.models import Institution

        row = corpus.release(1_000_000 + number)
        with transaction.atomic(), index.deferred():
            release = PressRelease.objects.create(
                release_date=timezone.localdate(),
                original_language=row["original_language"],
                created_by=user,
                **{
                    f"{field}_{code}": row[field][code] + (f" (n° {number})" * (field == "title"))
                    for field in ("title", "subtitle", "dateline", "body")
                    for code in ("fr", "en")
                },
            )
            institution = Institution.objects.get(slug=f"bench-{row['issuers'][0]}")
            ReleaseIssuer.objects.create(release=release, institution=institution)
        for action in ("submit", "approve", "publish"):
            release = release_transition(release=release, user=user, action=action)
        self.published.append(release.pk)
        path = release.get_absolute_url("fr")
        self.pages["release"].append(path)  # readers read it too from now on
        self.checks.put((path, f"(n° {number})", "new release not shown"))

    def edit(self, user, pk, number):
        import reversion
        from django.db import transaction

        from newsroom.models import PressRelease

        mark_fr, mark_en = f" — rév. {number}", f" — rev. {number}"
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(f"Load test edit {number}")
            release = PressRelease.objects.select_for_update().get(pk=pk)
            release.title_fr += mark_fr
            release.title_en += mark_en
            release.version += 1
            release.updated_by = user
            release.save()
        self.edits[pk] = (release.title_fr, release.title_en)
        self.checks.put((release.get_absolute_url("en"), mark_en, "edit not shown"))

    def check_pages(self):
        while (check := self.checks.get()) is not None:
            path, text, error = check
            try:
                status, _headers, body = fetch(self.port, path)
            except (OSError, http.client.HTTPException) as exc:
                self.errors[f"{error}: {type(exc).__name__}"] += 1
                continue
            if status != 200 or text not in body:
                self.errors[f"{error} (HTTP {status})"] += 1
            self.checked += 1


def lost_edits(publisher):
    """Edits and publications the database does not hold (read afresh)."""
    from django.db import connection

    from newsroom.models import PressRelease

    connection.close()
    rows = PressRelease.objects.filter(pk__in=publisher.edits)
    saved = {pk: (fr, en) for pk, fr, en in rows.values_list("pk", "title_fr", "title_en")}
    lost = sum(saved.get(pk) != titles for pk, titles in publisher.edits.items())
    public = set(
        PressRelease.objects.published()
        .filter(pk__in=publisher.published)
        .values_list("pk", flat=True)
    )
    lost += len(set(publisher.published) - public)
    connection.close()
    return lost


def outage(port, pages, seconds=3.0, clients=8):
    """Requests while PostgreSQL is stopped: {"requests", "clear 503", "other": Counter}."""
    paths = [path for kind in WEIGHTS for path in pages[kind][:4]]
    results = Counter()
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def read(n):
        rng, mine = random.Random(n), Counter()
        while time.monotonic() < stop_at:
            try:
                status, headers, body = fetch(port, rng.choice(paths), timeout=10)
            except (OSError, http.client.HTTPException) as exc:
                mine[type(exc).__name__] += 1
                continue
            clear = (
                status == 503
                and all(text in body for text in OUTAGE_TEXTS)
                and "Traceback" not in body
                and headers.get("Retry-After")
                and headers.get("Cache-Control") == "no-store"
            )
            mine["clear 503" if clear else f"HTTP {status}, not the clear page"] += 1
        with lock:
            results.update(mine)

    threads = [threading.Thread(target=read, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def recovery(port, pages, limit=30.0):
    """Seconds until the home page is 200 again, then {path: status} of every page type
    (twice: both workers)."""
    started = time.monotonic()
    while True:
        try:
            if fetch(port, "/fr/", timeout=5)[0] == 200:
                break
        except (OSError, http.client.HTTPException):
            pass
        if time.monotonic() - started > limit:
            return None, {}
        time.sleep(0.05)
    seconds = time.monotonic() - started
    statuses = Counter()
    for _round in range(2):
        for kind in WEIGHTS:
            for path in pages[kind][:3]:
                statuses[fetch(port, path)[0]] += 1
    return seconds, statuses


def percentile(values, percent):
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1] * 1000


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=2000)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between writes")
    parser.add_argument("--port", type=int, default=PORT, help="the throw-away cluster's")
    args = parser.parse_args(argv)

    with ScratchPostgres(args.port) as cluster:
        print(f"Throw-away PostgreSQL on port {args.port} ({cluster.root})", flush=True)
        configure(cluster.url)
        seed(args.releases)
        collect_static()
        pages = targets()
        from django.db import connections

        connections.close_all()
        # Errors only from the app: the fault phase's hundreds of 503 warnings (one line per
        # request) would bury the report; the statuses are counted here instead.
        os.environ.setdefault("LOG_LEVEL", "ERROR")
        server = Server(cluster.url, cache_seconds=600)
        try:
            print(f"Load: {args.clients} clients, {args.duration} s…", flush=True)
            readers = Readers(server.port, pages, args.clients)
            stop = threading.Event()
            publisher = Publisher(server.port, pages, args.interval, stop)
            publisher.start()
            started = time.monotonic()
            readers.run(args.duration)
            elapsed = time.monotonic() - started
            stop.set()
            publisher.join()
            lost = lost_edits(publisher)
            connections.close_all()

            print("Fault: PostgreSQL stopped…", flush=True)
            cluster.stop()
            during = outage(server.port, pages)
            restart = time.monotonic()
            cluster.start()
            ready = time.monotonic() - restart
            back, after = recovery(server.port, pages)
            lost_after_restart = lost_edits(publisher)
            gunicorn_pid_same = server.process.poll() is None
        finally:
            server.stop()

    failures = report(
        args, readers, publisher, elapsed, lost, lost_after_restart, during, ready, back, after
    )
    if not gunicorn_pid_same:
        print("gunicorn exited during the test")
        failures += 1
    print(f"Result: {'PASS' if not failures else f'FAIL ({failures} problems)'}")
    return 1 if failures else 0


def report(args, readers, publisher, elapsed, lost, lost_after, during, ready, back, after):
    """Prints the table; returns the number of problems."""
    print()
    print(
        f"Load test: {args.releases:,} releases, PostgreSQL (throw-away cluster), gunicorn "
        f"{WORKERS} workers, {args.clients} clients × {args.duration} s, a write every "
        f"{args.interval} s, on {os.cpu_count()} cores"
    )
    print(f"{'page':14} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    every = []
    for kind in WEIGHTS:
        values = readers.latencies.get(kind, [])
        every += values
        errors = sum(readers.errors[kind].values())
        if len(values) > 1:
            print(
                f"{kind:14} {len(values):>9} {len(values) / elapsed:>7.1f}"
                f" {percentile(values, 50):>8.1f} {percentile(values, 99):>8.1f} {errors:>7}"
            )
    errors = sum(sum(counts.values()) for counts in readers.errors.values())
    print(
        f"{'all':14} {len(every):>9} {len(every) / elapsed:>7.1f}"
        f" {percentile(every, 50):>8.1f} {percentile(every, 99):>8.1f} {errors:>7}"
    )
    kinds = Counter()
    for counts in readers.errors.values():
        kinds.update(counts)
    print(f"Reader errors by kind: {dict(kinds) or 'none'}")
    writes = len(publisher.published) + len(publisher.edits)
    print(
        f"Publisher: {len(publisher.published)} releases published, {len(publisher.edits)} "
        f"edits ({writes / elapsed:.1f} writes/s); lost: {lost} (after the restart: "
        f"{lost_after}); pages showing the write when read: {publisher.checked}/{writes}; "
        f"errors: {dict(publisher.errors) or 'none'}"
    )
    clear, total = during["clear 503"], sum(during.values())
    others = {kind: n for kind, n in during.items() if kind != "clear 503"}
    print(
        f"PostgreSQL stopped: {total} requests, {clear} answered the clear 503 page "
        f"(both languages, Retry-After, no-store, no traceback); others: {others or 'none'}"
    )
    if back is None:
        print("PostgreSQL started again: pages NOT back within 30 s (gunicorn not restarted)")
    else:
        print(
            f"PostgreSQL started again (ready in {ready:.1f} s): home 200 after {back:.2f} s "
            f"more, without restarting gunicorn; then every page type: "
            f"{dict(after)} (statuses)"
        )
    problems = errors + lost + lost_after + sum(publisher.errors.values())
    problems += writes - publisher.checked
    problems += sum(others.values()) + (total == 0)
    problems += 1 if back is None else sum(n for status, n in after.items() if status != 200)
    return problems


if __name__ == "__main__":
    sys.exit(main())
