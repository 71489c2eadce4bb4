"""Email alerts: double opt-in, preferences, unsubscribing, who gets which release, in which
language, exactly once (crashes, two workers), at the minute, and under embargo."""

import re
import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.test import Client
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from alerts import dispatch, links, tasks
from alerts.models import Delivery, Dispatch, Kind, State, Subscriber
from newsroom.models import PressRelease, Topic
from newsroom.workflow import release_transition
from partners.models import Institution

pytestmark = pytest.mark.django_db
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
LINK = re.compile(r"http://testserver(/\S+/)")


def run_worker():
    """What ``alerts_worker --batch`` does, inside the test's transaction: every ready task,
    claimed and run as django-tasks-db's worker runs it."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                return
            result.claim("test-worker")
        worker.run_task(result)


def subscriber(email, language="en", **choices):
    """An active (confirmed) subscriber."""
    institutions = choices.pop("institutions", [])
    topics = choices.pop("topics", [])
    now = timezone.now()
    found = Subscriber.objects.create(
        email=email, language=language, requested_at=now, confirmed_at=now, **choices
    )
    found.institutions.set(institutions)
    found.topics.set(topics)
    return found


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def links_in(message):
    return LINK.findall(message.body)


@pytest.fixture
def approved(make_release):
    """An approved release of Acme, in both languages."""

    def make(**fields):
        release = make_release(
            status=PressRelease.Status.APPROVED,
            publish_at=None,
            body_fr="<p>Texte</p>",
            body_en="<p>Text</p>",
            subtitle_fr="Le chapeau",
            subtitle_en="The lead",
            **fields,
        )
        return release

    return make


@pytest.fixture
def publisher(make_staff, institution):
    return make_staff("Publisher", institution)


def publish(release, user, **fields):
    PressRelease.objects.filter(pk=release.pk).update(**fields)
    return release_transition(release=release, user=user, action="publish")


# Signing up: double opt-in -------------------------------------------------------------


def signup(client, email="jo@example.org", language="en", **data):
    prefix = "/en/alerts/" if language == "en" else "/fr/alertes/"
    values = {"email": email, "language": language, "everything": "on", "consent": "on"} | data
    return client.post(prefix, values)


def test_double_opt_in(client, institution):
    Institution.objects.update(listing="public")  # offered: listed by staff
    page = client.get("/en/alerts/")
    assert page.status_code == 200
    assert '<label for="id_email">' in page.text and 'name="csrfmiddlewaretoken"' in page.text
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]

    response = signup(client, "Jo@Example.org", everything="", institutions=[institution.pk])
    assert response.status_code == 200 and "Check your inbox" in response.text
    assert not Subscriber.objects.exists()  # nothing stored before the owner confirms
    (message,) = mail.outbox
    assert message.to == ["jo@example.org"]
    assert message.alternatives  # text and HTML
    (confirm,) = links_in(message)

    shown = client.get(confirm)  # a mail scanner following the link subscribes no one
    assert shown.status_code == 200 and "Confirm my subscription" in shown.text
    assert not Subscriber.objects.exists()

    done = client.post(confirm)
    assert done.status_code == 200 and "Subscription confirmed" in done.text
    jo = Subscriber.objects.get()
    assert jo.email == "jo@example.org" and jo.is_active and jo.language == "en"
    assert list(jo.institutions.all()) == [institution] and not jo.everything
    assert jo.confirmed_at and jo.requested_at <= jo.confirmed_at
    assert "unsubscribe at any time" in jo.consent_text


def test_the_french_pages_and_mail(client):
    page = client.get("/fr/alertes/")
    assert page.status_code == 200 and "Communiqués par e-mail" in page.text
    signup(client, "lea@example.org", language="fr")
    (message,) = mail.outbox
    assert "Confirmez" in message.subject
    (confirm,) = links_in(message)
    assert confirm.startswith("/fr/alertes/confirmer/")
    assert "Inscription confirmée" in client.post(confirm).text


def test_bad_input_is_explained_on_the_form(client):
    response = signup(client, "not-an-address", everything="")
    assert response.status_code == 200
    html = response.text
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error"' in html and 'id="id_email_error"' in html
    assert "Choose at least one institution or topic" in html
    assert signup(client, consent="").status_code == 200
    assert not mail.outbox and not Subscriber.objects.exists()


def test_signing_up_again_reveals_nothing_and_changes_nothing(client, institution):
    subscribed = subscriber("jo@example.org", institutions=[institution])
    new = signup(client, "someone-else@example.org").text
    again = signup(client, "jo@example.org").text
    assert again.replace("jo@example.org", "X") == new.replace("someone-else@example.org", "X")
    manage = mail.outbox[1]
    assert manage.to == ["jo@example.org"] and "subscribed already" in manage.body
    assert "/en/alerts/preferences/" in manage.body and "/confirm/" not in manage.body
    subscribed.refresh_from_db()
    assert not subscribed.everything  # a stranger's sign-up changed nothing


def test_a_confirmation_link_works_once_and_expires(client):
    signup(client)
    signup(client)
    first, second = (links_in(message)[0] for message in mail.outbox)
    assert client.post(first).status_code == 200
    used = client.post(second)  # made before the confirmation: used up
    assert used.status_code == 200 and "used already" in used.text
    assert client.post(first).status_code == 200 and "used already" in client.post(first).text
    assert Subscriber.objects.count() == 1

    mail.outbox.clear()
    signup(client, "late@example.org")
    (late,) = links_in(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        expired = client.post(late)
    assert expired.status_code == 400 and "This link has expired" in expired.text
    assert not Subscriber.objects.filter(email="late@example.org").exists()


@pytest.mark.parametrize("name", ["confirm", "preferences", "unsubscribe"])
def test_forged_links_get_a_clear_page(client, name):
    jo = subscriber("jo@example.org")
    genuine = links.subscriber_token(jo)
    forged = [
        "nonsense",
        genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB"),
        # Signed by us, for something else.
        genuine if name == "confirm" else links.confirmation_token({"email": "x"}),
        links.confirmation_token({"email": "x@example.org"}),
    ]
    for token in forged:
        url = links.url(name, token, "en").removeprefix("http://testserver")
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 400, (token, method)
            assert "This link is not valid" in response.text
    jo.key = "revoked"  # links sent before are revoked
    jo.save()
    if name != "confirm":
        assert client.get(links.url(name, genuine, "en")).status_code == 400


def test_preferences_page(client, institution):
    Institution.objects.update(listing="public")  # offered: listed by staff
    other = Institution.objects.create(
        kind="company", name_fr="Beta", name_en="Beta", slug="b", listing="public"
    )
    jo = subscriber("jo@example.org", institutions=[institution])
    url = links.preferences_url(jo)
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert f'value="{institution.pk}"' in page.text and "checked" in page.text
    invalid = client.post(url, {"language": "fr"})
    assert "Choose at least one institution or topic" in invalid.text
    saved = client.post(url, {"language": "fr", "institutions": [other.pk], "embargoed": "on"})
    assert saved.status_code == 200 and "Your choices are saved." in saved.text
    jo.refresh_from_db()
    assert jo.language == "fr" and jo.embargoed and list(jo.institutions.all()) == [other]


def test_unsubscribing_page_one_click_and_twice(client):
    jo = subscriber("jo@example.org")
    url = links.unsubscribe_url(jo)
    page = client.get(url)  # a page with a button: following the link is not enough
    assert page.status_code == 200 and '<form method="post"' in page.text
    jo.refresh_from_db()
    assert jo.is_active

    # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click", with no CSRF token.
    strict = Client(enforce_csrf_checks=True)
    one_click = strict.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200 and "You are unsubscribed" in one_click.text
    jo.refresh_from_db()
    assert not jo.is_active and jo.unsubscribed_at
    moment = jo.unsubscribed_at
    again = client.post(url)
    assert again.status_code == 200 and "You are unsubscribed" in again.text
    jo.refresh_from_db()
    assert jo.unsubscribed_at == moment
    assert "You are unsubscribed" in client.get(links.preferences_url(jo)).text


def test_subscribing_again_after_unsubscribing(client):
    jo = subscriber("jo@example.org")
    client.post(links.unsubscribe_url(jo))
    signup(client, "jo@example.org", language="fr")
    (confirm,) = links_in(mail.outbox[0])
    assert "/fr/alertes/confirmer/" in confirm
    client.post(confirm)
    jo.refresh_from_db()
    assert jo.is_active and jo.language == "fr"


# Who gets which release ------------------------------------------------------------------


def test_matching_by_institution_topic_everything_and_language(make_release, institution):
    Institution.objects.update(listing="public")  # offered: listed by staff
    other = Institution.objects.create(
        kind="company", name_fr="Beta", name_en="Beta", slug="b", listing="public"
    )
    topic = Topic.objects.create(name_fr="Oncologie", name_en="Oncology")
    unrelated = Topic.objects.create(name_fr="Vaccins", name_en="Vaccines")
    subscriber("all@example.org", everything=True)
    subscriber("acme@example.org", institutions=[institution])
    subscriber("beta@example.org", institutions=[other])
    subscriber("topic@example.org", topics=[topic])
    subscriber("vaccines@example.org", topics=[unrelated])
    subscriber("fr-only-reader@example.org", language="fr", everything=True)
    subscriber("en-any@example.org", everything=True, other_languages=True)
    gone = subscriber("gone@example.org", everything=True)
    gone.unsubscribed_at = timezone.now()
    gone.save()
    Subscriber.objects.create(
        email="unconfirmed@example.org", language="en", everything=True, requested_at=timezone.now()
    )

    both = make_release(body_fr="<p>x</p>", body_en="<p>x</p>")
    both.topics.add(topic)
    french_only = make_release(title_en="", body_fr="<p>x</p>", original_only=True)

    def matched(release):
        return sorted(
            Subscriber.objects.for_release(release, Kind.PUBLIC).values_list("email", flat=True)
        )

    assert matched(both) == [
        "acme@example.org",
        "all@example.org",
        "en-any@example.org",
        "fr-only-reader@example.org",
        "topic@example.org",
    ]
    # Not written in English: English readers only if they accept the other language.
    assert matched(french_only) == ["en-any@example.org", "fr-only-reader@example.org"]


def test_each_subscriber_gets_the_alert_in_their_language(make_release, publisher, approved):
    from partners.models import MediaContact

    subscriber("lea@example.org", language="fr", everything=True)
    subscriber("jo@example.org", language="en", everything=True)
    release = approved()
    contact = MediaContact.objects.create(
        institution=release.issuers.get(),
        name="Claire Presse",
        email="presse@acme.example",
        is_public=True,
    )
    release.contacts.add(contact)
    publish(release, publisher)
    run_worker()
    french, english = sorted(mail.outbox, key=lambda message: message.to[0] != "lea@example.org")
    assert french.subject == release.title_fr and english.subject == release.title_en
    assert "Le chapeau" in french.body and "Lire le communiqué" in french.body
    assert f"http://testserver/fr/communiques/{release.slug_fr}/" in french.body
    assert "The lead" in english.body and "Read the release" in english.body
    assert f"http://testserver/en/press-releases/{release.slug_en}/" in english.body
    for message in (french, english):
        assert "Claire Presse" in message.body and "presse@acme.example" in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and "Claire Presse" in html
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert unsubscribe.startswith("<http://testserver/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe.strip("<>") in message.body  # and it is this subscriber's own link
    assert french.extra_headers["List-Unsubscribe"] != english.extra_headers["List-Unsubscribe"]


# Exactly once ------------------------------------------------------------------------------


class WorkerKilled(BaseException):
    """The process dies (kill -9 cannot be caught: nothing of ours runs after it)."""


class DyingBackend(LocmemBackend):
    """Hands ``survive`` messages to the mail server, then the worker dies: right after the
    server took the last one, before the worker could record it."""

    survive = 0

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        DyingBackend.survive -= len(messages)
        if DyingBackend.survive <= 0:
            raise WorkerKilled
        return sent


def many(count, **choices):
    return [
        subscriber(f"reader{n:03}@example.org", everything=True, **choices) for n in range(count)
    ]


def test_a_worker_killed_mid_batch_then_restarted_sends_each_alert_once(make_release, settings):
    readers = many(10)
    release = make_release()
    dispatch.dispatch(release.pk)
    settings.MAILERS = {"default": {"BACKEND": "tests.alerts.test_alerts.DyingBackend"}}
    DyingBackend.survive = 4
    with pytest.raises(WorkerKilled):
        dispatch.send_pending()
    states = Delivery.objects.values_list("state", flat=True)
    assert sorted(states) == ["pending"] * 6 + ["sending"] + ["sent"] * 3
    assert len(mail.outbox) == 4

    settings.MAILERS = {"default": {"BACKEND": LOCMEM}}
    assert dispatch.send_pending() == 6  # restarted: the rest, and not the one in doubt
    assert recipients() == sorted(reader.email for reader in readers)  # each exactly once
    assert dispatch.send_pending() == 0 and dispatch.sweep() == 0
    assert len(mail.outbox) == 10


def test_a_row_claimed_when_the_worker_died_is_never_sent_again(make_release):
    """At most once per row: a crash between the claim and the mail server leaves a row
    'sending'; nothing knows whether it went, so it is not sent blindly (staff see it)."""
    many(1)
    release = make_release()
    dispatch.dispatch(release.pk)
    Delivery.objects.update(state=State.SENDING, claimed_at=timezone.now())
    assert dispatch.send_pending() == 0 and dispatch.sweep() == 0
    assert not mail.outbox


class RefusingBackend(LocmemBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPDataError(451, "Try again later")


def test_a_message_the_server_refused_is_tried_again(make_release, settings):
    many(2)
    dispatch.dispatch(make_release().pk)
    settings.MAILERS = {"default": {"BACKEND": "tests.alerts.test_alerts.RefusingBackend"}}
    assert dispatch.send_pending() == 0
    refused = Delivery.objects.get(attempts=1)
    assert refused.state == State.PENDING and "Try again later" in refused.error
    settings.MAILERS = {"default": {"BACKEND": LOCMEM}}
    assert dispatch.send_pending() == 2 and len(mail.outbox) == 2


def test_handing_out_twice_creates_nothing_twice(make_release):
    many(3)
    release = make_release()
    assert dispatch.dispatch(release.pk) == 3
    subscriber("late@example.org", everything=True)  # joined after: yesterday's news stays
    assert dispatch.dispatch(release.pk) == 0
    assert dispatch.sweep() == 3 and dispatch.sweep() == 0
    assert Delivery.objects.count() == 3 and len(mail.outbox) == 3


def test_two_workers_one_after_the_other_send_each_alert_once(make_release):
    readers = many(60)
    dispatch.dispatch(make_release().pk)
    counts = [dispatch.send_pending(limit=25), dispatch.send_pending()]
    assert counts == [25, 35]
    assert recipients() == sorted(reader.email for reader in readers)


# At the minute -----------------------------------------------------------------------------


def test_published_now_is_sent_by_the_worker(publisher, approved):
    many(2)
    publish(approved(), publisher)
    assert not mail.outbox
    run_worker()
    assert len(mail.outbox) == 2
    run_worker()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("moved", [None, timedelta(hours=2), timedelta(minutes=30)])
def test_scheduled_release_goes_at_its_minute_never_early(publisher, approved, moved):
    many(2)
    start = timezone.now().replace(microsecond=0)
    with time_machine.travel(start, tick=False):
        release = publish(approved(), publisher, publish_at=start + timedelta(hours=1))
        if moved:  # the time is edited after scheduling
            release.publish_at = start + moved
            release.save()
        run_worker()
    due = start + (moved or timedelta(hours=1))
    for moment in sorted(
        {start + timedelta(minutes=29), due - timedelta(seconds=1), start + timedelta(minutes=59)}
    ):
        if moment < due:
            with time_machine.travel(moment, tick=False):
                run_worker()
            assert not mail.outbox, moment
    with time_machine.travel(due, tick=False):
        run_worker()
    assert len(mail.outbox) == 2
    with time_machine.travel(due + timedelta(hours=3), tick=False):
        run_worker()
        dispatch.sweep()
    assert len(mail.outbox) == 2


def test_the_sweep_catches_a_release_no_task_announced(make_release):
    many(1)
    release = make_release(publish_at=timezone.now() + timedelta(hours=1))
    DBTaskResult.objects.all().delete()  # the task lost
    PressRelease.objects.filter(pk=release.pk).update(publish_at=timezone.now())
    assert dispatch.sweep() == 1


def waiting_sends():
    return DBTaskResult.objects.filter(task_path=tasks.send_alerts.module_path, status="READY")


def test_a_release_task_enqueues_send_tasks_to_share(make_release, monkeypatch):
    monkeypatch.setattr(tasks, "SEND_TASK_SIZE", 2)
    many(5)
    release = make_release()
    DBTaskResult.objects.all().delete()
    assert tasks.dispatch_release.call(release.pk) == 5
    assert waiting_sends().count() == 3  # ceil(5 / 2)
    assert tasks.dispatch_release.call(release.pk) == 0 and waiting_sends().count() == 3


def test_the_sweep_task_enqueues_sends_for_what_lost_tasks_left(make_release, monkeypatch):
    monkeypatch.setattr(tasks, "SEND_TASK_SIZE", 2)
    many(3)
    later = timezone.now() + timedelta(hours=1)
    releases = [make_release(publish_at=later), make_release(publish_at=later)]
    DBTaskResult.objects.all().delete()  # the tasks lost
    PressRelease.objects.filter(pk__in=[r.pk for r in releases]).update(publish_at=timezone.now())
    assert tasks.sweep.call() == 6  # sent by the sweep itself…
    assert waiting_sends().count() == 4  # …and send tasks offered to others, 2 per release


def test_old_and_withdrawn_releases_are_not_mailed(make_release, publisher):
    many(1)
    make_release(publish_at=timezone.now() - timedelta(days=2))  # the archive
    run_worker()
    assert dispatch.sweep() == 0
    release = make_release()
    dispatch.dispatch(release.pk)
    release_transition(release=release, user=publisher, action="withdraw")
    assert dispatch.sweep() == 0 and not mail.outbox
    assert Delivery.objects.get().state == State.SKIPPED


def test_the_worker_command(make_release, monkeypatch):
    # The worker recycles its connection between tasks; inside the test's transaction that
    # would close it.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    many(2)
    make_release()
    call_command(
        "alerts_worker",
        "--batch",
        "--no-startup-delay",
        "--interval",
        "0",
        "--no-reload",
        verbosity=0,
    )
    assert len(mail.outbox) == 2
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # the next sweep


# Under embargo -----------------------------------------------------------------------------


def test_embargoed_alerts_only_to_accredited_journalists_who_opted_in(
    make_journalist, publisher, approved
):
    make_journalist(email="accredited@example.org")
    make_journalist(email="not-opted-in@example.org")
    make_journalist(status="pending", email="pending@example.org")
    subscriber("accredited@example.org", language="fr", everything=True, embargoed=True)
    subscriber("not-opted-in@example.org", everything=True)
    subscriber("pending@example.org", everything=True, embargoed=True)
    subscriber("reader@example.org", everything=True, embargoed=True)  # not a journalist
    start = timezone.now().replace(microsecond=0)
    lift = start + timedelta(hours=2)
    with time_machine.travel(start, tick=False):
        release = publish(approved(), publisher, embargo_until=lift)
        run_worker()
    (embargoed,) = mail.outbox
    assert embargoed.to == ["accredited@example.org"]
    paris = timezone.localtime(lift)
    assert embargoed.subject.startswith("SOUS EMBARGO jusqu’au")
    assert f"{paris:%H:%M}" in embargoed.subject and "heure de Paris" in embargoed.subject
    assert "SOUS EMBARGO jusqu’au" in embargoed.body and release.title_fr in embargoed.subject
    assert "SOUS EMBARGO" in embargoed.alternatives[0][0]

    with time_machine.travel(lift, tick=False):
        run_worker()
    public = mail.outbox[1:]
    assert sorted(message.to[0] for message in public) == [
        "not-opted-in@example.org",
        "pending@example.org",
        "reader@example.org",
    ]
    assert not any("EMBARGO" in message.subject for message in public)
    # Handed out at the lift: the three others, not the journalist who had it under embargo.
    assert Dispatch.objects.get(release=release, kind=Kind.PUBLIC).recipients == 3


def test_an_embargoed_alert_not_sent_before_the_lift_becomes_the_public_one(
    make_journalist, make_release
):
    make_journalist(email="accredited@example.org")
    subscriber("accredited@example.org", everything=True, embargoed=True)
    start = timezone.now()
    release = make_release(publish_at=start, embargo_until=start + timedelta(hours=1))
    dispatch.dispatch(release.pk)
    with time_machine.travel(start + timedelta(hours=1, minutes=1)):
        assert dispatch.sweep() == 1
    (message,) = mail.outbox
    assert "EMBARGO" not in message.subject
    assert Delivery.objects.get().kind == Kind.PUBLIC


# The site ----------------------------------------------------------------------------------


def test_alert_links_on_the_site_and_no_page_cached(client, make_release, institution):
    release = make_release()
    for url in ("/en/", f"/en/institutions/{institution.slug}/", release.get_absolute_url("en")):
        assert "/en/alerts/" in client.get(url).text
    page = client.get(f"/en/alerts/?institution={institution.slug}")
    assert f'value="{institution.pk}" id="id_institutions_0" checked' in page.text
    from newsroom import page_cache

    page_cache.cache().clear()  # the pages above were kept: this one must not be
    response = client.get("/en/alerts/")
    assert not getattr(response, "page_cacheable", False)
    assert "no-cache" in response["Cache-Control"]
    assert not [key for key in page_cache.cache()._cache if ":page:" in key]
    assert not page_cache.is_cached_page("/en/alerts/", "en", None)


def test_staff_export_subscribers_as_csv(staff_client, institution):
    subscriber("jo@example.org", institutions=[institution])
    subscriber("lea@example.org", language="fr", everything=True)
    response = staff_client.post(
        "/admin/alerts/subscriber/",
        {
            "action": "export_csv",
            "_selected_action": list(Subscriber.objects.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("email,language,everything,institutions,topics")
    assert lines[1].startswith("jo@example.org,en,False,Acme")
    assert lines[2].startswith("lea@example.org,fr,True")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (
            {"EMAIL_URL": "smtp://u%40x:p%3Aw@mail.example.org:587?tls=1"},
            {
                "host": "mail.example.org",
                "port": 587,
                "username": "u@x",
                "password": "p:w",
                "use_tls": True,
                "use_ssl": False,
            },
        ),
        (
            {"EMAIL_URL": "smtps://mail.example.org"},
            {"port": 465, "use_ssl": True, "use_tls": False},
        ),
        (
            {"EMAIL_HOST": "relay.example.org", "EMAIL_PORT": "2525", "EMAIL_USE_TLS": "1"},
            {"host": "relay.example.org", "port": 2525, "use_tls": True},
        ),
        ({}, {"host": "localhost", "port": 25}),  # production: the local mail server
    ],
)
def test_smtp_settings_from_the_environment(environ, expected):
    from config.env import SMTP, email_settings

    mailer = email_settings(environ, console_by_default=False)
    assert mailer["BACKEND"] == SMTP and mailer["OPTIONS"].items() >= expected.items()


def test_console_in_development_or_when_asked():
    from config.env import CONSOLE, email_settings

    console = {"BACKEND": CONSOLE}
    assert email_settings({"EMAIL_URL": "console://"}, console_by_default=False) == console
    assert email_settings({}, console_by_default=True) == console


@pytest.mark.django_db
def test_links_sent_before_the_app_moved_still_work():
    """Tokens are signed with the salt of the app's first home (newsroom.alerts): links already
    in inboxes keep working whatever the package is called now."""
    from django.core import signing

    jo = subscriber("jo@example.org")
    sent = signing.dumps([jo.pk, jo.key], salt="newsroom.alerts.subscriber")
    assert links.read_subscriber(sent) == jo
    choices = dict.fromkeys(links.CHOICES, "") | {"email": "new@example.org"}
    sent = signing.dumps(choices, salt="newsroom.alerts.confirm", compress=True)
    assert links.read_confirmation(sent)["email"] == "new@example.org"


def test_tasks_queued_before_the_app_moved_are_pointed_at_it():
    """Rows queued under newsroom.alerts.tasks (the app's first home) run after the move."""
    import importlib

    from django.apps import apps

    moved = importlib.import_module("alerts.migrations.0003_tasks_moved")
    DBTaskResult.objects.all().delete()
    tasks.sweep.enqueue()
    tasks.send_alerts.enqueue()
    DBTaskResult.objects.update(task_path=Concat(Value("newsroom."), F("task_path")))
    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == {
        "newsroom.alerts.tasks.sweep",
        "newsroom.alerts.tasks.send_alerts",
    }
    moved.point_at_new_module(apps, None)
    assert {result.task for result in DBTaskResult.objects.all()} == {
        tasks.sweep,
        tasks.send_alerts,
    }
