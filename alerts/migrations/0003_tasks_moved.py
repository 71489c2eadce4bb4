"""The app moved from newsroom.alerts to alerts: tasks queued before the move name the old
module, which no longer exists, so they are pointed at the new one (nothing waiting is lost)."""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

OLD, NEW = "newsroom.alerts.tasks.", "alerts.tasks."


def repoint(old, new):
    def run(apps, schema_editor):
        DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
        DBTaskResult.objects.filter(task_path__startswith=old).update(
            task_path=Concat(Value(new), Substr(F("task_path"), len(old) + 1))
        )

    return run


point_at_new_module = repoint(OLD, NEW)
point_at_old_module = repoint(NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_roles"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(point_at_new_module, point_at_old_module)]
