"""The editorial workflow: draft → in review → approved → published (maybe scheduled,
maybe under embargo) → withdrawn. Each step is a service with a permission check, run in a
transaction on a locked row, and recorded (who, when, from, to, comment)."""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.rights import lacks_rights

from . import history
from .clock import paris_and_utc
from .listing import listed_contacts, release_contacts
from .models import PressRelease, ReleaseTransition
from .models.workflow import ACTIONS
from .snapshots import snapshot_institution


def can_edit(user, release):
    return PressRelease.objects.editable_by(user).filter(pk=release.pk).exists()


def allowed(user, action, release):
    if release.status not in action.sources:
        return False
    if action.permission and not user.has_perm(f"newsroom.{action.permission}"):
        return False
    return can_edit(user, release)


def available_actions(user, release):
    return [action for action in ACTIONS.values() if allowed(user, action, release)]


def release_transition(*, release, user, action, comment=""):
    """Move ``release`` by ``action`` (a name in ACTIONS). Raises PermissionDenied or
    ValidationError with a message meant for the user; returns the updated release."""
    step = ACTIONS.get(action)
    if step is None:
        raise ValidationError(_("Unknown action."))
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        locked = PressRelease.objects.select_for_update().get(pk=release.pk)
        if locked.status not in step.sources:
            raise ValidationError(
                _("This release is %(status)s: “%(action)s” is not possible now.")
                % {"status": locked.get_status_display().lower(), "action": step.label}
            )
        if not allowed(user, step, locked):
            raise PermissionDenied(_("You are not allowed to do this."))
        now = timezone.now()
        if step.name == "publish":
            check_publishable(locked)
            locked.publish_at = locked.publish_at or now
        if step.name == "withdraw":
            locked.withdrawn_at = now
        source = locked.status
        locked.status = step.target
        locked.version += 1
        locked.updated_by = user
        locked.save()
        if step.name == "publish":
            # Once saved as published: the issuers it lists count as listed at its minute.
            freeze_issuers(locked)
        # Stored without a language, shown in the reader's (history.describe).
        reversion.set_comment(
            history.workflow_comment(action=step.name, comment=comment, release=locked)
        )
        ReleaseTransition.objects.create(
            release=locked, user=user, from_status=source, to_status=step.target, comment=comment
        )
    return locked


def moment(value):
    """A moment as the messages give it (``clock.paris_and_utc``): "3 December 2026, 14:00
    Paris time (13:00 UTC)", "3 décembre 2026 à 14:00, heure de Paris (13:00 UTC)"."""
    return paris_and_utc(value)


def outcome_message(release, action):
    """What ``action`` (a name in ACTIONS) did to ``release``, for the user who did it."""
    if action != "publish":
        return {
            "submit": gettext("Submitted for review."),
            "approve": gettext("Approved: a publisher can now publish or schedule it."),
            "return_to_draft": gettext("Returned to draft."),
            "withdraw": gettext("Withdrawn: the release is no longer public."),
        }[action]
    now = timezone.now()
    scheduled = release.publish_at and release.publish_at > now
    embargoed = release.has_embargo_ahead(now)
    if scheduled and embargoed:
        return gettext(
            "Scheduled: goes out on %(publish)s, to accredited journalists only until the "
            "embargo lifts on %(embargo)s."
        ) % {"publish": moment(release.publish_at), "embargo": moment(release.embargo_until)}
    if scheduled:
        return gettext("Scheduled: goes public on %(publish)s.") % {
            "publish": moment(release.publish_at)
        }
    if embargoed:
        return gettext(
            "Published under embargo until %(embargo)s: until then only accredited journalists "
            "see it."
        ) % {"embargo": moment(release.embargo_until)}
    return gettext("Published: the release is public now.")


def check_publishable(release):
    errors = []
    if not release.issuers.exists():
        errors.append(_("A release needs at least one issuing institution."))
    if not getattr(release, f"title_{release.original_language}", None):
        errors.append(_("The title is missing in the original language."))
    missing = release.missing_translations()
    if missing and not release.original_only:
        errors.append(
            _(
                "The translation is incomplete (%(fields)s): complete it, or tick “publish in "
                "the original language only”."
            )
            % {"fields": ", ".join(missing)}
        )
    unlicensed = [
        str(asset)
        for asset in (*release.images.all(), *release.attachments.all())
        if lacks_rights(asset)
    ]
    if unlicensed:
        errors.append(
            _(
                "Give the credit and the licence of every image and attachment (missing for: "
                "%(files)s): journalists may use only what they know they are allowed to."
            )
            % {"files": ", ".join(unlicensed)}
        )
    if errors:
        raise ValidationError(errors)


def freeze_issuers(release):
    """Keep each issuer's boilerplate, key facts and contacts as they stand on publication:
    the release's own contacts of that institution, else the institution's public ones."""
    listed = list(release_contacts(release.contacts).select_related("person"))
    for issuer in release.releaseissuer_set.select_related("institution"):
        institution = issuer.institution
        contacts = [c for c in listed if c.institution_id == institution.pk] or list(
            listed_contacts(release.made_public_at)
            .filter(institution=institution)
            .select_related("person")
        )
        issuer.snapshot = snapshot_institution(institution, contacts)
        issuer.save(update_fields=["snapshot"])
