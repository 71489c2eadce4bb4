"""The staff dashboard: my reviews, the timeline of minutes, colleagues' changes, accreditations."""

import pytest
from django.utils import timezone

from newsroom import workflow

pytestmark = pytest.mark.django_db


def test_dashboard_panels(client, make_staff, make_release, make_journalist, institution):
    editor = make_staff("Editor", institution)
    publisher = make_staff("Publisher")
    draft = make_release(status="draft", publish_at=None, title_fr="À relire", title_en="To review")
    workflow.release_transition(release=draft, user=editor, action="submit")
    soon = timezone.now() + timezone.timedelta(hours=3)
    make_release(publish_at=soon, title_fr="Programmé", title_en="Scheduled one")
    make_release(
        publish_at=timezone.now() - timezone.timedelta(hours=1),
        embargo_until=timezone.now() + timezone.timedelta(hours=5),
        title_fr="Sous embargo",
        title_en="Embargoed one",
    )
    make_journalist(status="pending")
    client.force_login(publisher)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    review = html.index("Awaiting my review")
    timeline = html.index("Scheduled and embargoed")
    changes = html.index("Recent changes by colleagues")
    accreditations = html.index("Pending journalist accreditations")
    assert review < html.index("To review") < timeline
    assert timeline < html.index("Scheduled one") < html.index("Embargoed one") < changes
    assert "goes public" in html and "embargo lifts" in html
    assert changes < html.index(editor.username) < accreditations
    assert "Jo Reporter" in html[accreditations:]


def test_editors_see_only_their_scope(client, make_staff, make_release, demo_release):
    from partners.models import Institution

    sanofi = Institution.objects.get(slug="sanofi")
    make_release(
        publish_at=timezone.now() + timezone.timedelta(hours=3),
        title_fr="Acme programmé",
        title_en="Acme scheduled",
    )
    client.force_login(make_staff("Editor", sanofi))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "Acme scheduled" not in html
    assert "Pending journalist accreditations" not in html
