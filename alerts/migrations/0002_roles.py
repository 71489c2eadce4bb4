"""Roles: administrators manage subscribers; publishers see them and the deliveries."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PUBLISHER = ["view_subscriber", "view_delivery", "view_dispatch"]


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    app_config = apps.get_app_config("alerts")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    alerts = Permission.objects.filter(content_type__app_label="alerts")
    for name, permissions in (
        ("Administrator", alerts),
        ("Publisher", alerts.filter(codename__in=PUBLISHER)),
    ):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("newsroom", "0004_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
