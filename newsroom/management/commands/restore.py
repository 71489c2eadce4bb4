from django.core.management.base import BaseCommand

from newsroom import backups


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup`: the database (migrated first, then "
        "loaded; refused if it holds anything, unless --force) and the media files."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help="replace everything the database holds"
        )

    def handle(self, *args, **options):
        manifest = backups.restore(options["archive"], force=options["force"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {options['archive']} (written {manifest['created']} from "
                f"{manifest['database']}): "
                f"{manifest['counts']['newsroom.pressrelease']} releases."
            )
        )
