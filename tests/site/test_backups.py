"""``manage.py backup`` / ``restore`` (newsroom/backups.py): one archive that restores, on the
database that wrote it (SQLite or PostgreSQL), every release with both languages, its images
and its history."""

import hashlib
import shutil
from pathlib import Path

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from reversion.models import Revision, Version

from core.languages import LANGUAGE_CODES
from newsroom import backups
from newsroom.models import PressRelease, ReleaseImage, SearchDocument
from partners.models import Institution
from tests.helpers import add_image


def stored_files():
    """{(model, pk, field): (name, sha256 of its bytes)} of every uploaded or generated file
    the database refers to (images and their renditions, logos, attachments)."""
    found = {}
    for model in apps.get_models():
        fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        for row in model._base_manager.all() if fields else ():
            for field in fields:
                if file := getattr(row, field.name):
                    digest = hashlib.sha256(Path(file.path).read_bytes()).hexdigest()
                    found[model._meta.label, row.pk, field.name] = (file.name, digest)
    return found


TRANSLATED = ("slug", "title", "subtitle", "dateline", "body")


def snapshot():
    """What a restore must bring back, as plain values."""
    return {
        "releases": sorted(
            PressRelease.objects.values_list(
                "pk",
                "status",
                *(f"{field}_{code}" for field in TRANSLATED for code in LANGUAGE_CODES),
            )
        ),
        "institutions": sorted(Institution.objects.values_list("pk", "name_fr", "name_en")),
        "images": sorted(ReleaseImage.objects.values_list("pk", "release", "alt_text_en")),
        "files": stored_files(),
        "versions": sorted(
            Version.objects.values_list(
                "pk", "content_type__model", "object_id", "revision", "serialized_data"
            )
        ),
        "revisions": sorted(Revision.objects.values_list("pk", "comment", "user__username")),
        "editors": sorted(Group.objects.get(name="Editor").user_set.values_list("username")),
    }


@pytest.fixture
def archive(demo_release, make_staff, make_release, tmp_path):
    """The demo content, an image, an edit kept in history (by an Editor), a release without
    topics (loading topics would index it anyway), backed up."""
    editor = make_staff("Editor", demo_release.issuers.first())
    make_release(title_en="Untagged release")
    add_image(demo_release, size=(800, 600))
    with reversion.create_revision():
        reversion.set_user(editor)
        reversion.set_comment("Title edited")
        demo_release.title_en += " (edited)"
        demo_release.save()
    path = tmp_path / "backups" / "newsroom.tar.gz"
    call_command("backup", output=str(path), verbosity=0)
    return path


def test_a_restore_into_an_empty_database_finds_everything_again(archive, settings, client):
    before = snapshot()
    assert before["releases"] and before["editors"]
    assert any(key[0] == "newsroom.ReleaseImage" for key in before["files"])
    assert len(before["versions"]) >= 2

    backups.empty()  # an empty database (flush)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert not PressRelease.objects.exists() and not Group.objects.exists()

    call_command("restore", str(archive), verbosity=0)

    assert snapshot() == before
    release = PressRelease.objects.get(title_en__endswith="(edited)")
    assert release.title_fr and release.title_en
    history = Version.objects.get_for_object(release)
    assert history.first().revision.comment == "Title edited"
    assert history.first().field_dict["title_en"] == release.title_en
    # Derived data rebuilt: search documents, and the pages show the restored release.
    assert SearchDocument.objects.count() == 2 * PressRelease.objects.count() == 4
    page = client.get("/en/press-releases/", {"q": "strategic collaboration"})
    assert release.get_absolute_url("en") in page.text
    # Every image's file came back (the demo's illustrations and the test's photo).
    for image in release.images.all():
        assert client.get(image.image.url).status_code == 200


def test_a_database_that_holds_anything_is_not_overwritten_without_force(archive):
    PressRelease.objects.filter(title_en__endswith="(edited)").update(title_en="Changed since")
    with pytest.raises(CommandError, match=r"not empty.*--force"):
        call_command("restore", str(archive), verbosity=0)
    assert PressRelease.objects.filter(title_en="Changed since").exists()

    call_command("restore", str(archive), force=True, verbosity=0)
    assert not PressRelease.objects.filter(title_en="Changed since").exists()
    assert PressRelease.objects.filter(title_en__endswith="(edited)").exists()


def test_the_archive_is_one_file_with_the_database_and_the_media(archive):
    import tarfile

    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "groups.json", "data.json"} <= set(names)
    assert any(name.startswith("media/releases/") for name in names)
    assert not list(archive.parent.glob("*.part"))
