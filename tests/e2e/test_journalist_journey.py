"""A journalist's visit in a real browser: home → list → search and filter → release → English →
institution → vCard, with screenshots at phone and desktop widths; no request leaves the site."""

from pathlib import Path

import pytest
import vobject

from tests.e2e.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE_FR = "Sanofi et Gustave Roussy renforcent leur collaboration stratégique"
HEADLINE_EN = "Sanofi and Gustave Roussy strengthen their strategic research collaboration"


def test_home_to_vcard(site, page, browser):
    host = site.split("/")[2]
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    steps = []

    page.goto(f"{site}/")  # French browser: redirected to /fr/
    assert page.url == f"{site}/fr/"
    steps.append(("1-home", page.url))

    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Communiqués de presse"
    ).click()
    assert page.url == f"{site}/fr/communiques/"
    steps.append(("2-list", page.url))

    page.get_by_label("Rechercher", exact=True).fill("immunotherapies")  # no accent, plural
    page.get_by_label("Institution").select_option(label="Gustave Roussy")
    page.locator("#main").get_by_role("button", name="Rechercher").click()  # not the header's
    assert page.url == (
        f"{site}/fr/communiques/?q=immunotherapies&institution=gustave-roussy&topic=&year="
    )
    assert page.get_by_role("status").inner_text().startswith("1 communiqué correspond")
    assert page.locator(".snippet mark").first.inner_text().lower().startswith("immunothérapie")
    facets = page.get_by_role("navigation", name="Affiner la recherche")
    assert (
        facets.get_by_role("link", name="Gustave Roussy (1)").get_attribute("aria-current")
        == "true"
    )
    steps.append(("3-search", page.url))

    page.get_by_role("link", name=HEADLINE_FR).click()
    assert page.locator("h1").inner_text().startswith(HEADLINE_FR)
    assert page.locator(".dateline").inner_text() == "Paris et Villejuif, France – 19 janvier 2023"
    assert page.locator(".body li").count() == 3
    assert page.get_by_role("heading", name="À propos de Gustave Roussy").is_visible()
    assert page.get_by_role("heading", name="À propos de Sanofi").is_visible()
    assert page.get_by_role("img", name="Chercheuses au laboratoire").is_visible()
    steps.append(("4-release-fr", page.url))

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith(HEADLINE_EN)
    assert "/en/press-releases/sanofi-and-gustave-roussy-" in page.url
    steps.append(("5-release-en", page.url))

    page.locator(".issuer-logos").get_by_role("link", name="Gustave Roussy").click()
    assert page.url == f"{site}/en/institutions/gustave-roussy/"
    assert page.locator("h1").inner_text() == "Gustave Roussy"
    steps.append(("6-institution", page.url))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add Claire Parisel to your contacts (vCard)").click()
    download = download_info.value
    assert download.suggested_filename == "claire-parisel.vcf"
    card = vobject.readOne(Path(download.path()).read_text(encoding="utf-8"))
    assert card.fn.value == "Claire Parisel"
    assert card.tel.value == "+33142115059"
    assert card.email.value == "claire.parisel@gustaveroussy.fr"

    assert hosts == {host}, "no CDN, font or tracker"
    for name, url in steps:
        screenshot(browser, url, name)


def test_release_readable_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/en/press-releases/")
    # Search and filters: a plain GET form.
    page.get_by_label("Search", exact=True).fill("persister cells")
    page.get_by_label("Institution").select_option(label="Sanofi")
    page.locator("#main").get_by_role("button", name="Search").click()
    assert page.get_by_role("status").inner_text().startswith("1 press release matches")
    page.get_by_role("link", name=HEADLINE_EN).click()
    assert page.locator(".contact").count() == 2
    context.close()


def test_print_keeps_boilerplates_and_contacts(site, page):
    page.goto(f"{site}/fr/")
    page.get_by_role("link", name=HEADLINE_FR).first.click()
    page.emulate_media(media="print")
    assert page.locator(".about").first.is_visible()
    assert page.locator(".contacts").is_visible()
    assert not page.locator(".site-header").is_visible()
