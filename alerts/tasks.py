"""Tasks run by the worker (``manage.py alerts_worker``; Django's tasks framework with the
database queue of django-tasks-db). Each does what is due when it runs, whenever it was
enqueued: a task early, late or twice sends nothing twice (dispatch.py)."""

import math
from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from . import dispatch

SEND_TASK_SIZE = 1000  # deliveries per send task enqueued: several workers share a release
MAX_SEND_TASKS = 8


def enqueue_sends(handed_out):
    """Send tasks for one release's new deliveries: several workers share a large release."""
    for _n in range(min(MAX_SEND_TASKS, math.ceil(handed_out / SEND_TASK_SIZE))):
        send_alerts.enqueue()


@task()
def dispatch_release(release_id):
    """Enqueued for a release's public moment (and its publication under embargo)."""
    handed_out = dispatch.dispatch(release_id)
    enqueue_sends(handed_out)
    return handed_out


@task()
def send_alerts():
    return dispatch.send_pending()


@task()
def sweep():
    """Every ALERTS_SWEEP_SECONDS while a worker runs: the safety net under the tasks above."""
    try:
        now = timezone.now()
        # What lost tasks left due is handed out first, each release's sends shared too.
        for handed_out in dispatch.hand_out_due(now):
            enqueue_sends(handed_out)
        return dispatch.tidy_and_send(now)
    finally:
        schedule_sweep(timezone.now() + timedelta(seconds=settings.ALERTS_SWEEP_SECONDS))


def schedule_sweep(run_after=None, always=False):
    """Enqueue the next sweep unless one is already waiting (a chain of one)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=sweep.module_path, status="READY")
    if always or not waiting.exists():
        sweep.using(run_after=run_after).enqueue()
