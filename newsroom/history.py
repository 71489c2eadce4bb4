"""Revisions (django-reversion): every save of a release, an institution or a contact is kept.

Registered from translation.py, once modeltranslation has added the per-language fields (so
that both languages are kept) and before the admin's VersionAdmin registers its defaults.
Workflow fields are left out of revisions: restoring an old text must never silently unpublish
or reschedule a release (that is what workflow actions are for).
"""

import json
from contextvars import ContextVar
from datetime import datetime

import reversion
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _
from reversion.signals import pre_revision_commit

from partners.models import (
    Institution,
    KeyFact,
    MediaContact,
    PartnerImage,
    Site,
    SocialProfile,
    StockListing,
)

from .clock import paris_and_utc
from .models.parts import (
    Attachment,
    Quote,
    ReleaseContact,
    ReleaseImage,
    ReleaseIssuer,
    ReleaseVideo,
)
from .models.releases import PressRelease
from .models.workflow import ACTIONS

WORKFLOW_FIELDS = ["status", "publish_at", "embargo_until", "withdrawn_at", "version"]


def register():
    for model in (Quote, ReleaseImage, Attachment, ReleaseVideo, ReleaseIssuer, ReleaseContact):
        reversion.register(model)
    reversion.register(
        PressRelease,
        exclude=WORKFLOW_FIELDS,
        follow=[
            "quotes",
            "images",
            "attachments",
            "videos",
            "releaseissuer_set",
            "releasecontact_set",
        ],
    )
    for model in (KeyFact, Site, StockListing, SocialProfile, PartnerImage):
        reversion.register(model)
    reversion.register(
        Institution,
        follow=["key_facts", "sites", "stock_listings", "social_profiles", "images"],
    )
    reversion.register(MediaContact)


# Revision comments are stored without a language and put into the reader's at display
# (describe()): a French-speaking publisher reads in French what an English-speaking editor
# did. Admin saves keep their LogEntry's change message (JSON Django translates when shown,
# which reversion would otherwise store already translated); workflow steps keep their action
# and the moments they set.
_last_entry = ContextVar("last_log_entry", default=None)


@receiver(post_save, sender=LogEntry)
def remember_log_entry(sender, instance, created, raw=False, **kwargs):
    if created and not raw and reversion.is_active():
        _last_entry.set(instance)


@receiver(pre_revision_commit)
def neutral_comment(sender, revision, **kwargs):
    entry = _last_entry.get()
    _last_entry.set(None)
    if (
        entry is not None
        and entry.change_message.startswith("[")
        and revision.comment == entry.get_change_message()
    ):
        revision.comment = entry.change_message


def workflow_comment(*, action, comment, release):
    """What release_transition() stores as its revision's comment."""
    step = {"action": action, "comment": comment}
    for field in ("publish_at", "embargo_until"):
        moment = getattr(release, field)
        if action == "publish" and moment is not None:
            step[field] = moment.isoformat()
    return json.dumps([{"workflow": step}], ensure_ascii=False)


def describe(comment):
    """A revision's comment in the active language (comments stored as plain text, before
    this, are shown as they were written)."""
    if not comment or not comment.startswith("["):
        return describe_text(comment)
    try:
        messages = json.loads(comment)
    except ValueError:
        return comment
    if not isinstance(messages, list):
        return comment
    steps = [m["workflow"] for m in messages if isinstance(m, dict) and "workflow" in m]
    changes = [m for m in messages if not (isinstance(m, dict) and "workflow" in m)]
    parts = [LogEntry(change_message=json.dumps(changes)).get_change_message()] if changes else []
    return " ".join([*parts, *map(describe_step, steps)])


def with_saved_changes(comment):
    """One revision for an admin save and the workflow step its button asked for: the save's
    change message (Django's JSON, from the log entry just written) followed by the step's."""
    entry = _last_entry.get()
    if entry is None or not entry.change_message.startswith("["):
        return comment
    return json.dumps(json.loads(entry.change_message) + json.loads(comment), ensure_ascii=False)


def describe_text(comment):
    """Workflow comments stored as text in the language of their day: "<label>: <comment>"."""
    for action in ACTIONS.values():
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                label = str(action.label)
            if comment == label or comment.startswith(f"{label}: "):
                return f"{action.label}{comment[len(label) :]}"
    return comment


def describe_step(step):
    action = ACTIONS.get(step.get("action"))
    text = str(action.label) if action else step.get("action", "")
    moments = []
    for field, label in (
        ("publish_at", _("goes public on %(moment)s")),
        ("embargo_until", _("embargo until %(moment)s")),
    ):
        if step.get(field):
            moment = paris_and_utc(datetime.fromisoformat(step[field]))
            moments.append(label % {"moment": moment})
    if moments:
        text = f"{text} ({', '.join(moments)})"
    if step.get("comment"):
        text = f"{text}: {step['comment']}"
    return text
