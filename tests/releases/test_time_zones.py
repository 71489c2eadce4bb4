"""Publish and embargo times: entered and shown in Europe/Paris, stored in UTC, right across the
daylight-saving changes (last Sundays of March and October)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from tests.helpers import admin_change, form_data

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def editing(client, make_staff, make_release):
    client.force_login(make_staff("Publisher"))
    release = make_release(status="draft", publish_at=None)
    return client, release


def post_time(client, release, date, time):
    url = admin_change(release)
    data = form_data(client, url, publish_at_0=date, publish_at_1=time)
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.parametrize(
    ("date", "time", "utc"),
    [
        ("2026-03-28", "09:00", datetime.datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),  # winter
        ("2026-03-29", "09:00", datetime.datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),  # summer
        ("2026-10-24", "09:00", datetime.datetime(2026, 10, 24, 7, 0, tzinfo=UTC)),
        ("2026-10-25", "09:00", datetime.datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
    ],
)
def test_paris_times_stored_in_utc(editing, date, time, utc):
    client, release = editing
    assert post_time(client, release, date, time).status_code == 302
    release.refresh_from_db()
    assert release.publish_at == utc


@pytest.mark.parametrize(
    ("date", "time"),
    [("2026-03-29", "02:30"), ("2026-10-25", "02:30")],  # does not exist / happens twice
)
def test_nonexistent_or_ambiguous_paris_times_refused_clearly(editing, date, time):
    client, release = editing
    response = post_time(client, release, date, time)
    assert response.status_code == 200
    assert "Europe/Paris" in response.text
    assert "publish_at" in response.context["adminform"].form.errors


def test_scheduled_across_the_spring_change_appears_at_its_minute(client, make_release):
    # 03:00 in Paris on 29 March 2026 is 01:00 UTC (clocks jump from 02:00 to 03:00).
    paris = timezone.get_fixed_timezone(120)
    moment = datetime.datetime(2026, 3, 29, 3, 0, tzinfo=paris)
    release = make_release(publish_at=moment)
    url = release.get_absolute_url("fr")
    with time_machine.travel(datetime.datetime(2026, 3, 29, 0, 59, tzinfo=UTC), tick=False):
        assert client.get(url).status_code == 404
    with time_machine.travel(datetime.datetime(2026, 3, 29, 1, 0, tzinfo=UTC), tick=False):
        assert client.get(url).status_code == 200


def test_embargo_shown_in_paris_time_with_the_zone_named(client, make_journalist, make_release):
    release = make_release(
        publish_at=datetime.datetime(2026, 10, 20, 8, 0, tzinfo=UTC),
        embargo_until=datetime.datetime(2026, 10, 26, 9, 0, tzinfo=UTC),  # after the change
    )
    client.force_login(make_journalist())
    with time_machine.travel(datetime.datetime(2026, 10, 21, tzinfo=UTC), tick=False):
        html = client.get(release.get_absolute_url("en")).text
    # 10:00 in Paris on the first day of winter time: UTC+1, no longer UTC+2.
    assert "26 October 2026, 10:00 Paris time (09:00 UTC)" in html
