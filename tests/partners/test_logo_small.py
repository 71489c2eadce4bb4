"""Pages show a small copy of each institution's logo (partners.uploads.small_logo), not an
original of thousands of pixels; the original stays for JSON-LD and downloads, and the copy is
served exactly when the logo is (the media gate)."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from newsroom.models import PressRelease, ReleaseIssuer
from partners.models import Institution
from partners.uploads import SMALL_LOGO
from tests.helpers import image_bytes

pytestmark = pytest.mark.django_db


def transparent_png(size):
    buffer = io.BytesIO()
    Image.new("RGBA", size, (200, 30, 60, 0)).save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue())


def opened(field):
    field.open("rb")
    try:
        return Image.open(io.BytesIO(field.read()))
    finally:
        field.close()


def test_a_large_logo_gets_a_small_webp_copy_of_the_same_shape(institution):
    institution.logo = transparent_png((1200, 600))
    institution.save()
    institution.refresh_from_db()
    small = opened(institution.logo_small)
    assert small.format == "WEBP" and small.size == (SMALL_LOGO, SMALL_LOGO // 2)
    assert small.mode == "RGBA" and small.getpixel((5, 5))[3] == 0  # still transparent
    assert institution.logo_shown == institution.logo_small
    assert institution.logo_small.name.startswith("logos/")
    assert institution.logo_small.name.endswith(".webp")
    assert opened(institution.logo).size == (1200, 600)  # the original, kept whole


def test_a_small_logo_is_never_enlarged(institution):
    institution.logo = SimpleUploadedFile("l.jpg", image_bytes("JPEG", (120, 80)))
    institution.save()
    small = opened(institution.logo_small)
    assert small.format == "WEBP" and small.size == (120, 80) and small.mode == "RGB"


def test_a_new_logo_gets_a_new_copy_and_no_logo_none(institution):
    institution.logo = transparent_png((800, 800))
    institution.save()
    first = institution.logo_small.name
    institution.save()  # nothing new: the same copy
    assert institution.logo_small.name == first
    institution.logo = SimpleUploadedFile("l.gif", image_bytes("GIF", (400, 100)))
    institution.save()
    assert institution.logo_small.name != first
    assert opened(institution.logo_small).size == (SMALL_LOGO, SMALL_LOGO // 4)
    institution.logo = ""
    institution.save()
    institution.refresh_from_db()
    assert not institution.logo_small and not institution.logo_small_of
    assert not institution.logo_shown


def test_pages_show_the_small_copy_and_json_ld_the_original(client, make_release, institution):
    institution.logo = transparent_png((1000, 1000))
    institution.listing = "public"
    institution.save()
    release = make_release()
    small, original = institution.logo_small.url, institution.logo.url
    for url in (
        "/fr/",
        "/en/press-releases/",
        release.get_absolute_url("fr"),
        "/fr/institutions/acme/",
    ):
        html = client.get(url).text
        assert small in html and f'src="{original}"' not in html, url
    page = client.get(release.get_absolute_url("en")).text
    data = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert original in json.dumps(json.loads(data))


def test_the_small_copy_is_served_when_the_logo_is(client, make_staff):
    newcomer = Institution.objects.create(
        kind="company", name="Nouvelle", slug="nouvelle", logo=transparent_png((900, 300))
    )
    release = PressRelease.objects.create(
        title_fr="Annonce",
        status=PressRelease.Status.PUBLISHED,
        publish_at=timezone.now() + timezone.timedelta(hours=1),
    )
    ReleaseIssuer.objects.create(release=release, institution=newcomer)
    urls = (newcomer.logo.url, newcomer.logo_small.url)
    for url in urls:  # not listed, its release not public yet
        assert client.get(url).status_code == 404
    staff = Client()
    staff.force_login(make_staff("Publisher", newcomer))
    for url in urls:
        assert staff.get(url).status_code == 200
    newcomer.listing = "public"
    newcomer.save()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
    assert client.get(newcomer.logo_small.url)["Content-Type"] == "image/webp"


def test_a_logo_gone_from_disk_is_shown_as_it_was(institution):
    institution.logo.name = "logos/vanished.png"
    institution.save()  # no copy, no error
    assert not institution.logo_small and institution.logo_shown.name == "logos/vanished.png"


def test_logos_stored_before_get_their_copy_from_the_migration(institution):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("partners.migrations.0008_logo_small")
    institution.logo = transparent_png((600, 600))
    institution.save()
    gone = Institution.objects.create(kind="company", name="Partie", slug="partie")
    Institution.objects.filter(pk=gone.pk).update(logo="logos/vanished.png")
    Institution.objects.update(logo_small="", logo_small_of="")  # as before the migration
    migration.make_small_logos(apps, None)
    institution.refresh_from_db()
    assert opened(institution.logo_small).size == (SMALL_LOGO, SMALL_LOGO)
    assert institution.logo_small_of == institution.logo.name
    gone.refresh_from_db()
    assert not gone.logo_small and gone.logo_shown.name == "logos/vanished.png"
