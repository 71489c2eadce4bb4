"""Contacts that answer: an out-of-office note shown while it runs (Paris dates, decided at
request time, the page cache following), following the live contact on frozen releases; the
contacts page lists spokespeople per institution in a fixed number of queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom import page_cache, workflow
from partners.models import Institution, MediaContact, Person, next_away_change
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
DIRECTORY = "/fr/contacts-presse/"


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def contact(institution):
    institution.listing = "public"
    institution.save()
    return MediaContact.objects.create(
        institution=institution,
        name="Claire Attachée",
        email="claire@example.org",
        listing="public",
        away_note_fr="écrivez à presse@example.org",
        away_note_en="please write to presse@example.org",
        away_from=datetime.date(2026, 12, 10),
        away_until=datetime.date(2026, 12, 12),
    )


def test_the_absence_s_dates_are_checked(institution):
    contact = MediaContact(
        institution=institution,
        name="X",
        email="x@example.org",
        away_from=datetime.date(2026, 12, 12),
        away_until=datetime.date(2026, 12, 10),
    )
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "away_until" in error.value.message_dict
    contact.away_until = None
    contact.away_note_fr = "écrivez à Paul"
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert error.value.message_dict["away_until"] == ["Indiquez le dernier jour de l’absence."]
    contact.away_until = contact.away_from  # one day away
    contact.full_clean()
    assert_refused(
        lambda: MediaContact.objects.create(
            institution=institution,
            name="Y",
            email="y@example.org",
            away_from=datetime.date(2026, 12, 12),
            away_until=datetime.date(2026, 12, 11),
        )
    )


@pytest.mark.parametrize(
    ("moment", "away"),
    [
        (paris(2026, 12, 9, 23, 59), False),
        (paris(2026, 12, 10, 0, 0), True),  # 23:00 UTC the day before: Paris dates count
        (paris(2026, 12, 12, 23, 59), True),
        (paris(2026, 12, 13, 0, 0), False),
    ],
)
def test_away_from_the_first_to_the_last_day_in_paris(contact, moment, away):
    with time_machine.travel(moment, tick=False):
        assert contact.is_away is away


def test_the_next_change_is_the_absence_s_start_then_its_end(contact):
    assert next_away_change(paris(2026, 12, 1, 12)) == paris(2026, 12, 10)
    assert next_away_change(paris(2026, 12, 11, 12)) == paris(2026, 12, 13)
    assert next_away_change(paris(2026, 12, 13, 0, 1)) is None
    version = page_cache.change(paris(2026, 12, 1, 12))
    assert version.next_change == paris(2026, 12, 10)


def test_a_cached_page_shows_the_note_on_the_first_day_and_drops_it_after_the_last(client, contact):
    for moment, shown in [
        (paris(2026, 12, 9, 23, 58), False),
        (paris(2026, 12, 9, 23, 59), False),  # served from the cache
        (paris(2026, 12, 10, 0, 0, 30), True),
        (paris(2026, 12, 12, 23, 59), True),  # served from the cache
        (paris(2026, 12, 13, 0, 0, 30), False),
    ]:
        with time_machine.travel(moment, tick=False):
            html = client.get(DIRECTORY).text
        assert ("Indisponible jusqu’au 12 décembre :" in html) is shown, moment
        assert ("écrivez à presse@example.org" in html) is shown, moment


@time_machine.travel(paris(2026, 12, 11, 9), tick=False)
def test_the_note_on_cards_in_both_languages(client, contact):
    html = client.get(DIRECTORY).text
    assert (
        '<p class="contact-away" role="note"><strong>Indisponible jusqu’au 12 décembre :'
        "</strong> écrivez à presse@example.org</p>"
    ) in html
    english = client.get("/en/media-contacts/").text
    assert "<strong>Away until 12 December:</strong> please write to presse@example.org" in english
    institution_page = client.get("/fr/institutions/acme/").text
    assert "écrivez à presse@example.org" in institution_page
    # Without a note, the dates alone.
    contact.away_note_fr = contact.away_note_en = ""
    contact.save()
    assert "<strong>Away until 12 December.</strong>" in client.get("/en/media-contacts/").text


def test_a_frozen_release_shows_the_live_contact_s_absence(
    client, make_release, contact, make_staff, institution
):
    release = make_release(status="approved", publish_at=None, body_fr="Texte", body_en="Text")
    release.contacts.add(contact)
    publisher = make_staff("Publisher")
    with time_machine.travel(paris(2026, 12, 1, 9), tick=False):
        workflow.release_transition(release=release, user=publisher, action="publish")
    release.refresh_from_db()
    assert release.releaseissuer_set.get().snapshot  # frozen on publication
    contact.role_fr = "Nouveau rôle"  # edited later: not on the frozen release
    contact.away_note_fr = "écrivez plutôt à Paul"  # but who answers now is
    contact.save()
    with time_machine.travel(paris(2026, 12, 11, 9), tick=False):
        html = client.get(release.get_absolute_url("fr")).text
    assert "Nouveau rôle" not in html
    assert "Indisponible jusqu’au 12 décembre :</strong> écrivez plutôt à Paul" in html
    with time_machine.travel(paris(2026, 12, 14, 9), tick=False):
        assert "écrivez plutôt à Paul" not in client.get(release.get_absolute_url("fr")).text


def test_the_contacts_page_lists_spokespeople_by_institution(client, contact, make_release):
    speaker = Person.objects.create(
        first_name="Anne",
        last_name="Porte-Parole",
        slug="anne",
        job_title_fr="Directrice scientifique",
        institution=contact.institution,
        listing="public",
    )
    other = Institution.objects.create(
        kind="company", name_fr="Zeta", slug="zeta", listing="public"
    )
    hidden = Institution.objects.create(kind="company", name_fr="Inconnue", slug="inconnue")
    Person.objects.create(  # listed, but of an institution the public does not know yet
        first_name="Paul", last_name="Discret", slug="paul", institution=hidden, listing="public"
    )
    Person.objects.create(
        first_name="Zoé", last_name="Seule", slug="zoe", institution=other, listing="public"
    )
    Person.objects.create(  # not listed: stays unknown
        first_name="Caché", last_name="Secret", slug="secret", institution=other
    )
    html = client.get(DIRECTORY).text
    acme = html[html.index('id="contacts-acme"') : html.index('id="contacts-zeta"')]
    assert f'<a href="{speaker.get_absolute_url()}">Anne Porte-Parole</a>' in acme
    assert "Directrice scientifique" in acme and "Claire Attachée" in acme
    zeta = html[html.index('id="contacts-zeta"') :]
    assert "Zoé Seule" in zeta and "Secret" not in html
    assert "Inconnue" not in html and "Discret" not in html


def test_the_contacts_page_runs_the_same_queries_for_1_or_20(
    client, institution, uncached, django_assert_num_queries
):
    def add(start, count):
        for n in range(start, start + count):
            place = Institution.objects.create(
                kind="company", name_fr=f"I{n}", slug=f"i{n}", listing="public"
            )
            MediaContact.objects.create(
                institution=place,
                name=f"C{n}",
                email=f"c{n}@example.org",
                listing="public",
                languages=["fr", "en"],
                away_until=datetime.date(2099, 1, 1),
                away_note_fr="écrivez à Paul",
            )
            Person.objects.create(
                first_name="P",
                last_name=f"N{n}",
                slug=f"p{n}",
                job_title_fr="Responsable presse",
                institution=place,
                listing="public",
            )

    add(0, 1)
    client.get(DIRECTORY)
    uncached()
    with CaptureQueriesContext(connection) as small:
        html = client.get(DIRECTORY).text
    expected = len(small)  # now: each request empties the query log
    assert html.count('class="contact-away"') == 1
    add(1, 19)
    client.get(DIRECTORY)
    uncached()
    with django_assert_num_queries(expected):
        html = client.get(DIRECTORY).text
    assert html.count('class="contact-away"') == 20 and html.count("Responsable presse") == 20


def test_admin_has_the_out_of_office_fields_in_french(staff_client, contact):
    html = staff_client.get(
        f"/admin/partners/mediacontact/{contact.pk}/change/", HTTP_ACCEPT_LANGUAGE="fr"
    ).text
    for label in ("Message d’absence", "Absent à partir du", "Absent jusqu’au"):
        assert label in html, label
