"""The database refuses what must never be stored about institutions, people and contacts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from partners.models import (
    Institution,
    KeyFact,
    MediaContact,
    Milestone,
    Partnership,
    Person,
    ResearchProject,
    SocialProfile,
    StockListing,
)
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db


def test_institution_slug_unique_and_not_blank(institution):
    assert_refused(lambda: Institution.objects.create(kind="company", name_fr="B", slug="acme"))
    assert_refused(lambda: Institution.objects.create(kind="company", name_fr="C", slug=""))


def test_institution_kind_must_be_known():
    assert_refused(lambda: Institution.objects.create(kind="pirate", name_fr="D", slug="d"))


def test_institution_membership_is_one_way(institution):
    cluster = Institution.objects.create(kind="research_cluster", name_fr="Cluster", slug="cl")
    institution.member_of.add(cluster)
    assert list(cluster.members.all()) == [institution]
    assert list(cluster.member_of.all()) == []


def test_stock_listing_unique_per_exchange_and_ticker_whatever_the_case(institution):
    StockListing.objects.create(institution=institution, exchange="EURONEXT", ticker="SAN")
    other = Institution.objects.create(kind="company", name_fr="Other", slug="other")
    assert_refused(
        lambda: StockListing.objects.create(institution=other, exchange="euronext ", ticker="san")
    )
    # Same ticker on another exchange is a different listing.
    StockListing.objects.create(institution=institution, exchange="NASDAQ", ticker="SAN")


def test_stock_listing_needs_exchange_and_ticker(institution):
    assert_refused(
        lambda: StockListing.objects.create(institution=institution, exchange="", ticker="SAN")
    )


def test_one_social_profile_per_network(institution):
    SocialProfile.objects.create(institution=institution, network="x", url="https://x.com/a")
    assert_refused(
        lambda: SocialProfile.objects.create(
            institution=institution, network="x", url="https://x.com/b"
        )
    )


def test_person_slug_unique_and_not_blank(institution):
    Person.objects.create(first_name="Ada", last_name="L", slug="ada-l", institution=institution)
    assert_refused(lambda: Person.objects.create(first_name="Ada", last_name="M", slug="ada-l"))
    assert_refused(lambda: Person.objects.create(first_name="Ada", last_name="N", slug=""))


def test_partnership_slug_unique_and_not_blank():
    Partnership.objects.create(name_fr="P", slug="p")
    assert_refused(lambda: Partnership.objects.create(name_fr="Q", slug="p"))
    assert_refused(lambda: Partnership.objects.create(name_fr="R", slug=""))


def test_lowercase_duplicate_listing_reported_by_validation_not_a_crash(institution):
    StockListing.objects.create(institution=institution, exchange="EURONEXT", ticker="SAN")
    listing = StockListing(institution=institution, exchange="euronext", ticker="san")
    with pytest.raises(ValidationError) as error, translation.override("en"):
        listing.full_clean()
    assert "This listing is already recorded." in str(error.value)


def test_stored_logo_missing_from_disk_does_not_break_validation(institution):
    institution.logo.name = "logos/vanished.png"
    institution.save()
    institution.full_clean()  # the stored file is not re-read (nor required to exist)


def test_media_contact_needs_a_name_and_a_way_to_reach_them(institution):
    assert_refused(
        lambda: MediaContact.objects.create(institution=institution, email="press@example.org")
    )
    assert_refused(lambda: MediaContact.objects.create(institution=institution, name="Press"))
    contact = MediaContact(institution=institution)
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert set(error.value.message_dict) >= {"name", "email"}


def test_media_contact_name_comes_from_person(institution):
    person = Person.objects.create(
        first_name="Claire", last_name="Parisel", slug="cp", institution=institution
    )
    contact = MediaContact.objects.create(
        institution=institution, person=person, email="c@example.org"
    )
    assert contact.display_name == "Claire Parisel"


def test_milestones_ordered_by_date_and_one_per_date():
    partnership = Partnership.objects.create(name_fr="P", slug="p")
    for year in (2023, 2012, 2016):
        Milestone.objects.create(
            partnership=partnership, date=datetime.date(year, 1, 1), title_fr=str(year)
        )
    assert [m.date.year for m in partnership.milestones.all()] == [2012, 2016, 2023]
    assert_refused(
        lambda: Milestone.objects.create(
            partnership=partnership, date=datetime.date(2012, 1, 1), title_fr="again"
        )
    )


def test_ordered_rows_follow_their_order_field(institution):
    KeyFact.objects.create(institution=institution, order=2, text_fr="second")
    KeyFact.objects.create(institution=institution, order=1, text_fr="first")
    assert [f.text for f in institution.key_facts.all()] == ["first", "second"]
    partnership = Partnership.objects.create(name_fr="P", slug="p")
    ResearchProject.objects.create(partnership=partnership, order=3, title_fr="c")
    ResearchProject.objects.create(partnership=partnership, order=1, title_fr="a")
    assert [p.title for p in partnership.research_projects.all()] == ["a", "c"]


def test_order_cannot_be_negative(institution):
    assert_refused(lambda: KeyFact.objects.create(institution=institution, order=-1, text_fr="x"))


def test_spoken_languages_are_named_in_both_languages(institution):
    from partners.models import SPOKEN_LANGUAGES

    contact = MediaContact(
        institution=institution, name="P", email="p@example.org", languages=SPOKEN_LANGUAGES
    )
    contact.full_clean()
    with translation.override("en"):
        assert contact.language_names[:2] == ["French", "English"]
    with translation.override("fr"):
        assert contact.language_names[:2] == ["français", "anglais"]
    contact.languages = ["fr", "klingon"]
    with pytest.raises(ValidationError):
        contact.full_clean()
