"""The embargo clock: every embargo or scheduled time in Paris time and UTC in one format, in
one partial (a UTC ``<time datetime>`` the script reads), with a countdown, and an .ics of
the lift only for those who may read the release before its time."""

import datetime
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from core.languages import LANGUAGE_CODES
from newsroom import clock
from newsroom.models import PreviewLink
from tests.helpers import HIDDEN_STATES

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
PARIS = ZoneInfo("Europe/Paris")
WINTER = datetime.datetime(2026, 12, 3, 13, 0, tzinfo=UTC)  # Paris is UTC+1
SUMMER = datetime.datetime(2026, 7, 14, 12, 0, tzinfo=UTC)  # Paris is UTC+2


@pytest.mark.parametrize(
    ("language", "moment", "expected"),
    [
        ("en", WINTER, "3 December 2026, 14:00 Paris time (13:00 UTC)"),
        ("fr", WINTER, "3 décembre 2026 à 14:00, heure de Paris (13:00 UTC)"),
        ("en", SUMMER, "14 July 2026, 14:00 Paris time (12:00 UTC)"),
        ("fr", SUMMER, "14 juillet 2026 à 14:00, heure de Paris (12:00 UTC)"),
        # Half past midnight in Paris is still the day before in UTC: the UTC date is said.
        (
            "en",
            datetime.datetime(2026, 12, 2, 23, 30, tzinfo=UTC),
            "3 December 2026, 00:30 Paris time (23:30 UTC on 2 December)",
        ),
        (
            "fr",
            datetime.datetime(2026, 12, 2, 23, 30, tzinfo=UTC),
            "3 décembre 2026 à 00:30, heure de Paris (23:30 UTC le 2 décembre)",
        ),
    ],
)
def test_one_format_in_paris_time_and_utc(language, moment, expected):
    with translation.override(language):
        assert clock.paris_and_utc(moment) == expected
        # Whatever zone the moment comes in.
        assert clock.paris_and_utc(moment.astimezone(ZoneInfo("America/New_York"))) == expected


@pytest.mark.parametrize(
    ("language", "left", "lift", "expected"),
    [
        ("en", datetime.timedelta(hours=3, minutes=12), True, "lifts in 3 h 12 min"),
        ("fr", datetime.timedelta(hours=3, minutes=12), True, "levée dans 3 h 12 min"),
        ("en", datetime.timedelta(days=2, hours=4), False, "goes public in 2 d 4 h"),
        ("fr", datetime.timedelta(days=2, hours=4), False, "mise en ligne dans 2 j 4 h"),
        ("en", datetime.timedelta(days=9), True, ""),  # far off: the date says it
        ("en", datetime.timedelta(minutes=-5), True, ""),  # past
    ],
)
def test_countdown(language, left, lift, expected):
    now = WINTER
    with translation.override(language):
        assert clock.Clock(moment=now + left, lift=lift, now=now).countdown == expected


@pytest.fixture
def embargoed(make_release):
    return make_release(
        title_en="Trial results",
        title_fr="Résultats de l’essai",
        publish_at=WINTER - datetime.timedelta(days=1),
        embargo_until=WINTER,
    )


@pytest.fixture
def journalist_client(client, make_journalist):
    client.force_login(make_journalist())
    return client


def ics_url(release, language):
    with translation.override(language):
        return reverse("newsroom:embargo_ics", kwargs={"slug": release.slug_for(language)})


def test_the_ics_address_is_in_the_page_language(embargoed):
    assert ics_url(embargoed, "fr").startswith("/fr/communiques/")
    assert ics_url(embargoed, "en").startswith("/en/press-releases/")


@time_machine.travel(WINTER - datetime.timedelta(hours=3, minutes=12), tick=False)
def test_release_page_gives_the_clock_in_a_utc_time_element(journalist_client, embargoed):
    html = journalist_client.get(embargoed.get_absolute_url("fr")).text
    assert (
        '<time datetime="2026-12-03T13:00:00Z" data-clock data-your-time="votre heure">'
        "3 décembre 2026 à 14:00, heure de Paris (13:00 UTC)</time>"
    ) in html
    assert "SOUS EMBARGO jusqu’au" in html
    assert '<span class="clock-countdown">(levée dans 3 h 12 min)</span>' in html
    assert f'<a class="clock-ics" href="{ics_url(embargoed, "fr")}" download>' in html
    assert "Ajouter à mon agenda (.ics)" in html
    html = journalist_client.get(embargoed.get_absolute_url("en")).text
    assert "3 December 2026, 14:00 Paris time (13:00 UTC)</time>" in html
    assert 'src="/static/newsroom/clock.js" defer' in html


@time_machine.travel(WINTER - datetime.timedelta(days=2), tick=False)
def test_staff_see_a_scheduled_release_s_time_and_cards_carry_the_clock(staff_client, make_release):
    scheduled = make_release(publish_at=SUMMER.replace(year=2027))
    html = staff_client.get(scheduled.get_absolute_url("en")).text
    assert "Scheduled: goes public on" in html
    assert '<time datetime="2027-07-14T12:00:00Z" data-clock' in html
    # The list's card of a release under embargo says when it lifts.
    make_release(publish_at=WINTER - datetime.timedelta(days=3), embargo_until=WINTER)
    html = staff_client.get(reverse("newsroom:release_list")).text
    assert '<time datetime="2026-12-03T13:00:00Z" data-clock' in html
    assert "goes public in 2 d 0 h" not in html and "lifts in 2 d 0 h" in html


