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


def test_home_is_the_dashboard_first(client, make_staff, make_release, institution):
    """Buttons, then my drafts, awaiting review, scheduled with the time left, recently
    published; the list of sections after them."""
    editor = make_staff("Editor", institution)
    now = timezone.now()
    make_release(status="draft", publish_at=None, title_en="My draft", created_by=editor)
    returned = make_release(status="draft", publish_at=None, title_en="Sent back")
    make_release(publish_at=now + timezone.timedelta(hours=3, minutes=20), title_en="Later")
    make_release(publish_at=now - timezone.timedelta(days=1), title_en="Out yesterday")
    publisher = make_staff("Publisher")
    workflow.release_transition(release=returned, user=editor, action="submit")
    workflow.release_transition(release=returned, user=publisher, action="return_to_draft")
    client.force_login(editor)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    order = [
        'href="/admin/newsroom/pressrelease/add/"',
        'href="/admin/newsroom/pressrelease/import/"',
        'id="my-drafts"',
        'id="awaiting-review"',
        'id="timeline"',
        'id="recently-published"',
        'id="content-main"',  # the sections
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)

    def section(name):
        return html[html.index(f'id="{name}"') :].split("</section>")[0]

    assert "My draft<" in section("my-drafts") and "Sent back" in section("my-drafts")
    assert "Sent back" in section("awaiting-review") and "My draft<" not in section(
        "awaiting-review"
    )
    assert 'Later</a>: goes public <strong class="time-left">in 3 h 20 min' in section("timeline")
    assert "Out yesterday" in section("recently-published")
    assert "Later" not in section("recently-published")
    assert ">New release<" in html and ">Import a release<" in html


def test_the_dashboard_in_french(client, make_staff, make_release, institution):
    make_release(publish_at=timezone.now() + timezone.timedelta(days=2, hours=4, minutes=1))
    client.force_login(make_staff("Editor", institution))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").text
    for text in (
        "Nouveau communiqué",
        "Importer un communiqué",
        "Mes brouillons",
        "En attente de ma relecture",
        "Programmés et sous embargo",
        'publication <strong class="time-left">dans 2 j 4 h</strong>',
        "Publiés récemment",
    ):
        assert text in html


@pytest.mark.parametrize(
    ("minutes", "english", "french"),
    [
        (0.2, "in less than a minute", "dans moins d’une minute"),
        (45, "in 45 min", "dans 45 min"),
        (200, "in 3 h 20 min", "dans 3 h 20 min"),
        (60 * 24 * 3 + 61, "in 3 d 1 h", "dans 3 j 1 h"),
    ],
)
def test_time_left(minutes, english, french):
    from django.utils import translation

    from newsroom.templatetags.dashboard import time_left

    now = timezone.now()
    moment = now + timezone.timedelta(minutes=minutes)
    for language, text in (("en", english), ("fr", french)):
        with translation.override(language):
            assert time_left(moment, now) == text


def test_administration_section_for_administrators_only(
    client, make_staff, institution, django_user_model
):
    technical = [
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/axes/accesslog/",
        "/admin/otp_totp/totpdevice/",
        "/admin/django_tasks_database/dbtaskresult/",
    ]
    for user in (make_staff("Editor", institution), make_staff("Publisher")):
        client.force_login(user)
        html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
        assert "Administration" not in html
        assert not any(url in html for url in technical)
        assert client.get("/admin/administration/").status_code == 403
    for user in (
        django_user_model.objects.create_superuser("root", "root@example.org", "pw-Str0ng!-x"),
        make_staff("Administrator"),
    ):
        client.force_login(user)
        html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
        sections = html[html.index('id="content-main"') :]
        # Editorial sections first, the technical ones all under "Administration", last.
        releases = sections.index("/admin/newsroom/pressrelease/")
        partners = sections.index("/admin/partners/institution/")
        administration = sections.index(">Administration<")
        assert releases < partners < administration
        if user.is_superuser:
            assert all(administration < sections.index(url) for url in technical)
        else:
            assert administration < sections.index("/admin/auth/user/")
        assert "app-axes" not in sections and "app-auth " not in sections
        page = client.get("/admin/administration/", HTTP_ACCEPT_LANGUAGE="en")
        assert page.status_code == 200 and "/admin/auth/user/" in page.text
        assert "My drafts" not in page.text  # an application's page is not the dashboard


@pytest.mark.parametrize("role", ["Editor", "Publisher"])
def test_dashboard_queries_do_not_grow(
    client, make_staff, make_release, institution, django_assert_num_queries, role
):
    """Guards against N+1: the home page costs the same with 1 or 20 of each kind."""
    user = make_staff(role, institution)
    client.force_login(user)

    def make_batch(count):
        now = timezone.now()
        for _ in range(count):
            make_release(status="draft", publish_at=None, created_by=user)
            make_release(status="in_review", publish_at=None)
            make_release(publish_at=now + timezone.timedelta(hours=2))
            make_release(publish_at=now - timezone.timedelta(hours=2))

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/").status_code == 200
        return len(queries)

    make_batch(1)
    client.get("/admin/")  # content types and the like cached
    few = count_queries()
    make_batch(19)
    with django_assert_num_queries(few):
        assert client.get("/admin/").status_code == 200


def test_favicon(client, staff_client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.ico"
    html = staff_client.get("/admin/").text
    assert 'rel="icon" href="/static/favicon.svg"' in html
    assert 'rel="icon" href="/static/favicon.ico"' in html


def test_administration_in_french(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("root", "root@example.org", "pw-Str0ng!-x")
    )
    html = client.get("/admin/administration/", HTTP_ACCEPT_LANGUAGE="fr").text
    for text in ("Utilisateurs", "Connexions", "Appareils de double authentification"):
        assert text in html
    assert "Résultats de tâches" in html
    assert "TOTP devices" not in html and "Task Results" not in html


def test_awaiting_my_review_by_role(client, make_staff, make_release, institution):
    """In review for approvers; approved ones too for those who publish them."""
    make_release(status="in_review", publish_at=None, title_en="To approve")
    make_release(status="approved", publish_at=None, title_en="To publish")
    client.force_login(make_staff("Publisher"))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    waiting = html[html.index('id="awaiting-review"') :].split("</section>")[0]
    assert "To approve" in waiting and "To publish" in waiting
    client.force_login(make_staff("Editor", institution))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    waiting = html[html.index('id="awaiting-review"') :].split("</section>")[0]
    assert "To approve" not in waiting and "Nothing is waiting for you." in waiting
