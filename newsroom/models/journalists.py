"""Accredited journalists: they read embargoed releases, and each such reading is logged."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease


class Journalist(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journalist"
    )
    name = models.CharField(_("name"), max_length=160)
    outlet = models.CharField(_("media outlet"), max_length=160)
    email = models.EmailField(_("professional email"), unique=True)
    press_card = models.CharField(_("press card number"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")

    def __str__(self):
        return f"{self.name} ({self.outlet})"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class EmbargoedView(models.Model):
    """A journalist opened a release while it was under embargo."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="views")
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("embargoed view")
        verbose_name_plural = _("embargoed views")

    def __str__(self):
        return f"{self.journalist} – {self.release} – {self.at:%Y-%m-%d %H:%M}"
