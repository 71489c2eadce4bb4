"""History in the reader's language: revision comments are stored without one (a workflow
step's action and the moments it set, an admin save's change message) and translated when
shown, on the history and compare pages and the dashboard."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from newsroom import history, workflow
from tests.releases.test_history import save

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled(make_release, make_staff):
    """A release an English-speaking publisher scheduled for 14:30 Paris time tomorrow."""
    publisher = make_staff("Publisher")
    minute = timezone.localtime().replace(hour=14, minute=30, second=0, microsecond=0)
    release = make_release(
        status="approved",
        publish_at=minute + timezone.timedelta(days=1),
        title_fr="Prévu",
        original_only=True,
    )
    with translation.override("en"):
        workflow.release_transition(
            release=release, user=publisher, action="publish", comment="on time"
        )
    return release


def test_workflow_steps_are_stored_without_a_language(scheduled):
    (version,) = Version.objects.get_for_object(scheduled)
    (step,) = json.loads(version.revision.comment)
    assert step["workflow"]["action"] == "publish"
    assert step["workflow"]["comment"] == "on time"
    with translation.override("fr"):
        text = history.describe(version.revision.comment)
    assert text.startswith("Publier ou programmer (mise en ligne le ")
    assert "à 14:30, heure de Paris (13:30 UTC)): on time" in text
    with translation.override("en"):
        text = history.describe(version.revision.comment)
    assert text.startswith("Publish or schedule (goes public on ")
    assert "14:30 Paris time (13:30 UTC)): on time" in text


def test_admin_saves_are_stored_without_a_language(make_staff, make_release):
    release = make_release(status="draft", publish_at=None, title_fr="Premier titre")
    client = Client(headers={"accept-language": "en"})
    client.force_login(make_staff("Publisher"))
    save(client, release, title_fr="Deuxième titre")
    (version,) = Version.objects.get_for_object(release)
    assert json.loads(version.revision.comment)[0]["changed"]["fields"]
    with translation.override("fr"):
        assert history.describe(version.revision.comment).startswith("Modification de ")
    with translation.override("en"):
        assert history.describe(version.revision.comment).startswith("Changed ")


@pytest.mark.parametrize(
    ("stored", "french"),
    [
        ("Publish or schedule: go", "Publier ou programmer: go"),
        ("Soumettre à relecture", "Soumettre à relecture"),
        ("Submit for review", "Soumettre à relecture"),
        ("Something else", "Something else"),
        ("", ""),
    ],
)
def test_comments_stored_as_text_before(stored, french):
    with translation.override("fr"):
        assert history.describe(stored) == french


def test_history_page_in_french(scheduled, make_staff):
    client = Client(headers={"accept-language": "fr"})
    client.force_login(make_staff("Publisher"))
    page = client.get(reverse("admin:newsroom_pressrelease_history", args=[scheduled.pk]))
    assert "Publier ou programmer (mise en ligne le " in page.text
    assert "Publish or schedule" not in page.text and "style=" not in page.text
    home = client.get(reverse("admin:index"))
    assert "Publier ou programmer (mise en ligne le " in home.text


def test_fallback_compare_page_has_no_inline_style(scheduled, make_staff, rf):
    """reversion-compare's raw diff (when the normal one cannot apply) keeps the CSP too."""
    from django.contrib import admin

    from newsroom.models import PressRelease

    workflow.release_transition(
        release=scheduled, user=make_staff("Publisher"), action="withdraw", comment="non"
    )
    newer, older = Version.objects.get_for_object(scheduled)
    request = rf.get("/admin/")
    request.user = make_staff("Publisher")
    request.user.is_verified = lambda: False  # as OTPMiddleware sets it
    model_admin = admin.site._registry[PressRelease]
    with translation.override("fr"):
        response = model_admin.compare_raw(request, scheduled, older, newer, compare_error="x")
    html = response.content.decode().replace("<style data-tiptap-style></style>", "")
    assert "<style" not in html and "reversion-compare-raw.css" in html
    assert "Retirer: non" in html or "Retirer : non" in html
