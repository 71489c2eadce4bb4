"""Rows shown in the order staff set: an institution's key facts, a release's issuers, quotes,
images… (both apps)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ordered(models.Model):
    """Rows shown in the order staff set (ties broken by creation)."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
