"""The reads public pages share, as queryset methods and ``listing`` functions (issue 19): each
rule checked here on its own, as the pages that call it rely on it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import prefetch_related_objects
from django.utils import timezone

from newsroom.listing import (
    contacts_for,
    directory,
    institution_contacts,
    people_with_institution,
    release_contacts,
    spokespeople,
)
from newsroom.models import PressRelease, Quote, ReleaseContact
from newsroom.release_prefetches import detail_prefetches
from partners.models import Institution, Listing, MediaContact, Partnership, Person
from tests.helpers import HIDDEN_STATES, hidden_state_id

pytestmark = pytest.mark.django_db
HOUR = timezone.timedelta(hours=1)
DRAFT = {"status": PressRelease.Status.DRAFT, "publish_at": None}


def person(last_name, **fields):
    return Person.objects.create(
        first_name="Ada", last_name=last_name, slug=f"ada-{last_name.lower()}", **fields
    )


def contact(institution, name, **fields):
    return MediaContact.objects.create(
        institution=institution, name=name, email=f"{name.lower()}@example.org", **fields
    )


def other_institution(name="Beta", **fields):
    return Institution.objects.create(
        kind="company", name_fr=name, name_en=name, slug=name.lower(), **fields
    )


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-boss-42!")


# Quote.objects.by(person), .visible_to(user)


def test_by_gives_a_persons_quotes_newest_release_first(make_release):
    ada, bob = person("Lovelace"), person("Other")
    older = make_release(release_date=timezone.localdate() - timezone.timedelta(days=3))
    newer = make_release()
    first = Quote.objects.create(release=newer, person=ada, text_fr="Un", order=1)
    second = Quote.objects.create(release=newer, person=ada, text_fr="Deux", order=2)
    old = Quote.objects.create(release=older, person=ada, text_fr="Avant")
    Quote.objects.create(release=newer, person=bob, text_fr="Pas elle")

    assert list(Quote.objects.by(ada)) == [first, second, old]


@pytest.mark.parametrize("state", HIDDEN_STATES, ids=hidden_state_id)
def test_a_quote_in_a_release_the_reader_may_not_read_is_not_visible(make_release, state):
    ada = person("Lovelace")
    shown = Quote.objects.create(release=make_release(), person=ada, text_fr="Publique")
    Quote.objects.create(release=make_release(**state), person=ada, text_fr="Cachée")

    assert list(Quote.objects.by(ada).visible_to(AnonymousUser())) == [shown]


def test_quotes_visible_to_follow_the_readers_rule(make_release, make_journalist, staff):
    ada = person("Lovelace")
    draft = Quote.objects.create(release=make_release(**DRAFT), person=ada, text_fr="Brouillon")
    embargoed = make_release(embargo_until=timezone.now() + HOUR)
    under_embargo = Quote.objects.create(release=embargoed, person=ada, text_fr="Embargo")

    assert set(Quote.objects.visible_to(staff)) == {draft, under_embargo}
    assert set(Quote.objects.visible_to(make_journalist())) == {under_embargo}
    # At the lift, anyone.
    assert set(Quote.objects.visible_to(None, now=timezone.now() + 2 * HOUR)) == {under_embargo}


# PressRelease.objects.about_partnership(partnership)


def test_about_partnership_lists_a_release_once_whatever_its_projects(make_release):
    ours, theirs = (
        Partnership.objects.create(name=name, slug=name.lower()) for name in ("Ours", "Theirs")
    )
    one, two = (ours.research_projects.create(title=title) for title in ("One", "Two"))
    elsewhere = theirs.research_projects.create(title="Elsewhere")
    both = make_release()
    both.research_projects.set([one, two])
    make_release().research_projects.set([elsewhere])
    make_release()  # about no project

    assert list(PressRelease.objects.about_partnership(ours)) == [both]
    draft = make_release(**DRAFT)
    draft.research_projects.set([one])
    assert list(PressRelease.objects.visible_to(None).about_partnership(ours)) == [both]


# listing.spokespeople(now), listing.people_with_institution(now)


def test_spokespeople_are_those_quoted_in_a_public_release_by_name(make_release):
    public = make_release()
    zoe, ada = person("Zola"), person("Arendt")
    Quote.objects.create(release=public, person=zoe, text_fr="Z")
    Quote.objects.create(release=public, person=ada, text_fr="A")
    draft_only = person("Draft")
    Quote.objects.create(release=make_release(**DRAFT), person=draft_only, text_fr="Bientôt")
    person("Listed", listing=Listing.PUBLIC)  # listed by staff, quoted nowhere

    assert list(spokespeople()) == [ada, zoe]


def test_a_scheduled_release_makes_its_speaker_a_spokesperson_at_its_minute(make_release):
    soon = timezone.now() + HOUR
    ada = person("Lovelace")
    Quote.objects.create(release=make_release(publish_at=soon), person=ada, text_fr="Bientôt")

    assert list(spokespeople()) == []
    assert list(spokespeople(soon + timezone.timedelta(minutes=1))) == [ada]


def test_a_persons_institution_is_named_only_once_listed(make_release, institution):
    new = other_institution("Nouvelle")  # no release of its own yet
    ada = person("Lovelace", institution=new)
    bob = person("Bernard", institution=institution)
    release = make_release()  # issued by ``institution``: listed
    for speaker in (ada, bob):
        Quote.objects.create(release=release, person=speaker, text_fr="Oui")
    person("Unknown", institution=institution)  # not listed: no page at all

    shown = {row.pk: row.institution_listed for row in people_with_institution()}
    assert shown == {ada.pk: False, bob.pk: True}
    new.listing = Listing.PUBLIC
    new.save()
    assert people_with_institution().get(pk=ada.pk).institution_listed


# listing.directory(contacts)


def test_the_directory_lists_institutions_with_contacts_or_known_spokespeople(
    institution, staff, django_assert_num_queries
):
    institution.listing = Listing.PUBLIC
    institution.save()
    officer = contact(institution, "Presse", listing=Listing.PUBLIC)
    listed = other_institution("Listée", listing=Listing.PUBLIC)
    spoken = person("Listed", institution=listed, listing=Listing.PUBLIC)
    unlisted = other_institution("Inconnue")  # a listed person's, but not listed itself
    person("Orphan", institution=unlisted, listing=Listing.PUBLIC)
    hidden = other_institution("Interne", listing=Listing.PUBLIC)
    internal = contact(hidden, "Garde", is_public=False)

    with django_assert_num_queries(3):
        rows = list(directory(contacts_for(AnonymousUser())))
    assert [row.name for row in rows] == ["Acme", "Listée"]
    assert rows[0].contacts == [officer]
    assert rows[0].spokespeople == []
    assert rows[1].contacts == []
    assert rows[1].spokespeople == [spoken]
    # Staff see every contact: the internal one's institution too.
    staff_rows = {row.name: row for row in directory(contacts_for(staff))}
    assert set(staff_rows) == {"Acme", "Interne", "Listée"}
    assert staff_rows["Interne"].contacts == [internal]


# listing.release_contacts(contacts), listing.institution_contacts(now)


def test_a_releases_contacts_are_its_public_ones_in_the_order_set(make_release, institution):
    release = make_release()
    first, second = contact(institution, "Zoe", order=2), contact(institution, "Anne", order=1)
    internal = contact(institution, "Garde", is_public=False)
    for order, row in enumerate((first, internal, second)):
        ReleaseContact.objects.create(release=release, contact=row, order=order)
    contact(institution, "Ailleurs", listing=Listing.PUBLIC)  # on no release

    assert list(release_contacts(release.contacts)) == [first, second]
    elsewhere = make_release()
    ReleaseContact.objects.create(release=elsewhere, contact=second)
    assert list(release_contacts(elsewhere.contacts)) == [second]


def test_a_release_page_has_its_own_contacts_and_its_issuers_listed_ones(make_release, institution):
    release = make_release(**DRAFT)
    own = contact(institution, "Propre")  # not listed: the draft is not out
    ReleaseContact.objects.create(release=release, contact=own)
    listed = contact(institution, "Liste", listing=Listing.PUBLIC)
    contact(institution, "Interne", listing=Listing.PUBLIC, is_public=False)
    institution.listing = Listing.PUBLIC
    institution.save()

    # As a preview shows it: the release's own contact, the institution's listed one.
    prefetch_related_objects([release], *detail_prefetches())
    assert release.public_contacts == [own]
    assert release.issuers.all()[0].public_contacts == [listed]


def test_an_institutions_contacts_wait_for_its_release(make_release, institution):
    waiting = contact(institution, "Attend")  # named by no public release yet
    release = make_release(publish_at=timezone.now() + HOUR)
    ReleaseContact.objects.create(release=release, contact=waiting)

    def contacts(now=None):
        rows = Institution.objects.filter(pk=institution.pk)
        return rows.prefetch_related(institution_contacts(now))[0].public_contacts

    assert contacts() == []
    assert contacts(timezone.now() + 2 * HOUR) == [waiting]