@time_machine.travel(WINTER - datetime.timedelta(hours=2), tick=False)
@pytest.mark.parametrize(
    ("language", "summary"),
    [("en", "Embargo lifts: Trial results"), ("fr", "Levée d’embargo : Résultats de l’essai")],
)
def test_ics_of_the_lift(journalist_client, embargoed, language, summary):
    response = journalist_client.get(ics_url(embargoed, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("dtstart") == WINTER
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(0)  # written in UTC
    assert str(event["summary"]) == summary
    page = f"http://testserver{embargoed.get_absolute_url(language)}"
    assert str(event["url"]) == page
    assert page in str(event["description"])
    assert str(event["uid"]) == f"release-{embargoed.pk}-public@newsroom"
    assert event.decoded("dtstamp") == timezone.now()
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == -datetime.timedelta(hours=1)
    # The same UID from either language and later downloads: one event in the calendar.
    other = journalist_client.get(ics_url(embargoed, "fr" if language == "en" else "en"))
    (again,) = Calendar.from_ical(other.content).walk("VEVENT")
    assert again["uid"] == event["uid"]


@time_machine.travel(WINTER - datetime.timedelta(days=1, hours=1), tick=False)
def test_ics_of_a_scheduled_publication_for_staff(staff_client, make_release):
    scheduled = make_release(title_en="Next week", publish_at=WINTER)
    (event,) = Calendar.from_ical(staff_client.get(ics_url(scheduled, "en")).content).walk("VEVENT")
    assert str(event["summary"]) == "Goes public: Next week"
    assert event.decoded("dtstart") == WINTER


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_ics_never_shown_to_anonymous_or_ordinary_readers(
    client, make_release, make_journalist, state
):
    # A time ahead in every state, so there is a lift to leak.
    fields = {"embargo_until": timezone.now() + datetime.timedelta(hours=2)} | state
    if "publish_at" in state:
        fields["embargo_until"] = None
    release = make_release(title_en="Secret merger", **fields)
    pending = Client()
    pending.force_login(make_journalist(status="pending", email="pending@example.org"))
    for reader in (client, pending):
        for language in LANGUAGE_CODES:
            response = reader.get(ics_url(release, language))
            assert response.status_code == 404, (state, language)
            assert b"Secret merger" not in response.content
            assert b"VEVENT" not in response.content


def test_ics_for_staff_in_every_hidden_state_with_a_time(staff_client, make_release):
    for state in HIDDEN_STATES:
        release = make_release(
            **{"embargo_until": timezone.now() + datetime.timedelta(hours=2)} | state
        )
        assert staff_client.get(ics_url(release, "en")).status_code == 200, state


def test_ics_is_gone_once_the_embargo_lifts(make_release, make_journalist):
    """Decided: once public there is nothing ahead to add to a calendar, for anyone (and an
    .ics anyone may fetch would have been one that leaked before)."""
    with time_machine.travel(WINTER - datetime.timedelta(minutes=1), tick=False) as traveller:
        release = make_release(publish_at=WINTER - datetime.timedelta(days=1), embargo_until=WINTER)
        journalist, anonymous = Client(), Client()
        journalist.force_login(make_journalist())
        assert journalist.get(ics_url(release, "en")).status_code == 200
        traveller.move_to(WINTER + datetime.timedelta(minutes=1))
        assert journalist.get(ics_url(release, "en")).status_code == 404
        assert anonymous.get(ics_url(release, "en")).status_code == 404
        assert anonymous.get(release.get_absolute_url("en")).status_code == 200


def test_ics_of_a_preview_link(staff_client, make_release):
    draft = make_release(
        status="draft", title_fr="Projet", embargo_until=timezone.now() + datetime.timedelta(1)
    )
    staff_client.post(
        reverse("admin:newsroom_pressrelease_review_link", args=[draft.pk]), {"days": "3"}
    )
    link = PreviewLink.objects.get(release=draft)
    reviewer = Client()
    page = reviewer.get(link.get_absolute_url()).text
    url = reverse("newsroom:preview_ics", kwargs={"token": link.signed_token})
    assert f'href="{url}"' in page
    assert "newsroom/clock.js" in page  # the reviewer's page has the script
    response = reviewer.get(url)
    assert response.status_code == 200 and "Projet" in response.content.decode()
    forged = reverse("newsroom:preview_ics", kwargs={"token": link.token.hex})
    assert reviewer.get(forged).status_code == 404
    link.delete()
    assert reviewer.get(url).status_code == 404


@time_machine.travel(WINTER - datetime.timedelta(hours=2), tick=False)
def test_media_kit_readme_gives_the_embargo(journalist_client, embargoed):
    with translation.override("fr"):
        url = reverse("newsroom:media_kit", kwargs={"slug": embargoed.slug_fr})
    archive = zipfile.ZipFile(io.BytesIO(journalist_client.get(url).getvalue()))
    readme = archive.read("LISEZMOI.txt").decode()
    assert (
        "SOUS EMBARGO jusqu’au 3 décembre 2026 à 14:00, heure de Paris (13:00 UTC) : "
        "ne pas publier avant."
    ) in readme


@time_machine.travel(WINTER - datetime.timedelta(hours=3, minutes=20), tick=False)
def test_dashboard_timeline_uses_the_clock(staff_client, make_release):
    make_release(title_en="Later", publish_at=WINTER)
    html = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    assert '<strong class="time-left">in 3 h 20 min</strong>' in html
    assert '<time datetime="2026-12-03T13:00:00Z" data-clock' in html
    assert "3 December 2026, 14:00 Paris time (13:00 UTC)" in html
    assert "(goes public in" not in html  # the countdown is said once
    assert "newsroom/clock.js" in html


def test_the_public_s_pages_load_no_script(client, make_release):
    """The clock's script is for those who may see a time ahead; anonymous pages stay
    script-free (and cached alike for everyone)."""
    release = make_release()
    assert "clock.js" not in client.get(release.get_absolute_url("fr")).text
    assert "clock.js" not in client.get(reverse("newsroom:release_list")).text
