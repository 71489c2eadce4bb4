"""Revisions (django-reversion): every save of a release, an institution or a contact is kept.

Registered from translation.py, once modeltranslation has added the per-language fields (so
that both languages are kept) and before the admin's VersionAdmin registers its defaults.
Workflow fields are left out of revisions: restoring an old text must never silently unpublish
or reschedule a release (that is what workflow actions are for).
"""

import reversion

from partners.models import Institution, KeyFact, MediaContact, Site, SocialProfile, StockListing

from .models.parts import Attachment, Quote, ReleaseContact, ReleaseImage, ReleaseIssuer
from .models.releases import PressRelease

WORKFLOW_FIELDS = ["status", "publish_at", "embargo_until", "withdrawn_at", "version"]


def register():
    for model in (Quote, ReleaseImage, Attachment, ReleaseIssuer, ReleaseContact):
        reversion.register(model)
    reversion.register(
        PressRelease,
        exclude=WORKFLOW_FIELDS,
        follow=["quotes", "images", "attachments", "releaseissuer_set", "releasecontact_set"],
    )
    for model in (KeyFact, Site, StockListing, SocialProfile):
        reversion.register(model)
    reversion.register(
        Institution, follow=["key_facts", "sites", "stock_listings", "social_profiles"]
    )
    reversion.register(MediaContact)
