"""In a real browser, the release form: its workflow buttons act on what the form shows (a
typed embargo or title is saved, then the release moves), it warns before unsaved changes are
left behind, it opens on the release's original language with one language switch, shows image
thumbnails, checks spelling, never doubles "©"; the list of releases reads well on a laptop;
axe-core and the Nu Html Checker find nothing on these screens."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, sign_in
from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LAPTOP = {"width": 1366, "height": 768}


def make_release(status, **fields):
    from newsroom.models import PressRelease, ReleaseIssuer
    from partners.models import Institution

    values = {
        "title_fr": "Un essai clinique en oncologie",
        "title_en": "A clinical trial in oncology",
        "body_fr": "<p>Texte du communiqué.</p>",
        "body_en": "<p>Text of the release.</p>",
        "status": status,
    }
    release = PressRelease.objects.create(**(values | fields))
    ReleaseIssuer.objects.create(
        release=release, institution=Institution.objects.get(slug="sanofi")
    )
    return release


def change_url(site, release):
    return f"{site}/admin/newsroom/pressrelease/{release.pk}/change/"


def test_publish_keeps_the_embargo_typed_without_saving(site, browser, people):
    """In French: the publisher types an embargo and publishes at once; the release goes out
    under that embargo (anonymous readers get 404 until it lifts), said in French."""
    release = make_release("approved")
    page = sign_in(browser, site, "publisher", locale="fr-FR")
    page.goto(change_url(site, release))
    lift = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    page.fill("#id_embargo_until_0", lift.strftime("%d/%m/%Y"))
    page.fill("#id_embargo_until_1", "14:00")
    page.get_by_role("button", name="Publier ou programmer").click()
    expect(page.locator(".messagelist")).to_be_visible()
    release.refresh_from_db()
    assert release.status == "published" and release.embargo_until == lift
    message = f"Publié sous embargo jusqu’au {lift.day} "
    expect(page.locator(".messagelist")).to_contain_text(message)
    expect(page.locator(".messagelist")).to_contain_text(
        re.compile(r"à 14:00, heure de Paris \(1[23]:00 UTC\)")
    )

    reader = browser.new_context(viewport=DESKTOP).new_page()
    url = f"{site}{release.get_absolute_url('fr')}"
    assert reader.goto(url).status == 404
    with time_machine.travel(lift + datetime.timedelta(seconds=1)):
        assert reader.goto(url).status == 200
    assert not page.refused


def test_submit_for_review_keeps_the_title_typed_without_saving(site, browser, people):
    release = make_release("draft", title_fr="Titre provisoire")
    page = sign_in(browser, site, "editor", locale="fr-FR")
    page.goto(change_url(site, release))
    page.fill("#id_title_fr", "Titre définitif")
    page.fill("#workflow-comment", "Prêt")
    page.get_by_role("button", name="Soumettre à relecture").click()
    expect(page.locator(".messagelist")).to_be_visible()
    release.refresh_from_db()
    assert release.title_fr == "Titre définitif" and release.status == "in_review"
    expect(page.locator(".messagelist")).to_contain_text("Enregistré. Soumis à relecture.")
    assert release.transitions.get().comment == "Prêt"
    assert not page.refused


def test_leaving_with_unsaved_changes_asks_first(site, browser, people):
    release = make_release("draft")
    page = sign_in(browser, site, "editor")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.goto(change_url(site, release))
    page.get_by_role("link", name="Home").click()  # nothing changed: leaves without asking
    expect(page).to_have_url(f"{site}/admin/")
    assert dialogs == []

    page.goto(change_url(site, release))
    page.fill("#id_release_date", "2026-12-24")
    page.get_by_role("link", name="Home").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url == change_url(site, release)  # stayed: the typed date is still there
    expect(page.locator("#id_release_date")).to_have_value("2026-12-24")

    page.get_by_role("button", name="Save and continue editing").first.click()  # no question
    expect(page.locator(".messagelist")).to_be_visible()
    assert dialogs == ["beforeunload"]
    assert not page.refused


def test_form_opens_on_the_original_language_with_thumbnails_and_spelling(site, browser, people):
    """The demo release, written in French, opened by a publisher whose interface is English."""
    from newsroom.models import PressRelease

    release = PressRelease.objects.filter(images__isnull=False).distinct().get()
    image = release.images.first()
    page = sign_in(browser, site, "publisher")
    page.goto(change_url(site, release))

    # One switch, on the original language; no per-field tabs; every text in French.
    switch = page.get_by_label("Language of the texts below:")
    expect(switch).to_have_count(1)
    expect(switch.locator("option:checked")).to_have_text("Français")
    expect(page.locator(".ui-tabs-nav:visible")).to_have_count(0)
    expect(page.locator("#id_title_fr")).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_hidden()
    switch.select_option(label="English")
    expect(page.locator("#id_title_en")).to_be_visible()
    expect(page.locator("#id_title_fr")).to_be_hidden()
    switch.select_option(label="Français")

    # The body editor checks spelling, in the field's language.
    editor = page.locator("#tab_id_body_fr [contenteditable=true]")
    expect(editor).to_be_visible()
    assert editor.evaluate("element => element.spellcheck") is True
    assert editor.evaluate("element => element.closest('[lang]').lang") == "fr"

    # Images: a thumbnail (loaded, described), not the stored file's random name.
    page.locator("#images-group summary").click()
    thumbnail = page.locator("#images-group img.image-thumbnail").first
    expect(thumbnail).to_be_visible()
    assert thumbnail.evaluate("img => img.complete && img.naturalWidth") > 0
    assert thumbnail.get_attribute("alt") == "Researchers in the laboratory"
    assert image.image.name.rsplit("/", 1)[-1] not in page.content()

    # A credit typed with its "©" is shown with one.
    page.fill("#id_images-0-credit", "© Gustave Roussy / P. Dupont")
    page.fill("#id_correction_note_fr", "Crédit photo complété.")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(f"{site}{release.get_absolute_url('fr')}")
    expect(page.locator("figcaption .credit").first).to_have_text("© Gustave Roussy / P. Dupont")
    assert "© ©" not in page.locator("body").inner_text()
    assert not page.refused


def test_release_list_readable_on_a_laptop(site, browser, people):
    """At 1366 pixels, in French (the longer headings): every column in view, titles on a few
    lines rather than a word a line."""
    make_release(
        "published",
        title_fr="Un titre de communiqué assez long pour tenir sur plusieurs lignes du tableau",
        publish_at=timezone.now() + datetime.timedelta(days=2),
        embargo_until=timezone.now() + datetime.timedelta(days=3),
    )
    page = sign_in(browser, site, "publisher", locale="fr-FR", viewport=LAPTOP)
    page.goto(f"{site}/admin/newsroom/pressrelease/")
    results = page.locator(".results")
    width, scroll_width = results.evaluate("element => [element.clientWidth, element.scrollWidth]")
    assert scroll_width <= width, "the list scrolls sideways: some columns are out of view"
    for link in page.locator("#result_list .field-title a").all():
        lines = link.evaluate(
            "a => Math.round(a.getBoundingClientRect().height"
            " / parseFloat(getComputedStyle(a).lineHeight))"
        )
        assert lines <= 3, (link.inner_text(), lines)
    expect(page.locator("#result_list")).to_contain_text("Programmé")
    assert not page.refused


@pytest.mark.parametrize("screen", ["change", "add", "list"])
def test_release_screens_accessible_and_valid(site, browser, people, tmp_path, screen):
    from newsroom.models import PressRelease

    release = PressRelease.objects.filter(images__isnull=False).distinct().get()
    page = sign_in(browser, site, "publisher", locale="fr-FR", viewport=LAPTOP)
    path = {
        "change": f"{release.pk}/change/",
        "add": "add/",
        "list": "",
    }[screen]
    page.goto(f"{site}/admin/newsroom/pressrelease/{path}")
    for summary in page.locator("details > summary").all():
        summary.click()  # folded sections are checked open too
    assert_accessible(page)
    # The Nu checker reads the page as served: the markup the back office writes (the DOM that
    # select2 and jQuery UI build afterwards is theirs, and axe has just checked its result).
    file = tmp_path / f"release-{screen}.html"
    file.write_bytes(page.request.get(page.url).body())
    assert_valid_html([file], report=f"vnu-release-{screen}.json")
    assert not page.refused
