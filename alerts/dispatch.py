"""Handing out and sending alerts: exactly once per subscriber and release.

A release's alerts of a kind are handed out once (``Dispatch``, unique per release and kind):
one ``Delivery`` row per matching subscriber, unique per (subscriber, release). A worker
claims one pending row in one statement (``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP
LOCKED) AND state = 'pending' RETURNING …``: only one worker can win a row; on SQLite, which
writes one at a time, the same statement without the lock), committed as ``sending``, hands
the message to the mail server, then marks it ``sent``. So:

* two workers never send the same row: the claim is won by one;
* a worker killed between messages leaves nothing claimed: the next run (another task, the
  sweep) sends the rest;
* a worker killed while handing a message over leaves one row ``sending``: the message may
  have gone. It is not sent again (at most once per row: a subscriber never gets the same
  alert twice); staff see such rows in the back office. We prefer a rare missing alert to a
  duplicate one.
* a mail server that refuses a message (an SMTP error: it was not accepted) puts the row back
  to pending, tried again by a later run, ``failed`` after ``ALERTS_MAX_ATTEMPTS``.
"""

import logging

from django.conf import settings
from django.core.mail import mailers
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Q
from django.utils import timezone

from newsroom.models import PressRelease

from .emails import Alerts
from .models import Delivery, Dispatch, Kind, State, Subscriber

logger = logging.getLogger(__name__)


def due_kinds(release, now):
    """The alerts ``release`` calls for at ``now``: public once everyone may read it,
    embargoed while only accredited journalists may. Old news (public or embargoed for
    longer than ``ALERTS_LATE_LIMIT``: the archive, a worker stopped for days) calls for none."""
    oldest = now - settings.ALERTS_LATE_LIMIT
    if release.is_embargoed_at(now):
        return [Kind.EMBARGOED] if release.publish_at >= oldest else []
    if release.is_public_at(now):
        return [Kind.PUBLIC] if release.made_public_at >= oldest else []
    return []


def dispatch(release_id, now=None):
    """Hand out the alerts ``release_id`` calls for now (once per kind); returns how many
    deliveries were created. Run at the release's public moment, and by the sweep; early or
    repeated runs do nothing, so a moment moved later or earlier is always honoured."""
    now = now or timezone.now()
    created = 0
    with transaction.atomic():
        # Locked: a withdrawal or an edit of the dates waits for us, or we for it.
        release = PressRelease.objects.select_for_update().filter(pk=release_id).first()
        if release is None:
            return 0
        for kind in due_kinds(release, now):
            handed, new = Dispatch.objects.get_or_create(release=release, kind=kind)
            if new:
                handed.recipients = fan_out(release, kind)
                handed.save(update_fields=["recipients"])
                created += handed.recipients
    return created


def fan_out(release, kind):
    if kind == Kind.PUBLIC:
        # An embargoed alert not sent before the embargo lifted becomes the public one.
        Delivery.objects.filter(
            release=release, kind=Kind.EMBARGOED, state__in=[State.PENDING, State.SKIPPED]
        ).update(kind=Kind.PUBLIC, state=State.PENDING)
    # A subscriber who had this release under embargo keeps that row: one alert per release.
    ids = list(
        Subscriber.objects.for_release(release, kind)
        .exclude(deliveries__release=release)
        .values_list("pk", flat=True)
    )
    Delivery.objects.bulk_create(
        [Delivery(subscriber_id=pk, release=release, kind=kind) for pk in ids],
        ignore_conflicts=True,  # a concurrent hand-out, however unlikely, adds nothing twice
        batch_size=2000,
    )
    return len(ids)


def claimable(now):
    """Pending deliveries still wanted: the subscriber active, the release still readable as
    the alert says (public, or still under embargo for an embargoed one)."""
    published = PressRelease.objects.published(now).values("pk")
    embargoed = PressRelease.objects.under_embargo(now).values("pk")
    return Delivery.objects.filter(
        Q(kind=Kind.PUBLIC, release__in=published) | Q(kind=Kind.EMBARGOED, release__in=embargoed),
        state=State.PENDING,
        subscriber__in=Subscriber.objects.active().values("pk"),
    )


