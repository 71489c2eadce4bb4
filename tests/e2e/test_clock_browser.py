"""The embargo clock's script in a real browser: a reader in New York sees the lift in their
own time next to Paris time and UTC; a reader in Paris (or on UTC) gets nothing added; the
page stays accessible and valid."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, DESKTOP, PASSWORD, csp_refusals
from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def embargoed(site, django_user_model):
    from newsroom.models import PressRelease

    django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    release = PressRelease.objects.order_by("pk").first()
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    lift = tomorrow.replace(hour=14, minute=0, second=0, microsecond=0)
    release.embargo_until = lift
    release.save()
    return release


def signed_in(browser, site, zone, refused):
    context = browser.new_context(viewport=DESKTOP, locale="en-US", timezone_id=zone)
    page = csp_refusals(context.new_page(), refused)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page).to_have_url(f"{site}/admin/")
    return page


def test_the_reader_s_own_time_zone_is_added(site, browser, embargoed, tmp_path):
    refused = []
    page = signed_in(browser, site, "America/New_York", refused)
    url = f"{site}{embargoed.get_absolute_url('en')}"
    page.goto(url)
    banner = page.locator(".banner-embargo")
    paris = embargoed.embargo_until.astimezone(PARIS)
    expect(banner).to_contain_text(f"{paris:%H:%M} Paris time (")
    local = banner.locator(".clock-local")
    expect(local).to_have_count(1)
    new_york = embargoed.embargo_until.astimezone(NEW_YORK)
    expect(local).to_contain_text(f"{new_york:%I:%M}")
    expect(local).to_contain_text("your time (Eastern")
    expect(banner.get_by_role("link", name="Add to my calendar (.ics)")).to_be_visible()
    assert_accessible(page)
    html = tmp_path / "embargoed-release.html"
    html.write_text(page.context.request.get(url).text())
    assert_valid_html([html], report="vnu-clock.json")
    page.screenshot(path=ARTIFACTS / "clock-new-york-desktop.png", full_page=True)

    # The calendar link downloads the .ics.
    with page.expect_download() as download:
        banner.get_by_role("link", name="Add to my calendar (.ics)").click()
    assert download.value.suggested_filename == "embargo.ics"

    # The dashboard's timeline too.
    page.goto(f"{site}/admin/")
    expect(page.locator("#timeline .clock-local")).to_contain_text(f"{new_york:%I:%M}")
    assert_accessible(page)
    assert not refused, refused


@pytest.mark.parametrize("zone", ["Europe/Paris", "Europe/Berlin", "UTC"])
def test_nothing_added_where_paris_or_utc_say_it(site, browser, embargoed, zone):
    refused = []
    page = signed_in(browser, site, zone, refused)
    page.goto(f"{site}{embargoed.get_absolute_url('fr')}")
    expect(page.locator(".banner-embargo time[data-clock]")).to_have_count(1)
    page.wait_for_load_state("load")  # the deferred script has run
    expect(page.locator(".clock-local")).to_have_count(0)
    assert not refused, refused
