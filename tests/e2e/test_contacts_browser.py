"""Contact cards with an out-of-office note and the contacts page with its spokespeople, in a
real browser: accessible (axe-core) and valid (Nu checker), in French and English."""

import datetime

import pytest
from django.utils import timezone

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def away(site):
    from partners.models import MediaContact

    contact = MediaContact.objects.get(email="claire.parisel@gustaveroussy.fr")
    contact.away_from = timezone.localdate() - datetime.timedelta(days=1)
    contact.away_until = timezone.localdate() + datetime.timedelta(days=5)
    contact.away_note_fr = "écrivez à presse@gustaveroussy.fr"
    contact.away_note_en = "please write to presse@gustaveroussy.fr"
    contact.save()
    return site


def test_contacts_with_an_absence_are_accessible_and_valid(away, page, tmp_path):
    from newsroom.models import PressRelease

    release = PressRelease.objects.get(slug_fr__startswith="sanofi")
    files = []
    for name, path, note in [
        ("contacts-fr", "/fr/contacts-presse/", "écrivez à presse@gustaveroussy.fr"),
        ("contacts-en", "/en/media-contacts/", "please write to presse@gustaveroussy.fr"),
        ("release-fr", release.get_absolute_url("fr"), "écrivez à presse@gustaveroussy.fr"),
    ]:
        response = page.goto(away + path)
        assert response.status == 200
        assert page.locator(".contact-away").first.inner_text().endswith(note)
        assert_accessible(page)
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(response.text())
        if name.startswith("contacts"):
            assert (
                page.get_by_role("heading", name="Porte-parole").count()
                or page.get_by_role("heading", name="Spokespeople").count()
            )
            page.screenshot(path=ARTIFACTS / f"{name}-away-desktop.png", full_page=True)
    assert_valid_html(files, report="vnu-contacts.json")