class Claims:
    """Claims pending deliveries one at a time, each in one statement (an ``UPDATE`` of the
    first claimable row, locked and skipping rows other workers hold, ``RETURNING`` it):
    built by the ORM from ``claimable`` once in a while, not at every message."""

    REFRESH = 30  # seconds a compiled statement is used (its "now" ages)

    def __init__(self, using=DEFAULT_DB_ALIAS):
        self.using = using
        self.connection = connections[using]
        self.built_at = None

    def statement(self, now):
        if self.built_at is None or abs((now - self.built_at).total_seconds()) > self.REFRESH:
            with transaction.atomic(using=self.using):  # FOR UPDATE compiles in a transaction
                first = (
                    claimable(now)
                    .select_for_update(skip_locked=True, of=("self",))
                    .order_by("pk")
                    .values("pk")[:1]
                )
                sql, params = first.query.sql_with_params()
            table = self.connection.ops.quote_name(Delivery._meta.db_table)
            self.sql = (
                f"UPDATE {table} SET state = %s, claimed_at = %s, attempts = attempts + 1 "
                f"WHERE id = ({sql}) AND state = %s RETURNING id, subscriber_id, release_id, "
                "kind, attempts"
            )
            self.params = [State.SENDING, self.at(now), *params, State.PENDING]
            self.built_at = now
        return self.sql, self.params

    def at(self, moment):
        return self.connection.ops.adapt_datetimefield_value(moment)

    def next(self, now):
        """One pending delivery, now ``sending`` (committed: autocommit); or None."""
        with self.connection.cursor() as cursor:
            cursor.execute(*self.statement(now))
            row = cursor.fetchone()
        if row is None:
            return None
        pk, subscriber_id, release_id, kind, attempts = row
        subscriber = Subscriber.objects.using(self.using).only("email", "language", "key")
        return Delivery(
            pk=pk,
            subscriber=subscriber.get(pk=subscriber_id),
            release_id=release_id,
            kind=kind,
            attempts=attempts,
            state=State.SENDING,
        )

    def sent(self, delivery):
        table = self.connection.ops.quote_name(Delivery._meta.db_table)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET state = %s, sent_at = %s WHERE id = %s",
                [State.SENT, self.at(timezone.now()), delivery.pk],
            )


def send_pending(limit=None, now=None):
    """Send pending deliveries, one claimed at a time, until none is left (or ``limit``).
    Returns how many were sent. Safe to run in any number of workers at once."""
    alerts = Alerts()
    claims = Claims()
    sent = 0
    with mailers.default as connection:  # one SMTP session for the batch
        while limit is None or sent < limit:
            delivery = claims.next(now or timezone.now())
            if delivery is None:
                break
            message = alerts.message(delivery)
            try:
                connection.send_messages([message])
            except Exception as error:  # refused: it was not accepted, so it may be retried
                logger.warning("Alert %s not accepted by the mail server: %s", delivery.pk, error)
                retry = delivery.attempts < settings.ALERTS_MAX_ATTEMPTS
                Delivery.objects.filter(pk=delivery.pk).update(
                    state=State.PENDING if retry else State.FAILED, error=str(error)[:300]
                )
                break  # the server is likely down: the next run tries again
            claims.sent(delivery)
            sent += 1
    return sent


def sweep(now=None):
    """What the worker checks every minute, whatever tasks were lost: releases due for alerts
    not handed out yet (dates changed by a bulk update, a task lost), deliveries not needed
    any more, and pending ones no worker is sending (one died before claiming them). The
    sweep task runs the same two steps, enqueueing send tasks in between (tasks.py)."""
    now = now or timezone.now()
    hand_out_due(now)
    return tidy_and_send(now)


def hand_out_due(now):
    """Hand out the alerts of releases due for them and not handed out yet; returns the
    deliveries made for each release."""
    oldest = now - settings.ALERTS_LATE_LIMIT
    public = (
        PressRelease.objects.published(now)
        .public_since(oldest)
        .exclude(alert_dispatches__kind=Kind.PUBLIC)
    )
    embargoed = (
        PressRelease.objects.under_embargo(now)
        .filter(publish_at__gte=oldest)
        .exclude(alert_dispatches__kind=Kind.EMBARGOED)
    )
    due = {*public.values_list("pk", flat=True), *embargoed.values_list("pk", flat=True)}
    return [dispatch(release_id, now) for release_id in sorted(due)]


def tidy_and_send(now):
    """Skip the deliveries no longer needed (withdrawn, embargo lifted before it went: the
    public alert takes over, unsubscribed), then send the pending ones."""
    Delivery.objects.filter(state=State.PENDING).exclude(pk__in=claimable(now).values("pk")).update(
        state=State.SKIPPED
    )
    return send_pending(now=now)
