"""The newsroom identity in Chromium: its accent colour applied by identity.css (no CSP
refusal: no inline style), its logo in the header, the page still accessible and valid."""

import pytest

from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def branded(site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.models import NewsroomIdentity
    from tests.helpers import image_bytes

    identity = NewsroomIdentity.objects.get()
    identity.name_en = "Oncology Press"
    identity.footer_text_en = "The oncology newsroom of our partners."
    identity.accent = "#7a1f5c"
    identity.logo = SimpleUploadedFile("logo.png", image_bytes("PNG", (120, 40), "#7a1f5c"))
    identity.save()
    return site


def test_accent_logo_and_name_on_a_public_page(branded, page, tmp_path):
    page.goto(f"{branded}/en/")  # the page fixture fails the test on any CSP refusal
    accent = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
    )
    assert accent == "#7a1f5c"
    # After site.css, which sets the default: the newsroom's colour wins.
    sheets = page.evaluate("[...document.styleSheets].map(s => new URL(s.href).pathname)")
    assert sheets.index("/identity.css") > sheets.index("/static/css/site.css")
    logo = page.locator(".brand img.brand-logo")
    assert logo.evaluate("img => img.complete && img.naturalWidth") == 120
    assert page.locator(".brand").inner_text().strip() == "Oncology Press"
    assert page.title().endswith("· Oncology Press")
    assert "The oncology newsroom of our partners." in page.locator("footer").inner_text()
    assert_accessible(page)
    file = tmp_path / "home-branded.html"
    file.write_bytes(page.request.get(f"{branded}/en/").body())
    assert_valid_html([file], report="vnu-identity.json")
