"""The three roles, as groups: Editor, Publisher, Administrator."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = {
    "newsroom": {
        "pressrelease": ("add", "change", "view"),
        "quote": ("add", "change", "delete", "view"),
        "releaseimage": ("add", "change", "delete", "view"),
        "attachment": ("add", "change", "delete", "view"),
        "releaseissuer": ("add", "change", "delete", "view"),
        "releasecontact": ("add", "change", "delete", "view"),
        "topic": ("view",),
        "releasetransition": ("view",),
    },
    "partners": {
        "institution": ("view",),
        "person": ("add", "change", "view"),
        "mediacontact": ("view",),
        "partnership": ("view",),
        "researchproject": ("view",),
        "milestone": ("view",),
    },
}
PUBLISHER_EXTRA = {
    "newsroom": {
        "pressrelease": ("approve", "publish", "withdraw"),
        "topic": ("add", "change"),
        "journalist": ("view", "change"),
        "embargoedview": ("view",),
        "correction": ("view",),
    },
    "partners": {
        "institution": ("change",),
        "mediacontact": ("add", "change"),
        "partnership": ("add", "change"),
        "researchproject": ("add", "change"),
        "milestone": ("add", "change"),
    },
}


def codenames(spec):
    for app, models in spec.items():
        for model, actions in models.items():
            for action in actions:
                yield app, f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(spec):
        found = []
        for app, codename in codenames(spec):
            found.append(Permission.objects.get(content_type__app_label=app, codename=codename))
        return found

    editor_permissions = permissions(EDITOR)
    publisher_permissions = editor_permissions + permissions(PUBLISHER_EXTRA)
    administrator_permissions = list(
        Permission.objects.filter(content_type__app_label__in=["newsroom", "partners", "auth"])
    )
    for name, perms in (
        ("Editor", editor_permissions),
        ("Publisher", publisher_permissions),
        ("Administrator", administrator_permissions),
    ):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(perms)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_workflow_journalists"),
        ("partners", "0003_institution_staff"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
