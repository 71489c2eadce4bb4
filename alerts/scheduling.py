"""A release's alerts are enqueued when it is saved as published: for its public moment
(publication, or the embargo's end) and, under embargo, for its publication (accredited
journalists). Every save does it again, so a moved publication or embargo time gets a task
at the new minute; the task at the old one finds nothing due (it re-reads the release) and
does nothing: never early. With the database queue the task row is written in the same
transaction as the release: a rolled-back publication enqueues nothing."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from newsroom.models import PressRelease, ReleaseStatus


def moments(release):
    if release.status != ReleaseStatus.PUBLISHED or not release.publish_at:
        return []
    found = {release.made_public_at}
    if release.embargo_until and release.embargo_until > release.publish_at:
        found.add(release.publish_at)
    return sorted(found)


def schedule(release, now=None):
    from .tasks import dispatch_release

    now = now or timezone.now()
    for moment in moments(release):
        if moment < now - settings.ALERTS_LATE_LIMIT:
            continue  # old news: the archive is not mailed
        task = dispatch_release.using(run_after=moment) if moment > now else dispatch_release
        task.enqueue(release.pk)


@receiver(post_save, sender=PressRelease, dispatch_uid="alerts_schedule")
def release_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(instance)
