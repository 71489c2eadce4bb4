"""In a real browser, the back office for communications staff: the dashboard first, the
technical sections under "Administration" for administrators only, no CSP refusal on any admin
page type, a favicon, history in French for a French reader, axe and Nu clean."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PASSWORD, csp_refusals, sign_in
from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def people(people, django_user_model):
    """The editor and publisher, and an administrator."""
    people["Superuser"] = django_user_model.objects.create_superuser(
        "root", "root@example.org", PASSWORD
    )
    return people


@pytest.fixture
def desk(people):
    """Releases of the editor's institution: a draft of theirs, one sent back from review,
    one scheduled in 3 h 20 min, the demo release (published)."""
    from newsroom import workflow
    from newsroom.models import PressRelease, ReleaseIssuer
    from partners.models import Institution

    sanofi = Institution.objects.get(slug="sanofi")

    def release(title, **fields):
        made = PressRelease.objects.create(
            title_fr=title, title_en=title, original_only=True, **fields
        )
        ReleaseIssuer.objects.create(release=made, institution=sanofi)
        return made

    release("Brouillon de l’éditeur", created_by=people["Editor"])
    sent_back = release("Renvoyé pour corrections")
    workflow.release_transition(release=sent_back, user=people["Editor"], action="submit")
    workflow.release_transition(
        release=sent_back, user=people["Publisher"], action="return_to_draft"
    )
    soon = timezone.now() + timezone.timedelta(hours=3, minutes=20, seconds=20)
    release("Programmé bientôt", status="published", publish_at=soon)
    return people


def test_editor_sees_the_dashboard_first(site, browser, desk):
    refused = []
    editor = sign_in(browser, site, "editor", refused=refused)
    content = editor.locator("#content")
    new = content.get_by_role("link", name="New release")
    imported = content.get_by_role("link", name="Import a release")
    expect(new).to_be_visible()
    expect(imported).to_be_visible()
    # The buttons come first, before the dashboard's sections and the list of sections.
    headings = content.locator("h2").all_inner_texts()
    assert headings[:4] == [
        "My drafts",
        "Awaiting my review",
        "Scheduled and embargoed",
        "Recently published",
    ]
    expect(editor.locator("#my-drafts")).to_contain_text("Brouillon de l’éditeur")
    expect(editor.locator("#awaiting-review")).to_contain_text("Renvoyé pour corrections")
    timeline = editor.locator("#timeline")
    expect(timeline).to_contain_text("Programmé bientôt")
    expect(timeline).to_contain_text(re.compile(r"goes public in 3 h 2[01] min"))
    expect(editor.locator("#recently-published")).to_contain_text("Sanofi")
    # No technical section for an editor.
    expect(editor.get_by_text("Administration", exact=True)).to_have_count(0)
    expect(editor.locator('a[href="/admin/auth/user/"]')).to_have_count(0)
    new.click()
    expect(editor).to_have_url(f"{site}/admin/newsroom/pressrelease/add/")
    editor.go_back()
    imported.click()
    expect(editor).to_have_url(f"{site}/admin/newsroom/pressrelease/import/")
    assert not refused, "\n".join(refused)


def test_administrators_find_the_technical_sections_under_administration(site, browser, desk):
    root = sign_in(browser, site, "root")
    main = root.locator("#content-main")
    section = main.locator(".app-administration")
    expect(section.get_by_role("link", name="Administration")).to_be_visible()
    for url in (
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/axes/accesslog/",
        "/admin/otp_totp/totpdevice/",
        "/admin/django_tasks_database/dbtaskresult/",
    ):
        expect(section.locator(f'a[href="{url}"]').first).to_be_visible()
    # Only one section holds them, after the editorial ones.
    captions = [text.strip() for text in main.locator("caption").all_text_contents()]
    assert captions[-1] == "Administration"
    assert captions[0] == "Press releases"
    assert not any(name in captions for name in ("Axes", "Otp_Totp", "Tasks Database Backend"))
    section.get_by_role("link", name="Administration").click()
    expect(root.locator("h1")).to_have_text("Administration")


def admin_pages(release, institution, version_ids, user):
    """One URL per kind of admin page, with the forms and widgets each uses."""
    first, second = version_ids
    return [
        "/admin/",
        "/admin/administration/",
        "/admin/newsroom/",
        "/admin/newsroom/pressrelease/",
        "/admin/newsroom/pressrelease/?q=cancer&status__exact=published",
        f"/admin/newsroom/pressrelease/{release.pk}/change/",
        "/admin/newsroom/pressrelease/add/",
        "/admin/newsroom/pressrelease/import/",
        f"/admin/newsroom/pressrelease/{release.pk}/history/",
        f"/admin/newsroom/pressrelease/{release.pk}/history/compare/"
        f"?version_id1={first}&version_id2={second}",
        f"/admin/partners/institution/{institution.pk}/change/",
        f"/admin/partners/institution/{institution.pk}/history/",
        "/admin/partners/person/add/",
        "/admin/alerts/subscriber/",
        "/admin/axes/accesslog/",
        "/admin/auth/user/",
        f"/admin/auth/user/{user.pk}/change/",
        "/admin/password_change/",
        "/admin/two-factor/",
        "/admin/newsroom/newsroomidentity/1/change/",
    ]


def test_no_csp_refusal_on_any_admin_page(site, browser, desk):
    import reversion

    from newsroom.models import PressRelease
    from partners.models import Institution

    release = PressRelease.objects.get(slug_fr__startswith="sanofi")
    institution = Institution.objects.get(slug="sanofi")
    versions = []
    for title in ("Titre un", "Titre deux"):
        with reversion.create_revision():
            release.title_fr = title
            release.save()
    from reversion.models import Version

    versions = sorted(Version.objects.get_for_object(release).values_list("pk", flat=True))
    refused, failed = [], []
    anonymous = csp_refusals(browser.new_context(viewport=DESKTOP).new_page(), refused)
    anonymous.goto(f"{site}/admin/login/")
    expect(anonymous.locator("#id_username")).to_be_visible()
    for locale in ("fr-FR", "en-GB"):
        root = sign_in(browser, site, "root", locale=locale, refused=refused)
        for url in admin_pages(release, institution, versions[:2], desk["Superuser"]):
            if root.goto(site + url).status != 200:
                failed.append(url)
            root.wait_for_load_state("load")
            root.wait_for_timeout(200)  # the rich-text editor starts after its modules load
        # The scripts that run on a click: language tabs, autocomplete, collapsed fieldsets.
        root.goto(f"{site}/admin/newsroom/pressrelease/{release.pk}/change/")
        root.locator("#releaseissuer_set-group .select2-selection").first.click()
        expect(root.locator(".select2-results__option").first).to_be_visible()
        root.keyboard.press("Escape")
        root.locator("#modeltranslation-main-switch").select_option(index=1)  # other language
    assert not refused, "\n".join(refused)
    assert not failed


def test_favicon(site, browser, people):
    import urllib.request

    root = sign_in(browser, site, "root")
    for url in ("/admin/", "/admin/newsroom/pressrelease/", "/fr/"):
        root.goto(site + url)
        icon = root.locator('link[rel="icon"]').first
        href = icon.get_attribute("href")
        response = root.request.get(site + href if href.startswith("/") else href)
        assert response.status == 200 and response.headers["content-type"].startswith("image/")
    with urllib.request.urlopen(f"{site}/favicon.ico") as answer:  # follows the redirect
        assert answer.status == 200
        assert answer.headers["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
        assert answer.read(4) == b"\x00\x00\x01\x00"


def test_history_in_french(site, browser, desk):
    """An English-speaking editor edits and submits; an English-speaking publisher approves
    and schedules; a French-speaking publisher reads it all in French, times included."""
    from django.utils import translation

    from newsroom import workflow
    from newsroom.models import PressRelease

    release = PressRelease.objects.get(title_fr="Brouillon de l’éditeur")
    editor = sign_in(browser, site, "editor")
    editor.goto(f"{site}/admin/newsroom/pressrelease/{release.pk}/change/")
    # The form opens on the release's original language, French.
    editor.fill("#id_title_fr", "Brouillon relu")
    editor.click("input[name=_continue]")
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    minute = timezone.localtime().replace(hour=16, minute=45, second=0, microsecond=0)
    minute += timezone.timedelta(days=1)
    with translation.override("en"):
        workflow.release_transition(release=release, user=desk["Editor"], action="submit")
        workflow.release_transition(release=release, user=desk["Publisher"], action="approve")
        PressRelease.objects.filter(pk=release.pk).update(publish_at=minute)
        workflow.release_transition(
            release=release, user=desk["Publisher"], action="publish", comment="à l’heure"
        )

    reader = sign_in(browser, site, "root", locale="fr-FR")
    reader.goto(f"{site}/admin/newsroom/pressrelease/{release.pk}/history/")
    history = reader.locator("#change-history tbody")
    expect(history).to_contain_text("Modification de")
    expect(history).to_contain_text("Soumettre à relecture")
    expect(history).to_contain_text("Approuver")
    expect(history).to_contain_text(
        re.compile(
            r"Publier ou programmer \(mise en ligne le .* à 16:45, heure de Paris \(.*UTC\)\)"
        )
    )
    for english in ("Changed", "Submit for review", "Approve", "Publish or schedule"):
        expect(history).not_to_contain_text(english)
    reader.goto(f"{site}/admin/")
    expect(reader.locator("#recent-changes")).to_contain_text("Publier ou programmer")


@pytest.mark.parametrize(
    ("username", "locale"), [("editor", "en-GB"), ("editor", "fr-FR"), ("root", "fr-FR")]
)
def test_dashboard_accessible_and_valid(site, browser, desk, username, locale, tmp_path):
    page = sign_in(browser, site, username, locale=locale)
    # Every part of the dashboard is there, filled, for axe to check.
    parts = [".dashboard-actions a", "#timeline time", "#recently-published li a"]
    if username == "editor":
        parts += ["#my-drafts li a", "#awaiting-review li a"]
    else:
        parts += [".app-administration"]
    for part in parts:
        expect(page.locator(part).first).to_be_visible()
    assert_accessible(page)
    html = page.request.get(f"{site}/admin/").body()  # the server's HTML, as sent
    file = tmp_path / f"dashboard-{username}-{locale}.html"
    file.write_bytes(html)
    assert_valid_html([file], report=f"vnu-dashboard-{username}-{locale}.json")


def test_history_and_administration_accessible_and_valid(site, browser, desk, tmp_path):
    """The other admin screens this part changes: a release's history, the Administration
    page."""
    from newsroom import workflow
    from newsroom.models import PressRelease

    release = PressRelease.objects.get(title_fr="Brouillon de l’éditeur")
    for action in ("submit", "return_to_draft", "submit"):
        workflow.release_transition(release=release, user=desk["Publisher"], action=action)
    root = sign_in(browser, site, "root", locale="fr-FR")
    files = []
    for name, url in (
        ("history", f"/admin/newsroom/pressrelease/{release.pk}/history/"),
        ("administration", "/admin/administration/"),
        ("identity", "/admin/newsroom/newsroomidentity/1/change/"),
    ):
        root.goto(site + url)
        assert_accessible(root)
        file = tmp_path / f"{name}.html"
        file.write_bytes(root.request.get(site + url).body())
        files.append(file)
    assert_valid_html(files, report="vnu-backoffice.json")
