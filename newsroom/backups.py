"""Backups: one ``.tar.gz`` holding the database, as Django fixtures, and the media files.

Fixtures, not ``pg_dump``: the same archive restores on SQLite or PostgreSQL, into any database
``migrate`` made. Rows keep their ids (revisions' serialized data and links refer to them);
content types and permissions are referred to by natural key, since ``migrate`` makes them with
ids of its own, and so are the role groups (made by a migration). Left out because they are
derived or transient: search documents (rebuilt after a restore), the content version (changed
after one: no page cached before is served again), sessions (everyone signs in again).

Archive members: ``manifest.json`` (format, date, database, row counts), ``groups.json``,
``data.json``, ``media/…``.
"""

import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
GROUPS = "auth.group"
# Made by migrate, derived from other rows, or transient.
LEFT_OUT = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "newsroom.searchdocument",
    "newsroom.contentversion",
}


def dumped_models():
    """The models whose rows a backup holds (not the role groups', dumped apart)."""
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in LEFT_OUT | {GROUPS}
        and not model._meta.proxy
        and model._meta.managed
    ]


def default_path(directory):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(directory) / f"newsroom-{stamp}.tar.gz"


def backup(path):
    """Write the archive to ``path`` (through a temporary name: never a half-written backup
    under the final one). Returns the manifest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsroom-backup-") as work:
        work = Path(work)
        # One snapshot for every statement: rows saved meanwhile are all in or all out. (Inside
        # a caller's transaction, that transaction's snapshot.)
        snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
        with transaction.atomic():
            if snapshot:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            dump(work / "groups.json", [GROUPS], natural_primary=True)
            dump(work / "data.json", [model._meta.label for model in dumped_models()])
            counts = {
                model._meta.label_lower: model._base_manager.count()
                for model in (apps.get_model(GROUPS), *dumped_models())
            }
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": connection.vendor,
            "counts": counts,
        }
        partial = path.with_name(path.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
            archive.add(work / "groups.json", "groups.json")
            archive.add(work / "data.json", "data.json")
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                for file in sorted(media.rglob("*")):
                    if file.is_file():
                        archive.add(file, f"media/{file.relative_to(media).as_posix()}")
        partial.replace(path)
    return manifest


def dump(path, labels, natural_primary=False):
    call_command(
        "dumpdata",
        *labels,
        natural_foreign=True,
        natural_primary=natural_primary,
        all=True,  # base managers: rows a default manager would hide are kept too
        output=str(path),
        verbosity=0,
    )


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mtime = len(data), int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def held_rows():
    """{label: count} of what this database holds beyond what ``migrate`` makes."""
    counts = {model._meta.label_lower: model._base_manager.count() for model in dumped_models()}
    return {label: count for label, count in counts.items() if count}


def restore(path, force=False):
    """Load the archive at ``path`` into this database (migrated first) and its media files
    into MEDIA_ROOT. Refused if the database holds anything, unless ``force``: then it is
    emptied first, in the same transaction as the load (a failed restore changes nothing).
    Returns the manifest."""
    from newsroom import page_cache
    from newsroom.search import index

    with tempfile.TemporaryDirectory(prefix="newsroom-restore-") as work:
        work = Path(work)
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(work, filter="data")  # no absolute paths, links or ".."
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise CommandError(f"{path}: not a Newsroom backup of format {FORMAT}.")
        call_command("migrate", interactive=False, verbosity=0)
        held = held_rows()
        if held and not force:
            listed = ", ".join(f"{count} {label}" for label, count in sorted(held.items()))
            raise CommandError(
                f"This database is not empty ({listed}). Restore into an empty database, or "
                "pass --force to replace everything it holds."
            )
        with transaction.atomic():
            if held:
                empty()
            # Search documents are not in the archive: written once, for every release, at
            # the block's end (the fixtures' links would otherwise refresh them one by one).
            with index.deferred():
                call_command("loaddata", work / "groups.json", work / "data.json", verbosity=0)
                index.rebuild()
            page_cache.change()  # no page cached before the restore is served again
        restore_media(work / "media")
    return manifest


def empty():
    """Flush every table. PostgreSQL refuses to TRUNCATE a table whose rows this transaction
    wrote while their foreign-key checks wait (deferred) for its end: they are checked first."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's own, for loaddata


def restore_media(source):
    """Copy the archive's media files into MEDIA_ROOT (files of the same name replaced,
    others left)."""
    media = Path(settings.MEDIA_ROOT)
    if source.is_dir():
        shutil.copytree(source, media, dirs_exist_ok=True)
