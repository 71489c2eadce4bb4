from django.conf import settings
from django.core.management.base import BaseCommand

from newsroom import backups


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) holding the database, as fixtures that load on SQLite or "
        "PostgreSQL, and the media files. Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="the archive's path (default: backups/newsroom-…)")

    def handle(self, *args, **options):
        path = options["output"] or backups.default_path(settings.BASE_DIR / "backups")
        manifest = backups.backup(path)
        counts = manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {path} ({counts['newsroom.pressrelease']} releases, "
                f"{counts['reversion.version']} history entries, "
                f"{sum(counts.values())} rows in all)"
            )
        )
