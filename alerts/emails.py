"""The messages: alerts (text and HTML, in the subscriber's language) and the sign-up's
confirmation or "manage your preferences" mail."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from newsroom.branding import identity_of
from newsroom.clock import paris_and_utc
from newsroom.models import PressRelease
from newsroom.release_prefetches import detail_prefetches

from . import links
from .models import Kind

# Stand-ins for each subscriber's own links: a release's message is rendered once per
# language and kind (10,000 renderings would cost more than the sending), then personalised.
PREFERENCES = "https://newsroom.invalid/preferences-link"
UNSUBSCRIBE = "https://newsroom.invalid/unsubscribe-link"


def paris_time(moment):
    """'3 décembre 2026 à 09:00, heure de Paris (08:00 UTC)' (``clock.paris_and_utc``)."""
    return paris_and_utc(moment)


def sender():
    """DEFAULT_FROM_EMAIL's address under the newsroom's name, in the active language."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((identity_of().name, address))


def multipart(subject, template, context, to):
    context = {"identity": identity_of(), **context}
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, sender(), [to])
    message.attach_alternative(html, "text/html")
    return message


class Alerts:
    """Builds alert messages, each release's text rendered once per (kind, language)."""

    def __init__(self):
        self.releases = {}
        self.rendered = {}

    def release(self, release_id):
        """Read once per batch, whatever the number of languages and kinds it is sent in."""
        if release_id not in self.releases:
            release = PressRelease.objects.get(pk=release_id)
            prefetch_related_objects([release], *detail_prefetches())
            self.releases[release_id] = release
        return self.releases[release_id]

    def parts(self, release_id, kind, language):
        key = (release_id, kind, language)
        if key not in self.rendered:
            with translation.override(language):
                self.rendered[key] = render_alert(self.release(release_id), kind)
        return self.rendered[key]

    def message(self, delivery):
        subscriber = delivery.subscriber
        subject, text, html = self.parts(delivery.release_id, delivery.kind, subscriber.language)
        unsubscribe = links.unsubscribe_url(subscriber)
        preferences = links.preferences_url(subscriber)

        def personal(body):
            return body.replace(UNSUBSCRIBE, unsubscribe).replace(PREFERENCES, preferences)

        with translation.override(subscriber.language):
            from_email = sender()
        message = EmailMultiAlternatives(
            subject,
            personal(text),
            from_email,
            [subscriber.email],
            # RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe (a POST).
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(personal(html), "text/html")
        return message


def render_alert(release, kind):
    """(subject, text, html) in the active language."""
    embargo = paris_time(release.embargo_until) if kind == Kind.EMBARGOED else None
    title = str(release)
    if embargo:
        subject = _("EMBARGOED until %(moment)s: %(title)s") % {
            "moment": embargo,
            "title": title,
        }
    else:
        subject = title
    context = {
        "title": title,
        "lead": release.summary,
        "embargo": embargo,
        "release_url": links.absolute(release.get_absolute_url()),
        "contacts": [
            contact for _institution, group in release.contacts_by_issuer() for contact in group
        ],
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
        "identity": identity_of(),
    }
    return (
        " ".join(subject.split()),  # a header holds no line break
        render_to_string("alerts/email/alert.txt", context),
        render_to_string("alerts/email/alert.html", context),
    )


def confirmation(email, language, token):
    with translation.override(language):
        context = {"confirm_url": links.confirm_url(token, language)}
        subject = _("Confirm your subscription to the alerts (%(name)s)") % {
            "name": identity_of().name
        }
        return multipart(subject, "alerts/email/confirm", context, email)


def already_subscribed(subscriber):
    """To a sign-up for an address already subscribed: the page said "check your inbox"
    either way, so a stranger learns nothing; the owner gets their preferences link."""
    with translation.override(subscriber.language):
        context = {
            "preferences_url": links.preferences_url(subscriber),
            "unsubscribe_url": links.unsubscribe_url(subscriber),
        }
        subject = _("Your subscription to the alerts (%(name)s)") % {"name": identity_of().name}
        return multipart(subject, "alerts/email/manage", context, subscriber.email)
