"""Images get thumbnail and web renditions once; uploaded files are served only while public."""

import io
import zipfile

import pytest
from PIL import Image

from newsroom.models import ReleaseImage
from tests.helpers import HIDDEN_STATES, add_attachment, add_image, image_bytes

pytestmark = pytest.mark.django_db


def test_renditions_made_once_and_stored(make_release):
    image = add_image(make_release(), size=(2400, 1600))
    image.refresh_from_db()
    assert (image.width, image.height) == (2400, 1600)
    assert (image.thumbnail_width, image.thumbnail_height) == (480, 320)
    assert (image.web_width, image.web_height) == (1600, 1067)
    for field in (image.thumbnail, image.web):
        with Image.open(field.open("rb")) as rendition:
            assert rendition.format == "JPEG"
    for field, size in ((image.thumbnail_webp, (480, 320)), (image.web_webp, (1600, 1067))):
        with Image.open(field.open("rb")) as rendition:
            assert (rendition.format, rendition.size) == ("WEBP", size)
            assert not rendition.getexif()
    names = (image.thumbnail.name, image.web.name)
    image.caption_fr = "Nouvelle légende"
    image.save()
    image.refresh_from_db()
    assert (image.thumbnail.name, image.web.name) == names  # not remade on every save


def test_replaced_image_gets_new_renditions(make_release):
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = add_image(make_release(), size=(800, 800))
    old = image.thumbnail.name
    image.image = SimpleUploadedFile("new.png", image_bytes("PNG", (300, 600)))
    image.save()
    image.refresh_from_db()
    assert image.thumbnail.name != old
    assert (image.thumbnail_width, image.thumbnail_height) == (240, 480)


def test_renditions_drop_metadata(make_release):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (48.0, 51.0, 0.0)}  # GPS info
    upload_bytes = image_bytes("JPEG", (900, 600), exif=exif.tobytes())
    from django.core.files.uploadedfile import SimpleUploadedFile

    release = make_release()
    image = ReleaseImage.objects.create(
        release=release, image=SimpleUploadedFile("gps.jpg", upload_bytes), alt_text_fr="x"
    )
    with Image.open(image.web.open("rb")) as web:
        assert not web.getexif()


def test_public_release_media_served(client, make_release):
    release = make_release()
    image = add_image(release, size=(600, 400))
    attachment = add_attachment(release)
    for url in (image.image.url, image.thumbnail.url, image.web.url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
    download = client.get(image.web.url + "?download")
    assert download["Content-Disposition"].startswith("attachment")
    response = client.get(attachment.file.url)
    assert response.status_code == 200
    # Never rendered inline; a readable name although the stored one is random.
    assert response["Content-Disposition"] == 'attachment; filename="dossier-de-presse.pdf"'
    assert "dossier" not in attachment.file.name
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"


@pytest.mark.parametrize("fields", HIDDEN_STATES)
def test_unpublished_release_media_not_served(client, make_release, staff_client, fields):
    release = make_release(**fields)
    image = add_image(release, size=(600, 400))
    attachment = add_attachment(release)
    urls = (
        image.image.url,
        image.thumbnail.url,
        image.web.url,
        image.thumbnail_webp.url,
        image.web_webp.url,
        attachment.file.url,
    )
    from django.test import Client

    anonymous = Client()
    for url in urls:
        assert anonymous.get(url).status_code == 404
        assert staff_client.get(url).status_code == 200  # previews in the back office


@pytest.mark.parametrize(
    "path",
    ["/media/../config/settings/base.py", "/media/logos/../../db.sqlite3", "/media/nothing.png"],
)
def test_media_gate_refuses_other_paths(client, path):
    assert client.get(path).status_code == 404


def test_media_kit_zip(client, make_release):
    release = make_release(
        title_fr="Kit complet",
        body_fr="<p>Premier paragraphe.</p><ul><li>un</li><li>deux</li></ul>",
    )
    add_image(release, size=(640, 480), alt_text_fr="Le laboratoire", caption_fr="Au labo")
    add_attachment(release)
    response = client.get(f"/fr/communiques/{release.slug_fr}/kit-media/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    names = archive.namelist()
    assert f"{release.slug_fr}.txt" in names
    assert "images/01-le-laboratoire.jpg" in names
    assert "images/credits.txt" in names and "documents/dossier-de-presse.pdf" in names
    text = archive.read(f"{release.slug_fr}.txt").decode()
    assert "Kit complet" in text and "Premier paragraphe." in text and "- un\n- deux" in text
    credits = archive.read("images/credits.txt").decode()
    assert "Au labo" in credits and "© Studio" in credits


def test_seed_media_kit_has_every_part_in_text(client, demo_release):
    response = client.get(demo_release.get_absolute_url("en") + "media-kit/")
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    text = archive.read(f"{demo_release.slug_en}.txt").decode()
    for part in (
        "Sanofi and Gustave Roussy strengthen",
        "Paris and Villejuif, France – January 19, 2023",
        "- the first aims to identify targets",
        "Prof. Fabrice Barlesi, Chief Executive Officer of Gustave Roussy",
        "About Gustave Roussy",
        "EURONEXT: SAN",
        "Claire Parisel – +33 1 42 11 50 59 – claire.parisel@gustaveroussy.fr",
    ):
        assert part in text, part


def test_media_kit_of_unpublished_release_is_404(client, make_release):
    release = make_release(status="draft")
    assert client.get(f"/fr/communiques/{release.slug_fr}/kit-media/").status_code == 404


def test_pages_offer_webp_with_jpeg_sizes_for_every_screen(client, make_release):
    release = make_release(title_fr="Avec une photo")
    image = add_image(release, size=(2400, 1600))
    image.refresh_from_db()
    page = client.get(release.get_absolute_url("fr")).text
    webp = f"{image.thumbnail_webp.url} 480w, {image.web_webp.url} 1600w"
    jpeg = f"{image.thumbnail.url} 480w, {image.web.url} 1600w"
    assert f'<source type="image/webp" srcset="{webp}"' in page
    assert f'srcset="{jpeg}"' in page and 'width="1600" height="1067"' in page
    card = client.get("/fr/communiques/").text
    assert f'<source type="image/webp" srcset="{image.thumbnail_webp.url}">' in card
    for url in (image.thumbnail_webp.url, image.web_webp.url):  # public: served
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    # Stored before WebP: the JPEG alone, still with its sizes.
    ReleaseImage.objects.filter(pk=image.pk).update(thumbnail_webp="", web_webp="")
    release.save()  # a change: the page is built again
    page = client.get(release.get_absolute_url("fr")).text
    assert "image/webp" not in page and f'srcset="{jpeg}"' in page
