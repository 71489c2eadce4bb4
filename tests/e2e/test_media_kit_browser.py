"""A journalist downloads the media kit from a release page: the link says what the kit holds,
and the ZIP holds it (the text in both languages, the image with its credit, the document, a
README)."""

import io
import zipfile

import pytest
from PIL import Image

from tests.e2e.quality import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_media_kit_holds_what_its_link_says(site, page):
    from newsroom.models import PressRelease
    from tests.helpers import add_attachment

    release = PressRelease.objects.get(slug_fr__startswith="sanofi")
    add_attachment(release, title_fr="Dossier de presse", title_en="Press kit")
    page.goto(f"{site}{release.get_absolute_url('fr')}")
    link = page.locator(".media-kit a")
    label = link.inner_text()
    assert label.startswith("Télécharger le kit média (ZIP, ")
    assert label.endswith(
        " : texte en français et en anglais, 3 images avec leurs crédits, 1 document)"
    ), label
    assert_accessible(page)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"{release.slug_fr}.zip"
    archive = zipfile.ZipFile(download.path())
    names = set(archive.namelist())
    image = "images/01-chercheuses-au-laboratoire.jpg"
    assert {
        f"{release.slug_fr}.txt",
        f"{release.slug_en}.txt",
        image,
        "images/credits.txt",
        "documents/dossier-de-presse.pdf",
        "LISEZMOI.txt",
    } <= names
    # The demo's two generated illustrations, besides the fixture's photo.
    assert len([name for name in names if name.startswith("images/0")]) == 3
    assert release.title_en in archive.read(f"{release.slug_en}.txt").decode()
    with Image.open(io.BytesIO(archive.read(image))) as photo:
        assert photo.size == (1600, 1000)  # the original, not a rendition
        assert "Gustave Roussy" in photo.info["xmp"].decode()
    credits = archive.read("images/credits.txt").decode()
    assert "Laboratoire de recherche translationnelle\n  © Gustave Roussy" in credits
    assert "© Newsroom – illustration" in credits
    assert archive.read("documents/dossier-de-presse.pdf") == b"%PDF-1.7 test"
    readme = archive.read("LISEZMOI.txt").decode()
    assert "Crédit : © Gustave Roussy" in readme and "Dossier de presse" in readme
