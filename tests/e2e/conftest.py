"""Browser tests: Debian's Chromium driven by Playwright against the live test server.

Without Chromium (or Java for the HTML checker) they are skipped on a developer's machine,
but fail in CI (CI=true). Screenshots go to $E2E_ARTIFACTS (default tests/e2e/artifacts/).
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", Path(__file__).parent / "artifacts"))
IN_CI = os.environ.get("CI", "").lower() == "true"
# Playwright's sync API runs an event loop in the test thread; the test itself only touches
# the database between page loads, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "pw-Str0ng!-e2e"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def require(condition, what):
    if not condition:
        if IN_CI:
            pytest.fail(f"{what} is missing: CI must run the browser tests.")
        pytest.skip(f"{what} is missing")


@pytest.fixture(scope="session")
def browser():
    require(shutil.which(CHROMIUM), f"Chromium ({CHROMIUM}; apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page of its own; every test fails if the Content-Security-Policy refused anything on
    any page it loaded (Chromium reports each refusal on the console)."""
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not refused, refused


@pytest.fixture
def site(live_server, settings):
    """The demo content, plus an image so that every part of a release page is exercised; the
    role groups too (a transactional test before this one emptied the database, and a flush
    brings back neither the migrations' rows nor, with serialized rollback, anything safely)."""
    from newsroom.demo import load_demo
    from tests.helpers import add_image, ensure_roles

    ensure_roles()

    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    release = load_demo()
    add_image(
        release,
        size=(1600, 1000),
        alt_text_fr="Chercheuses au laboratoire",
        alt_text_en="Researchers in the laboratory",
        caption_fr="Laboratoire de recherche translationnelle",
        caption_en="Translational research laboratory",
        credit="Gustave Roussy",
    )
    return live_server.url


@pytest.fixture
def people(site, django_user_model):
    """An Editor (communications staff of Sanofi) and a Publisher, signed in by ``sign_in``."""
    from django.contrib.auth.models import Group

    from partners.models import Institution

    users = {}
    for role in ("Editor", "Publisher"):
        user = django_user_model.objects.create_user(role.lower(), password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    Institution.objects.get(slug="sanofi").staff.add(users["Editor"])
    return users


def csp_refusals(page, into):
    """Collects into ``into`` every Content-Security-Policy refusal Chromium reports."""
    page.on(
        "console",
        lambda message: (
            into.append(f"{page.url}: {message.text} ({message.location})")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def sign_in(browser, site, username, *, locale="en-GB", viewport=DESKTOP, refused=None):
    """A new browser signed in to the back office as ``username``, on its home; the CSP
    refusals of every page it loads go to ``page.refused`` (or to ``refused``)."""
    page = browser.new_context(viewport=viewport, locale=locale).new_page()
    page.refused = [] if refused is None else refused
    csp_refusals(page, page.refused)
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page).to_have_url(f"{site}/admin/")
    return page


def screenshot(browser, url, name):
    """Full-page screenshots at phone and desktop widths, kept as test artifacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(url)
        page.screenshot(path=ARTIFACTS / f"{name}-{label}.png", full_page=True)
        context.close()
