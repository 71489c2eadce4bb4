"""Alerts throughput: ``make bench-alerts`` (or ``python -m bench.alerts``).

Creates a PostgreSQL database of its own (``newsroom_bench_alerts``, dropped first and at the
end), 10,000 confirmed subscribers (half French, half English; every release or the issuing
institution), then publishes a release and times:

(a) enqueueing: the publication (which enqueues the release's alert task), then that task run
    by a worker: one delivery row per subscriber handed out, send tasks enqueued;
(b) one worker (``manage.py alerts_worker --batch``, a process of its own) sending every alert
    to a local SMTP sink (aiosmtpd, on a free port of 127.0.0.1, in this process);
(c) the same sending again with two workers at once (the rows set back to pending).
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.pages import free_port
from bench.search import admin_connection

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench_alerts"


class Sink:
    """Accepts every message, counts them (the aiosmtpd handler protocol)."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 Message accepted for delivery"


def recreate(url, drop_only=False):
    with admin_connection(url) as (admin, name):
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            admin.execute(f'CREATE DATABASE "{name}"')


def environment(url, smtp_port):
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1:8000",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "config.settings.auto",
    }


def seed(subscribers):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from alerts.models import Subscriber
    from newsroom.models import PressRelease, ReleaseIssuer
    from partners.models import Institution

    acme = Institution.objects.create(kind="company", name_fr="Acme", name_en="Acme", slug="acme")
    now = timezone.now()
    rows = Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{n:05}@example.org",
                language="fr" if n % 2 else "en",
                everything=n % 3 != 0,
                requested_at=now,
                confirmed_at=now,
            )
            for n in range(subscribers)
        ),
        batch_size=2000,
    )
    links = Subscriber.institutions.through
    links.objects.bulk_create(
        links(subscriber_id=row.pk, institution_id=acme.pk) for row in rows if not row.everything
    )
    release = PressRelease.objects.create(
        title_fr="Un communiqué pour 10 000 abonnés",
        title_en="A release for 10,000 subscribers",
        subtitle_fr="Le chapeau du communiqué.",
        subtitle_en="The release's lead.",
        body_fr="<p>Le texte.</p>",
        body_en="<p>The text.</p>",
        status=PressRelease.Status.APPROVED,
    )
    ReleaseIssuer.objects.create(release=release, institution=acme)
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    return release, user


def worker_command():
    return [
        sys.executable,
        "manage.py",
        "alerts_worker",
        "--batch",
        "--no-startup-delay",
        "--interval",
        "0",
        "--no-reload",
        "--verbosity",
        "0",
    ]


def run_workers(count, env):
    started = time.perf_counter()
    workers = [subprocess.Popen(worker_command(), cwd=ROOT, env=env) for _n in range(count)]
    codes = [worker.wait() for worker in workers]
    if any(codes):
        sys.exit(f"a worker failed: exit codes {codes}")
    return time.perf_counter() - started


def report(label, seconds, emails):
    print(f"{label:<52} {seconds:8.2f} s  {emails / seconds:9,.0f} emails/s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args()
    count = options.subscribers

    from aiosmtpd.controller import Controller

    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    env = environment(options.database_url, port)
    os.environ.update(env)
    recreate(options.database_url)
    try:
        import logging

        import django

        django.setup()
        for name in ("django_tasks_db", "django.tasks"):  # each task's start and end
            logging.getLogger(name).setLevel(logging.WARNING)
        from django.core.management import call_command
        from django_tasks_db.management.commands.db_worker import Worker

        from alerts.models import Delivery, State
        from alerts.tasks import send_alerts
        from newsroom.workflow import release_transition

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        release, user = seed(count)
        print(f"{count:,} confirmed subscribers created in {time.perf_counter() - started:.1f} s")
        print(f"SMTP sink (aiosmtpd) on 127.0.0.1:{port}; database {env['DATABASE_URL']}")
        print()

        started = time.perf_counter()
        release_transition(release=release, user=user, action="publish")
        publish = time.perf_counter() - started
        print(f"{'(a) publish (the alert task enqueued)':<52} {publish * 1000:8.1f} ms")
        started = time.perf_counter()
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=1,
            worker_id="bench-hand-out",
            excluded_queue_names=[],
        ).run()
        hand_out = time.perf_counter() - started
        handed = Delivery.objects.filter(release=release).count()
        assert handed == count, handed
        report(f"(a) hand out {handed:,} deliveries, enqueue send tasks", hand_out, handed)

        seconds = run_workers(1, env)
        sent = Delivery.objects.filter(state=State.SENT).count()
        assert sink.count == sent == count, (sink.count, sent)
        report(f"(b) one worker sends {sent:,} alerts (SMTP sink)", seconds, sent)

        Delivery.objects.update(state=State.PENDING, sent_at=None, attempts=0)
        for _n in range(8):
            send_alerts.enqueue()
        sink.count = 0
        seconds = run_workers(2, env)
        sent = Delivery.objects.filter(state=State.SENT).count()
        assert sink.count == sent == count, (sink.count, sent)
        report(f"(c) two workers send {sent:,} alerts (SMTP sink)", seconds, sent)
        print(f"\nthe sink received {sink.count:,} messages in (c): each alert once")
    finally:
        controller.stop()
        from django.db import connections

        connections.close_all()
        if not options.keep:
            recreate(options.database_url, drop_only=True)


if __name__ == "__main__":
    main()
