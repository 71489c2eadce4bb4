"""A journalist's first visit, in a real browser: read the release, switch language, no
accessibility violation, nothing fetched from another host."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from newsroom.demo import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    load_demo()
    return live_server.url


def test_read_release_and_switch_language(site, page):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(request.url.split("/")[2]))
    page.goto(f"{site}/fr/")
    page.get_by_role(
        "link", name="Sanofi et Gustave Roussy renforcent leur collaboration stratégique"
    ).click()
    assert page.locator("h1").inner_text().startswith("Sanofi et Gustave Roussy renforcent")
    assert page.locator(".dateline").inner_text() == "Paris et Villejuif, France – 19 janvier 2023"
    assert page.locator(".body li").count() == 3
    assert page.get_by_role("heading", name="À propos de Gustave Roussy").is_visible()
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Sanofi and Gustave Roussy strengthen")
    assert page.get_by_role("link", name="01 42 11 50 59").get_attribute("href") == (
        "tel:+33142115059"
    )
    assert requested_hosts == {site.split("/")[2]}, "no CDN, font or tracker"


@pytest.mark.parametrize("path", ["/fr/", "/en/", "release-fr", "release-en"])
def test_pages_have_no_accessibility_violation(site, page, path):
    from newsroom.models import PressRelease

    if path.startswith("release-"):
        path = PressRelease.objects.get().get_absolute_url(path.removeprefix("release-"))
    page.goto(f"{site}{path}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_release_readable_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/en/")
    page.get_by_role("link", name="Sanofi and Gustave Roussy strengthen").click()
    assert page.locator(".contact").count() == 2
    context.close()
