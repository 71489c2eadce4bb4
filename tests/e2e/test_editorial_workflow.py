"""In a real browser: an editor writes and submits a release, a publisher approves and schedules
it; anonymous readers get 404 before its minute and the release after (the clock is moved)."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from core.languages import LANGUAGE_CODES
from tests.e2e.conftest import DESKTOP, sign_in
from tests.helpers import SAMPLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_write_submit_approve_schedule_appear(site, browser, people):
    from newsroom.models import PressRelease

    editor = sign_in(browser, site, "editor")
    editor.goto(f"{site}/admin/newsroom/pressrelease/add/")
    editor.select_option("#modeltranslation-main-switch", label="Français")  # all fields in French
    editor.fill("#id_title_fr", "Un nouveau partenariat en oncologie")
    editor.locator("#tab_id_body_fr [contenteditable=true]").click()
    editor.keyboard.type("Texte du communiqué, écrit dans le navigateur.")
    editor.check("#id_original_only")
    # The issuer: the editor's only institution, chosen in the autocomplete.
    editor.locator("#releaseissuer_set-group .select2-selection").first.click()
    editor.locator(".select2-results__option", has_text="Sanofi").click()
    editor.click("input[name=_continue]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator(".messagelist")).to_contain_text("Saved. Submitted for review.")
    release = PressRelease.objects.get(title_fr="Un nouveau partenariat en oncologie")
    assert release.status == "in_review"

    publisher = sign_in(browser, site, "publisher")
    change = f"{site}/admin/newsroom/pressrelease/{release.pk}/change/"
    publisher.goto(change)
    publisher.get_by_role("button", name="Approve").click()
    expect(publisher.locator(".messagelist")).to_contain_text("Saved. Approved")
    minute = timezone.localtime(timezone.now() + datetime.timedelta(hours=2)).replace(
        second=0, microsecond=0
    )
    publisher.fill("#id_publish_at_0", minute.strftime("%Y-%m-%d"))
    publisher.fill("#id_publish_at_1", minute.strftime("%H:%M:%S"))
    publisher.click("input[name=_continue]")
    expect(publisher.locator(".messagelist")).to_contain_text("was changed successfully")
    publisher.get_by_role("button", name="Publish or schedule").click()
    expect(publisher.locator(".messagelist")).to_contain_text("Saved. Scheduled: goes public on")
    release.refresh_from_db()
    assert release.status == "published" and release.publish_at == minute

    reader = browser.new_context(viewport=DESKTOP).new_page()
    url = f"{site}{release.get_absolute_url('fr')}"
    assert reader.goto(url).status == 404
    with time_machine.travel(minute + datetime.timedelta(seconds=1)):
        response = reader.goto(url)
        assert response.status == 200
        assert reader.locator("h1").inner_text() == "Un nouveau partenariat en oncologie"


SEED = SAMPLES / "seed_sanofi_gustave_roussy_fr.txt"
MARKER = "Zéphyrine"


def fetch(reader, url):
    """Status and body (a ZIP's bytes read leniently) of ``url``, as the reader's browser gets
    it, without navigating (the media kit is a download)."""
    response = reader.request.get(url)
    return response.status, response.body().decode(errors="replace")


def surfaces(site, release, reader):
    """Every public place a release can show: its pages and kit, lists, search, feeds,
    sitemaps (the index and each sitemap it names)."""
    urls = [f"{site}{release.get_absolute_url(code)}" for code in LANGUAGE_CODES]
    urls += [f"{url}kit-media/" for url in urls[:1]] + [f"{urls[1]}media-kit/"]
    urls += [f"{site}/fr/", f"{site}/en/", f"{site}/fr/communiques/?q=témoin"]
    urls += [f"{site}/en/press-releases/", f"{site}/fr/flux/rss/", f"{site}/en/feeds/atom/"]
    urls += [f"{site}/news-sitemap.xml", f"{site}/sitemap.xml"]
    index = fetch(reader, f"{site}/sitemap.xml")[1]
    urls += [f"{site}/{loc.split('/', 3)[3]}" for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    return urls


def test_import_submit_embargo_publish_without_saving_nothing_leaks(site, browser, people):
    """The whole journey: an editor imports a release, retitles it and submits it without
    saving; a publisher approves, types an embargo, ticks "original language only" and clicks
    "Publish or schedule" without saving. Until the embargo lifts, no public surface shows it
    (pages, kit, home, lists, search, feeds, sitemaps); at the minute it is everywhere."""
    from newsroom.models import PressRelease
    from partners.models import Institution

    Institution.objects.get(slug="gustave-roussy").staff.add(people["Editor"])
    editor = sign_in(browser, site, "editor")
    editor.goto(f"{site}/admin/newsroom/pressrelease/import/")
    editor.set_input_files("#id_file", str(SEED))
    editor.get_by_role("button", name="Read the document").click()
    editor.get_by_role("button", name="Create the draft").click()
    expect(editor.locator(".messagelist")).to_contain_text("The draft was created")
    release = PressRelease.objects.order_by("-pk").first()
    editor.fill("#id_title_fr", f"Communiqué témoin {MARKER}")  # not saved before submitting
    editor.get_by_role("button", name="Submit for review").click()
    expect(editor.locator(".messagelist")).to_contain_text("Submitted for review.")
    release.refresh_from_db()
    assert (release.status, release.title_fr) == ("in_review", f"Communiqué témoin {MARKER}")

    publisher = sign_in(browser, site, "publisher")
    publisher.goto(f"{site}/admin/newsroom/pressrelease/{release.pk}/change/")
    publisher.get_by_role("button", name="Approve").click()
    expect(publisher.locator(".messagelist")).to_contain_text("Approved")
    lift = timezone.localtime(timezone.now() + datetime.timedelta(hours=3)).replace(
        second=0, microsecond=0
    )
    publisher.fill("#id_embargo_until_0", lift.strftime("%Y-%m-%d"))
    publisher.fill("#id_embargo_until_1", lift.strftime("%H:%M:%S"))
    publisher.check("#id_original_only")
    publisher.on("dialog", lambda dialog: dialog.accept())  # the leave-page warning, if any
    publisher.get_by_role("button", name="Publish or schedule").click()
    expect(publisher.locator(".messagelist")).to_contain_text("embargo")
    release.refresh_from_db()
    assert release.status == "published" and release.embargo_until == lift

    reader = browser.new_context(viewport=DESKTOP).new_page()
    for url in surfaces(site, release, reader):
        status, body = fetch(reader, url)
        assert status in (200, 404), url
        assert MARKER not in body, f"{MARKER} leaked on {url} before the lift"
    with time_machine.travel(lift + datetime.timedelta(seconds=1)):
        shown = {url for url in surfaces(site, release, reader) if MARKER in fetch(reader, url)[1]}
        assert fetch(reader, f"{site}{release.get_absolute_url('fr')}kit-media/")[0] == 200
    assert f"{site}{release.get_absolute_url('fr')}" in shown
    assert {f"{site}/fr/", f"{site}/fr/flux/rss/", f"{site}/news-sitemap.xml"} <= shown
