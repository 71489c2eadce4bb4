"""The staff dashboard (the admin's front page): what needs me now, and what goes out when.

A fixed number of queries whatever the number of releases (tests/releases/test_dashboard.py)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from reversion.models import Revision

from .models import Journalist, PressRelease, ReleaseStatus

LIMIT = 10


def dashboard(user, now=None):
    now = now or timezone.now()
    mine = PressRelease.objects.editable_by(user)
    # Drafts of my institutions, and those I started or touched last (publishers may open all).
    own = Q(created_by=user) | Q(updated_by=user)
    own |= Q(pk__in=PressRelease.objects.filter(issuers__staff=user).values("pk"))
    drafts = mine.filter(own, status=ReleaseStatus.DRAFT).order_by("-updated_at")
    if user.has_perm("newsroom.approve_pressrelease"):
        waiting = [ReleaseStatus.IN_REVIEW]
        if user.has_perm("newsroom.publish_pressrelease"):
            waiting.append(ReleaseStatus.APPROVED)
        awaiting = mine.filter(status__in=waiting)
    else:
        # Editors: their drafts sent back to them from review.
        awaiting = mine.filter(
            status=ReleaseStatus.DRAFT, transitions__to_status=ReleaseStatus.DRAFT
        )
    upcoming = mine.filter(status=ReleaseStatus.PUBLISHED).filter(
        Q(publish_at__gt=now) | Q(embargo_until__gt=now)
    )
    timeline = sorted(
        (
            (release.embargo_until if release.publish_at <= now else release.publish_at, release)
            for release in upcoming
        ),
        key=lambda item: item[0],
    )
    published = mine.published(now).order_by("-publish_at")
    changes = Revision.objects.all()
    if not user.has_perm("newsroom.publish_pressrelease"):
        # Editors: changes of the releases they may open, nothing else.
        ids = [str(pk) for pk in mine.values_list("pk", flat=True)]
        changes = changes.filter(
            version__content_type=ContentType.objects.get_for_model(PressRelease),
            version__object_id__in=ids,
        ).distinct()
    changes = (
        changes.exclude(user=user)
        .select_related("user")
        .prefetch_related("version_set__content_type")
        .order_by("-date_created")[:LIMIT]
    )
    pending = Journalist.objects.filter(status=Journalist.Status.PENDING)
    return {
        "now": now,
        "can_add": user.has_perm("newsroom.add_pressrelease"),
        "my_drafts": list(drafts.distinct()[:LIMIT]),
        "awaiting_review": list(awaiting.distinct().order_by("-updated_at")[:LIMIT]),
        "timeline": timeline[:LIMIT],
        "recently_published": list(published[:LIMIT]),
        "recent_changes": list(changes),
        "pending_accreditations": list(pending[:LIMIT])
        if user.has_perm("newsroom.change_journalist")
        else [],
    }
