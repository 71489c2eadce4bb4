"""Release videos are edited like images and attachments: by every role."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Granted to Editor, Publisher and Administrator (as 0004_roles grants images').
VIDEO = {"newsroom": {"releasevideo": ("add", "change", "delete", "view")}}
ROLES = ("Editor", "Publisher", "Administrator")


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    app_config = apps.get_app_config("newsroom")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
        for app, models in VIDEO.items()
        for model, actions in models.items()
        for action in actions
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0019_release_videos")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
