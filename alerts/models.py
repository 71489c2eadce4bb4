"""Subscribers, what they asked for, and each alert sent (or to send) to each of them."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from newsroom.models import Journalist, PressRelease, Topic
from partners.models import Institution


def new_key():
    return secrets.token_urlsafe(16)


class Kind(models.TextChoices):
    PUBLIC = "public", _("Public release")
    EMBARGOED = "embargoed", _("Under embargo")


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed (double opt-in) and not unsubscribed."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def accredited(self):
        """Whose address is an accredited journalist's: confirming it proved they own it."""
        approved = Journalist.objects.filter(
            email__iexact=OuterRef("email"), status=Journalist.Status.APPROVED
        )
        return self.filter(Exists(approved))

    def for_release(self, release, kind):
        """Active subscribers who asked for ``release``: everything, or one of its issuers
        or topics; in their language, unless they accept the other one. Under embargo, only
        accredited journalists who opted in, never anyone else."""
        links = Subscriber.institutions.through.objects.filter(
            institution__in=release.issuers.values("pk")
        )
        topic_links = Subscriber.topics.through.objects.filter(
            topic__in=release.topics.values("pk")
        )
        wanted = (
            Q(everything=True)
            | Q(pk__in=links.values("subscriber"))
            | Q(pk__in=topic_links.values("subscriber"))
        )
        readable = Q(language__in=release.translated_languages) | Q(other_languages=True)
        subscribers = self.active().filter(wanted, readable)
        if kind == Kind.EMBARGOED:
            subscribers = subscribers.filter(embargoed=True).accredited()
        return subscribers


class Subscriber(models.Model):
    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    everything = models.BooleanField(_("every release"), default=False)
    institutions = models.ManyToManyField(
        Institution, blank=True, related_name="+", verbose_name=_("institutions")
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="+", verbose_name=_("topics"))
    other_languages = models.BooleanField(
        _("also releases not translated into my language"), default=False
    )
    embargoed = models.BooleanField(
        _("releases under embargo (accredited journalists)"), default=False
    )
    # Consent (GDPR): when it was asked for and given, and the words agreed to.
    requested_at = models.DateTimeField(_("requested at"))
    confirmed_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_text = models.TextField(_("consent given"), blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    # Part of every signed link: a new key revokes the links sent before.
    key = models.CharField(max_length=32, default=new_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Dispatch(models.Model):
    """A release's alerts of one kind were handed out (deliveries created): once only, so a
    subscriber who joins later never gets yesterday's news."""

    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="alert_dispatches"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("alert dispatch")
        verbose_name_plural = _("alert dispatches")
        constraints = [
            models.UniqueConstraint(fields=["release", "kind"], name="alert_dispatch_once")
        ]

    def __str__(self):
        return f"{self.release} ({self.get_kind_display()})"


class State(models.TextChoices):
    PENDING = "pending", _("Pending")
    # Claimed by a worker just before handing it to the mail server. A row left here by a
    # crash may or may not have gone: it is never sent again blindly (see dispatch.py).
    SENDING = "sending", _("Sending (unknown if interrupted)")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not needed any more")


class Delivery(models.Model):
    """One alert for one subscriber and one release: at most one row per pair, claimed
    before the message is sent."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "release"], name="delivery_once"),
        ]
        indexes = [
            # What workers claim: the pending rows, oldest first.
            models.Index(fields=["id"], condition=Q(state="pending"), name="delivery_pending"),
        ]

    def __str__(self):
        return f"{self.subscriber} – {self.release}"
