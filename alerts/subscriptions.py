"""Signing up (double opt-in), confirming, changing one's mind: the rules the views follow."""

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newsroom.models import Topic
from partners.models import Institution

from . import emails, links
from .forms import CONSENT
from .models import Subscriber


class StaleLink(Exception):
    """A confirmation link older than the subscriber's last confirmation or unsubscription."""


def request_subscription(choices, now=None):
    """Mail the address: a confirmation link carrying the choices, or, if the address is
    subscribed already, its preferences link. Either way the page says the same."""
    now = now or timezone.now()
    subscriber = Subscriber.objects.filter(email=choices["email"]).first()
    if subscriber is not None and subscriber.is_active:
        emails.already_subscribed(subscriber).send()
        return
    token = links.confirmation_token({**choices, "at": now.isoformat()})
    emails.confirmation(choices["email"], choices["language"], token).send()


@transaction.atomic
def confirm(choices, now=None):
    """The address's owner followed the confirmation link: subscribed with these choices,
    consent recorded. Returns the subscriber; raises StaleLink for a link made before their
    last confirmation or unsubscription (used already, or they changed their mind since)."""
    now = now or timezone.now()
    requested_at = parse_datetime(choices["at"])
    subscriber = Subscriber.objects.select_for_update().filter(email=choices["email"]).first()
    if subscriber is not None:
        last = max(
            moment
            for moment in (subscriber.confirmed_at, subscriber.unsubscribed_at, requested_at)
            if moment
        )
        if last > requested_at:
            raise StaleLink
    else:
        subscriber = Subscriber(email=choices["email"])
    for field in ("language", "everything", "other_languages", "embargoed"):
        setattr(subscriber, field, choices[field])
    subscriber.requested_at = requested_at
    subscriber.confirmed_at = now
    subscriber.unsubscribed_at = None
    subscriber.consent_text = str(CONSENT)
    subscriber.save()
    subscriber.institutions.set(Institution.objects.filter(pk__in=choices["institutions"]))
    subscriber.topics.set(Topic.objects.filter(pk__in=choices["topics"]))
    return subscriber


def unsubscribe(subscriber, now=None):
    """Idempotent: a second time changes nothing. The row stays (the consent's record, its
    withdrawal dated); nothing is sent to it any more."""
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = now or timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
    return subscriber
