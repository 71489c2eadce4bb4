"""Page benchmark: ``make bench`` (or ``python -m bench.pages --releases N``).

Seeds N deterministic releases (bench/corpus.py, as ``make bench-search`` does) into a
PostgreSQL database of its own, starts the app under gunicorn (2 workers) on 127.0.0.1 and
drives each page with wrk (Debian's package) for a fixed time at a fixed concurrency: built for
every request (the page cache keeping nothing), then cached; and, in the same run, a Django view
returning a constant (the floor, ``bench/urls.py``). Prints one table: requests/s and p50/p99
latency per page, each page's throughput as a share of the floor's, and the workers' peak
memory.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.search import configure, seed

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2


def pages():
    """[(label, path)] of the page types measured, from the seeded archive."""
    from urllib.parse import urlencode

    from newsroom.models import PressRelease

    newest = PressRelease.objects.published().order_by("-release_date", "-pk").first()
    issuer = newest.issuers.first()
    year = newest.release_date.year
    return [
        ("home", "/fr/"),
        ("list", "/fr/communiques/"),
        (
            "filtered list",
            f"/fr/communiques/?{urlencode({'institution': issuer.slug, 'year': year})}",
        ),
        ("release detail", newest.get_absolute_url("fr")),
        ("institution page", f"/fr/institutions/{issuer.slug}/"),
        ("feed", "/fr/flux/rss/"),
        ("search", f"/fr/communiques/?{urlencode({'q': 'immunothérapie'})}"),
        # Last: built, each takes seconds, and the requests wrk leaves queued would slow the
        # next page's line.
        ("sitemap", "/sitemap.xml"),
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the app (bench settings: the project's, plus the floor's URL)."""

    def __init__(self, database_url, cache_seconds):
        self.port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "HTTPS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "PAGE_CACHE_SECONDS": str(cache_seconds),
        }
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "config.wsgi",
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/bench/floor/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)

    def workers(self):
        children = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                children.append(text)
        return children

    def peak_memory_mb(self):
        """The largest peak resident size (VmHWM) of the workers, in MB."""
        peaks = [
            int(match.group(1))
            for text in self.workers()
            if (match := re.search(r"^VmHWM:\s+(\d+) kB", text, re.M))
        ]
        return max(peaks, default=0) / 1024

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def collect_static():
    """What the app serves with DEBUG off: hashed, compressed static files (its own settings)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity=0"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.auto"},
        check=True,
    )


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections, threads):
    """{"rps", "p50", "p99" (ms), "errors"} of wrk driving ``url``."""
    urllib.request.urlopen(url, timeout=120).read()  # warm (and, cached, filled)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNITS[unit]

    # "Non-2xx or 3xx responses: N" and "Socket errors: connect N, read N, write N, timeout N"
    errors = sum(
        int(n) for n in re.findall(r"(?:responses:|connect|read|write|timeout) (\d+)", output)
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {"rps": rps, "p50": latency(50), "p99": latency(99), "errors": errors}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and mode")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("make bench needs wrk: apt-get install wrk")
    url = args.database_url or f"postgres://postgres@127.0.0.1:5432/newsroom_bench_{args.releases}"
    configure(url)
    seed(args.releases)
    from django.db import connection

    collect_static()
    measured = pages()
    connection.close()

    results, memory = {}, {}
    for mode, cache_seconds in (("built", 0), ("cached", 600)):
        server = Server(url, cache_seconds)
        try:
            if mode == "cached":
                results["floor"] = wrk(
                    f"{server.url}/bench/floor/", args.duration, args.connections, args.threads
                )
            for label, path in measured:
                print(f"  {mode:6} {label}…", flush=True)
                results[label, mode] = wrk(
                    server.url + path, args.duration, args.connections, args.threads
                )
            memory[mode] = server.peak_memory_mb()
        finally:
            server.stop()

    floor = results["floor"]
    print()
    print(
        f"Page benchmark: {args.releases:,} releases, PostgreSQL, gunicorn {WORKERS} workers, "
        f"wrk {args.connections} connections × {args.duration} s per line, on "
        f"{os.cpu_count()} cores"
    )
    print(
        f"{'page':18} {'mode':7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f" {'× floor':>8}"
    )
    print(
        f"{'floor':18} {'':7} {floor['rps']:>8.0f} {floor['p50']:>8.2f} {floor['p99']:>8.2f}"
        f" {floor['errors']:>7} {1:>8.2f}"
    )
    for label, _path in measured:
        for mode in ("built", "cached"):
            row = results[label, mode]
            print(
                f"{label:18} {mode:7} {row['rps']:>8.0f} {row['p50']:>8.2f} {row['p99']:>8.2f}"
                f" {row['errors']:>7} {row['rps'] / floor['rps']:>8.2f}"
            )
    print()
    print(
        f"Peak memory of a worker: {memory['built']:.0f} MB (pages built), "
        f"{memory['cached']:.0f} MB (cached)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
