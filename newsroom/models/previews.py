"""Review links: a signed, expiring URL that shows a draft to a partner's reviewer."""

import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease, ReleaseStatus

SALT = "newsroom.preview"


class PreviewLinkQuerySet(models.QuerySet):
    def valid(self, now=None):
        """Not expired, not revoked, and the release not yet out (published or withdrawn)."""
        now = now or timezone.now()
        return self.filter(expires_at__gt=now, revoked_at__isnull=True).exclude(
            release__status__in=[ReleaseStatus.PUBLISHED, ReleaseStatus.WITHDRAWN]
        )


class PreviewLink(models.Model):
    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="preview_links"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review link")
        verbose_name_plural = _("review links")

    def __str__(self):
        return f"{self.release} – {self.expires_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self, language=None):
        return reverse("newsroom:preview", kwargs={"token": self.signed_token})

    @property
    def signed_token(self):
        # No timestamp in the signature: the same link each time; expiry lives in the row.
        return signing.Signer(salt=SALT).sign(self.token.hex)

    @classmethod
    def find(cls, signed_token):
        """The valid link for a signed token, or None (forged, expired, revoked or out)."""
        try:
            token = uuid.UUID(signing.Signer(salt=SALT).unsign(signed_token))
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.valid().select_related("release").filter(token=token).first()
