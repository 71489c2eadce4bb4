"""Handing out and sending alerts: exactly once per subscriber and release.

A release's alerts of a kind are handed out once (``Dispatch``, unique per release and kind):
one ``Delivery`` row per matching subscriber, unique per (subscriber, release). A worker
claims one pending row (``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, then a guarded
``UPDATE … WHERE state = 'pending'`` that only one worker can win, which is what keeps
SQLite safe too), commits the claim (state ``sending``), hands the message to the mail
server, then marks it ``sent``. So:

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
import math

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..models import PressRelease, ReleaseStatus
from .emails import Alerts
from .models import Delivery, Dispatch, Kind, State, Subscriber

logger = logging.getLogger(__name__)

SEND_TASK_SIZE = 1000  # deliveries per send task enqueued: several workers share a release
MAX_SEND_TASKS = 8


def due_kinds(release, now):
    """The alerts ``release`` calls for at ``now``: public once everyone may read it,
    embargoed while only accredited journalists may. Old news (public or embargoed for
    longer than ``ALERTS_LATE_LIMIT``: the archive, a worker stopped for days) calls for none."""
    if release.status != ReleaseStatus.PUBLISHED or not release.publish_at:
        return []
    oldest = now - settings.ALERTS_LATE_LIMIT
    if release.publish_at > now:
        return []
    if release.embargo_until and release.embargo_until > now:
        return [Kind.EMBARGOED] if release.publish_at >= oldest else []
    return [Kind.PUBLIC] if release.made_public_at >= oldest else []


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
    if created:
        from .tasks import send_alerts

        for _n in range(min(MAX_SEND_TASKS, math.ceil(created / SEND_TASK_SIZE))):
            send_alerts.enqueue()
    return created


def fan_out(release, kind):
    if kind == Kind.PUBLIC:
        # An embargoed alert not sent before the embargo lifted becomes the public one.
        Delivery.objects.filter(
            release=release, kind=Kind.EMBARGOED, state__in=[State.PENDING, State.SKIPPED]
        ).update(kind=Kind.PUBLIC, state=State.PENDING)
    ids = list(Subscriber.objects.for_release(release, kind).values_list("pk", flat=True))
    # A subscriber who had this release under embargo keeps that row: one alert per release.
    Delivery.objects.bulk_create(
        [Delivery(subscriber_id=pk, release=release, kind=kind) for pk in ids],
        ignore_conflicts=True,
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


def claim(now):
    """One pending delivery, now ``sending`` and committed as such; or None."""
    while True:
        with transaction.atomic():
            row = (
                claimable(now)
                .select_for_update(skip_locked=True, of=("self",))
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            )
            if row is None:
                return None
            won = Delivery.objects.filter(pk=row, state=State.PENDING).update(
                state=State.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
        if won:
            return Delivery.objects.select_related("subscriber").get(pk=row)


def send_pending(limit=None, now=None):
    """Send pending deliveries, one claimed at a time, until none is left (or ``limit``).
    Returns how many were sent. Safe to run in any number of workers at once."""
    alerts = Alerts()
    sent = 0
    with mailers.default as connection:  # one SMTP session for the batch
        while limit is None or sent < limit:
            delivery = claim(now or timezone.now())
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
            Delivery.objects.filter(pk=delivery.pk).update(state=State.SENT, sent_at=timezone.now())
            sent += 1
    return sent


def sweep(now=None):
    """What the worker checks every minute, whatever tasks were lost: releases due for alerts
    not handed out yet (dates changed by a bulk update, a task lost), deliveries not needed
    any more, and pending ones no worker is sending (one died before claiming them)."""
    now = now or timezone.now()
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
    for release_id in sorted(due):
        dispatch(release_id, now)
    # Withdrawn, embargo lifted before it went (the public alert takes over), unsubscribed.
    Delivery.objects.filter(state=State.PENDING).exclude(pk__in=claimable(now).values("pk")).update(
        state=State.SKIPPED
    )
    return send_pending(now=now)
