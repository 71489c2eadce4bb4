"""Signed links: the confirmation of a sign-up (carries the choices, expires), and each
subscriber's preferences and unsubscribe links (do not expire: RFC 8058 asks that an
unsubscribe link keep working; revoked by changing the subscriber's key)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare

from .models import Subscriber

# The app lived at newsroom.alerts when links were first sent: the salts keep that name, so
# links already in inboxes stay valid.
CONFIRM_SALT = "newsroom.alerts.confirm"
SUBSCRIBER_SALT = "newsroom.alerts.subscriber"


class InvalidLink(Exception):
    """Forged, altered or revoked."""


class ExpiredLink(InvalidLink):
    pass


def confirmation_token(choices):
    """``choices``: the sign-up's plain data (email, language, ids…). Nothing is stored until
    the address's owner follows the link."""
    return signing.dumps(choices, salt=CONFIRM_SALT, compress=True)


CHOICES = {"email", "language", "everything", "institutions", "topics", "other_languages"}
CHOICES |= {"embargoed", "at"}


def read_confirmation(token):
    max_age = settings.ALERTS_CONFIRMATION_MAX_AGE
    try:
        choices = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    if not isinstance(choices, dict) or not choices.keys() >= CHOICES:
        raise InvalidLink  # signed by us, but not a sign-up's (another version's, say)
    return choices


def subscriber_token(subscriber):
    return signing.dumps([subscriber.pk, subscriber.key], salt=SUBSCRIBER_SALT)


def read_subscriber(token):
    try:
        pk, key = signing.loads(token, salt=SUBSCRIBER_SALT)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink from error
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or not constant_time_compare(subscriber.key, str(key)):
        raise InvalidLink
    return subscriber


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def url(name, token, language):
    with translation.override(language):
        return absolute(reverse(f"alerts:{name}", kwargs={"token": token}))


def confirm_url(token, language):
    return url("confirm", token, language)


def preferences_url(subscriber):
    return url("preferences", subscriber_token(subscriber), subscriber.language)


def unsubscribe_url(subscriber):
    return url("unsubscribe", subscriber_token(subscriber), subscriber.language)
