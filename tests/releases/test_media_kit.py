"""The media kit holds what it promises: the text in each language the release is written in,
every image at its original resolution with its caption and credit, every attachment, and a
README listing them; the release page's link says what it holds. Never for a hidden release."""

import io
import re
import zipfile

import pytest
from django.test import Client
from django.utils import timezone
from PIL import Image

from core.languages import LANGUAGE_CODES
from newsroom.models import Attachment
from tests.helpers import HIDDEN_STATES, add_attachment, add_image

pytestmark = pytest.mark.django_db


def kit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.getvalue()))


@pytest.fixture
def full_release(make_release):
    release = make_release(
        title_fr="Kit complet",
        title_en="Full kit",
        body_fr="<p>Premier paragraphe.</p>",
        body_en="<p>First paragraph.</p>",
    )
    add_image(
        release,
        size=(1800, 1200),
        alt_text_fr="Le laboratoire",
        alt_text_en="The laboratory",
        caption_fr="Au labo",
        caption_en="In the lab",
        credit="Studio Été",
    )
    add_image(
        release,
        size=(300, 500),
        name="schema.png",
        fmt="PNG",
        alt_text_fr="Le schéma",
        alt_text_en="The diagram",
        credit="Institut",
    )
    add_attachment(release)
    add_attachment(release, name="annexe.pdf", content=b"%PDF-1.7 annexe", title_fr="Annexe")
    # Two documents of the same title: both kept, under two names.
    add_attachment(release, name="annexe2.pdf", content=b"%PDF-1.7 bis", title_fr="Annexe")
    return release


def test_the_kit_holds_every_part(client, full_release):
    archive = kit(client, f"/fr/communiques/{full_release.slug_fr}/kit-media/")
    names = set(archive.namelist())
    assert names == {
        f"{full_release.slug_fr}.txt",
        f"{full_release.slug_en}.txt",
        "images/01-le-laboratoire.jpg",
        "images/02-le-schema.png",
        "images/credits.txt",
        "documents/dossier-de-presse.pdf",
        "documents/annexe.pdf",
        "documents/annexe-2.pdf",
        "LISEZMOI.txt",
    }
    # The text in both languages.
    assert "Kit complet" in archive.read(f"{full_release.slug_fr}.txt").decode()
    assert "First paragraph." in archive.read(f"{full_release.slug_en}.txt").decode()
    # Every image at its original resolution, with its credit in its metadata.
    with Image.open(io.BytesIO(archive.read("images/01-le-laboratoire.jpg"))) as photo:
        assert photo.size == (1800, 1200)
        packet = photo.info["xmp"].decode()
        assert "Studio Été" in packet and "Au labo" in packet
    with Image.open(io.BytesIO(archive.read("images/02-le-schema.png"))) as diagram:
        diagram.load()
        assert diagram.size == (300, 500)
        assert "© Institut" in diagram.info["XML:com.adobe.xmp"]
    credits = archive.read("images/credits.txt").decode()
    assert "Au labo\n  © Studio Été" in credits and "© Institut" in credits
    # Every attachment, as uploaded.
    assert archive.read("documents/annexe.pdf") == b"%PDF-1.7 annexe"
    assert archive.read("documents/annexe-2.pdf") == b"%PDF-1.7 bis"
    # The README lists all of it.
    readme = archive.read("LISEZMOI.txt").decode()
    for part in (
        "Kit média : Kit complet",
        f"http://testserver/fr/communiques/{full_release.slug_fr}/",
        f"{full_release.slug_en}.txt (anglais)",
        "images/01-le-laboratoire.jpg (1800 × 1200 px",
        "Légende : Au labo",
        "Crédit : © Studio Été",
        "documents/annexe-2.pdf",
        "Dossier de presse",
    ):
        assert part in readme, part
    assert archive.testzip() is None


def test_the_english_kit_speaks_english(client, full_release):
    archive = kit(client, f"/en/press-releases/{full_release.slug_en}/media-kit/")
    names = archive.namelist()
    assert names[0] == f"{full_release.slug_en}.txt"  # the page's language first
    assert "images/01-the-laboratory.jpg" in names and "documents/press-kit.pdf" in names
    readme = archive.read("README.txt").decode()
    assert "Media kit: Full kit" in readme and "Caption: In the lab" in readme


def test_an_untranslated_release_has_one_text(client, make_release):
    release = make_release(title_fr="Seulement en français", title_en="", body_fr="<p>Texte</p>")
    archive = kit(client, f"/en/press-releases/{release.slug_fr}/media-kit/")
    assert [name for name in archive.namelist() if name.endswith(".txt")] == [
        f"{release.slug_fr}.txt",
        "README.txt",
    ]
    page = client.get(release.get_absolute_url("en")).text
    assert "(ZIP, " in page and "text in French)" in page


def test_a_file_lost_by_storage_is_said_not_a_500(client, full_release):
    attachment = Attachment.objects.get(title_fr="Dossier de presse")
    attachment.file.storage.delete(attachment.file.name)
    archive = kit(client, f"/fr/communiques/{full_release.slug_fr}/kit-media/")
    assert "documents/dossier-de-presse.pdf" not in archive.namelist()
    readme = archive.read("LISEZMOI.txt").decode()
    assert "documents/dossier-de-presse.pdf : absent du serveur, non inclus (demandez-le" in readme


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_page_link_says_what_the_kit_holds(client, full_release, language):
    html = client.get(full_release.get_absolute_url(language)).text
    link = re.search(r'<p class="media-kit"><a [^>]*>([^<]*)</a>', html).group(1)
    if language == "fr":
        assert re.fullmatch(
            r"Télécharger le kit média \(ZIP, [\d,]+\xa0Kio : texte en français et en anglais, "
            r"2 images avec leurs crédits, 3 documents\)",
            link,
        ), link
    else:
        assert re.fullmatch(
            r"Download the media kit \(ZIP, [\d.]+\xa0KB: text in English and French, "
            r"2 images with their credits, 3 documents\)",
            link,
        ), link


def test_a_kit_with_text_only_says_so(client, make_release):
    release = make_release(title_fr="Sobre", body_fr="<p>Rien d’autre.</p>")
    html = client.get(release.get_absolute_url("fr")).text
    assert re.search(r"\(ZIP, [\d,]+\xa0(octets|Kio) : texte en français\)", html)


@pytest.mark.parametrize("fields", HIDDEN_STATES)
def test_no_kit_of_a_hidden_release(client, make_release, fields):
    release = make_release(**fields)
    add_image(release, size=(64, 64))
    for url in (
        f"/fr/communiques/{release.slug_fr}/kit-media/",
        f"/en/press-releases/{release.slug_en}/media-kit/",
        f"/fr/communiques/{release.slug_en}/kit-media/",
    ):
        assert client.get(url).status_code == 404, url


def test_an_embargoed_kit_is_for_accredited_journalists_only(make_release, make_journalist):
    release = make_release(embargo_until=timezone.now() + timezone.timedelta(hours=1))
    url = f"/fr/communiques/{release.slug_fr}/kit-media/"
    assert Client().get(url).status_code == 404
    journalist = Client()
    journalist.force_login(make_journalist())
    response = journalist.get(url)
    assert response.status_code == 200 and "private" in response["Cache-Control"]
