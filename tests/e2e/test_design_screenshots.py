"""Every public page type in both languages at phone (390 px) and wide (1440 px) widths: a
full-page screenshot kept as an artifact (tests/e2e/artifacts/<page>-<lang>-<width>.png, to be
looked at), no axe-core violation at either width, valid HTML (Nu checker)."""

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {390: {"width": 390, "height": 844}, 1440: {"width": 1440, "height": 900}}
PAGES = {
    "home": {"fr": "/fr/", "en": "/en/"},
    "list": {"fr": "/fr/communiques/", "en": "/en/press-releases/"},
    "release": {"fr": "release:fr", "en": "release:en"},
    "institution": {
        "fr": "/fr/institutions/gustave-roussy/",
        "en": "/en/institutions/gustave-roussy/",
    },
    "person": {
        "fr": "/fr/porte-parole/fabrice-barlesi/",
        "en": "/en/spokespeople/fabrice-barlesi/",
    },
    "partnership": {
        "fr": "/fr/partenariats/sanofi-gustave-roussy-oncologie/",
        "en": "/en/partnerships/sanofi-gustave-roussy-oncologie/",
    },
    "contacts": {"fr": "/fr/contacts-presse/", "en": "/en/media-contacts/"},
    "alerts": {"fr": "/fr/alertes/", "en": "/en/alerts/"},
    "library": {"fr": "/fr/mediatheque/", "en": "/en/media-library/"},
    "search": {
        "fr": "/fr/communiques/?q=immunoth%C3%A9rapie",
        "en": "/en/press-releases/?q=cancer",
    },
}


def resolve(path):
    from newsroom.models import PressRelease

    if path.startswith("release:"):
        release = PressRelease.objects.get(slug_fr__startswith="sanofi")
        return release.get_absolute_url(path.split(":")[1])
    return path


@pytest.fixture
def urls(site):
    """The pages' paths, checked to exist (a renamed URL fails here, not as a blank picture)."""
    from django.test import Client

    from newsroom.models import ReleaseImage

    # The demo's own illustrations lead, as in the real demo (the fixture's plain test picture
    # after them).
    ReleaseImage.objects.exclude(credit__startswith="Newsroom").update(order=9)
    client = Client()
    paths = {}
    for name, languages in PAGES.items():
        for language, path in languages.items():
            path = resolve(path)
            response = client.get(path, follow=True)
            assert response.status_code == 200, path
            paths[name, language] = (
                response.redirect_chain[-1][0] if response.redirect_chain else path
            )
    return paths


def test_screenshots_of_every_page_type(browser, site, urls, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, locale="fr-FR")
        page = context.new_page()
        for (name, language), path in urls.items():
            page.goto(site + path)
            # Lazy images below the fold, loaded before the full-page picture.
            page.evaluate(
                "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
            )
            page.wait_for_load_state("networkidle")
            page.screenshot(path=ARTIFACTS / f"{name}-{language}-{width}.png", full_page=True)
            assert_accessible(page)
        context.close()
    # The release as printed: no header, footer or action bar; the text, its images, the
    # boilerplates and the contacts.
    page = browser.new_context(viewport=WIDTHS[1440]).new_page()
    page.goto(site + urls["release", "fr"])
    page.emulate_media(media="print")
    page.screenshot(path=ARTIFACTS / "release-fr-print.png", full_page=True)
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".release-actions").is_visible()
    assert page.locator(".contacts").is_visible() and page.locator(".gallery").is_visible()
    page.context.close()


def test_release_actions_copy_link_and_text(browser, site, urls):
    """The sticky bar's "copy" buttons (added by a script) put the page's URL and the release's
    clean plain text on the clipboard."""
    context = browser.new_context(viewport=WIDTHS[390], locale="en-GB")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site + urls["release", "en"])
    actions = page.locator(".release-actions")
    actions.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(urls["release", "en"])
    actions.get_by_role("button", name="Copy text").click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Sanofi and Gustave Roussy")
    assert "<" not in text and "About Gustave Roussy" in text
    assert actions.get_by_role("status").inner_text() == "Copied to the clipboard"
    context.close()


def test_design_pages_are_valid_html(site, urls, tmp_path):
    from django.test import Client

    client = Client()
    files = []
    for (name, language), path in urls.items():
        file = tmp_path / f"{name}-{language}.html"
        file.write_bytes(client.get(path).content)
        files.append(file)
    assert_valid_html(files, report="vnu-design.json")
