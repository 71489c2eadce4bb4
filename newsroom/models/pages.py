"""The version of what public pages show, shared by every process (newsroom/page_cache.py)."""

import secrets

from django.db import models
from django.utils import timezone


def new_token():
    # Random, not a counter: a restored database or a test's rolled-back row never reuses the
    # key of a page cached before.
    return secrets.token_hex(8)


class ContentVersion(models.Model):
    """One row. ``token`` changes in the same transaction as any change to published content;
    ``next_change`` is the next moment a scheduled release or an embargo lift is due."""

    token = models.CharField(max_length=16, default=new_token)
    changed_at = models.DateTimeField(default=timezone.now)
    next_change = models.DateTimeField(null=True)

    def __str__(self):
        return self.token
