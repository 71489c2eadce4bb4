"""The worker: django-tasks-db's ``db_worker``, with a sweep of the alerts enqueued at
start (it catches up on anything missed while no worker ran, then enqueues itself again
every ALERTS_SWEEP_SECONDS). Same options (``--batch`` runs what
is due, then exits)."""

from django_tasks_db.management.commands import db_worker

from alerts.tasks import schedule_sweep


class Command(db_worker.Command):
    help = "Run the task worker (alerts and their minute-by-minute sweep)"

    def handle(self, *args, **options):
        schedule_sweep(always=True)
        return super().handle(*args, **options)
