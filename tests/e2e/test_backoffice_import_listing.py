"""In a real browser: staff import a release naming a new institution and a new media contact
and keep it as a draft; anonymous readers see nothing of either (home, institution page,
contacts directory, alert sign-up form) until the release is public, then both appear at its
minute (the clock is moved). Issue 16, point 2."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PASSWORD, sign_in
from tests.helpers import SAMPLES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SAMPLE = SAMPLES / "wire_en.txt"


@pytest.fixture
def staff(site, django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)


def read(reader, url, status=200):
    response = reader.goto(url)
    assert response.status == status, url
    return reader.content()


def test_an_imported_draft_lists_nothing_until_it_is_public(site, browser, staff):
    from newsroom.models import PressRelease
    from newsroom.workflow import release_transition

    admin = sign_in(browser, site, "chief")
    admin.goto(f"{site}/admin/newsroom/pressrelease/import/")
    admin.set_input_files("#id_file", str(SAMPLE))
    admin.get_by_role("button", name="Read the document").click()
    expect(admin.locator("body")).to_contain_text("Sophie Martin")
    admin.get_by_role("button", name="Create the draft").click()
    expect(admin.locator(".messagelist")).to_contain_text("The draft was created")
    release = PressRelease.objects.get(title_en__startswith="Institut Curie and Acme")
    assert release.status == "draft"

    reader = browser.new_context(viewport=DESKTOP, locale="en-GB").new_page()
    curie = f"{site}/en/institutions/institut-curie/"

    def nothing_shown(when):
        for url in (f"{site}/en/", f"{site}/fr/contacts-presse/", f"{site}/en/alerts/"):
            page = read(reader, url)
            for name in ("Institut Curie", "Acme Biotherapeutics", "Sophie Martin", "Paul Smith"):
                assert name not in page, f"{when}: {name} on {url}"
        read(reader, curie, status=404)
        for contact in release.contacts.all():
            read(reader, f"{site}/fr/contacts-presse/{contact.pk}/vcard/", status=404)

    nothing_shown("draft")

    # Approved and scheduled through the workflow: still unknown until its minute.
    minute = timezone.localtime(timezone.now() + datetime.timedelta(hours=2)).replace(
        second=0, microsecond=0
    )
    release.original_only = True
    release.publish_at = minute
    release.save()
    for action in ("submit", "approve", "publish"):
        release = release_transition(release=release, user=staff, action=action)
    assert release.status == "published"
    nothing_shown("scheduled")

    with time_machine.travel(minute + datetime.timedelta(seconds=1)):
        home = read(reader, f"{site}/en/")
        assert "Institut Curie" in home and "Acme Biotherapeutics" in home
        reader.get_by_role("link", name="Institut Curie", exact=True).first.click()
        expect(reader.locator("h1")).to_have_text("Institut Curie")
        expect(reader.locator("body")).to_contain_text("Sophie Martin")
        directory = read(reader, f"{site}/fr/contacts-presse/")
        assert "Sophie Martin" in directory and "Paul Smith" in directory
        reader.goto(f"{site}/en/alerts/")
        expect(reader.get_by_label("Institut Curie")).to_be_visible()
