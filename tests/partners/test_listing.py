"""Nothing imported goes public before its release (issue 16, point 2): the institutions, people
and media contacts an import creates (or staff create by hand) stay unknown on every public
surface until a release naming them is public, at its minute, or until staff list them; an
internal contact never shows."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from newsroom.importer.drafts import create_draft
from newsroom.importer.matching import known_institution_names
from newsroom.importer.parsing import parse
from newsroom.listing import (
    listed_contacts,
    listed_institutions,
    listed_partnerships,
    listed_people,
)
from newsroom.models import PressRelease, Quote, ReleaseContact
from partners.models import Institution, Listing, MediaContact, Partnership, Person
from tests.helpers import SAMPLES

pytestmark = pytest.mark.django_db
HOUR = timezone.timedelta(hours=1)
SAMPLE = SAMPLES / "wire_en.txt"
# What the sample creates: two institutions, two speakers, two contacts (none in the demo).
NEW = ("Curie", "Acme Bio", "Dupont", "Carter", "Sophie Martin", "Paul Smith", "acmebio")


@pytest.fixture
def imported(demo_release):
    """The sample imported by the importer's own service, as a draft, beside the demo."""
    return create_draft(parse(SAMPLE.read_text(encoding="utf-8"), None, known_institution_names()))


def schedule(release, moment):
    release.status = PressRelease.Status.PUBLISHED
    release.publish_at = moment
    release.save()


def surfaces(demo_release):
    """Every public page that names institutions, people or contacts."""
    return [
        "/fr/",
        "/en/",
        "/en/press-releases/",
        "/en/press-releases/?q=sarcoma+OR+strategic",
        demo_release.get_absolute_url("en"),
        "/en/institutions/sanofi/",
        "/en/partnerships/sanofi-gustave-roussy-oncologie/",
        "/fr/contacts-presse/",
        "/fr/contacts-presse/?q=curie",
        "/fr/contacts-presse/?q=martin",
        "/en/alerts/",
        "/fr/alertes/?institution=institut-curie",
        "/sitemap.xml",
        "/sitemap-institutions.xml",
        "/sitemap-people.xml",
        "/en/feeds/rss/",
    ]


def own_pages(imported):
    """The pages of what the import created: 404 while it is not listed."""
    contacts = imported.contacts.order_by("releasecontact__order")
    return [
        "/en/institutions/institut-curie/",
        "/fr/institutions/acme-biotherapeutics/",
        "/en/institutions/institut-curie/feeds/rss/",
        "/fr/institutions/acme-biotherapeutics/flux/atom/",
        "/en/spokespeople/marie-dupont/",
        "/fr/porte-parole/john-carter/",
        *(f"/fr/contacts-presse/{contact.pk}/vcard/" for contact in contacts),
    ]


def assert_unknown(client, demo_release, imported, when):
    # The list filtered by an unlisted institution answers as for one that does not exist.
    unknown = client.get("/en/press-releases/?institution=institut-curie").content.decode()
    nowhere = client.get("/en/press-releases/?institution=nowhere").content.decode()
    assert unknown.replace("institut-curie", "nowhere") == nowhere, when
    for url in [*surfaces(demo_release), "/en/press-releases/?institution=institut-curie"]:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for shown in NEW:
            assert shown not in page, f"{when}: {shown} on {url}"
    for url in own_pages(imported):
        assert client.get(url).status_code == 404, f"{when}: {url}"


def test_the_import_creates_unlisted_rows(imported):
    created = {
        Institution: ["institut-curie", "acme-biotherapeutics"],
        Person: ["marie-dupont", "john-carter"],
    }
    for model, slugs in created.items():
        assert set(model.objects.filter(slug__in=slugs).values_list("listing", flat=True)) == {
            "with_release"
        }
    assert set(imported.contacts.values_list("listing", flat=True)) == {"with_release"}
    assert not listed_institutions().filter(slug__in=created[Institution]).exists()
    assert not listed_people().filter(slug__in=created[Person]).exists()
    assert not listed_contacts().filter(pk__in=imported.contacts.all()).exists()


def test_imported_rows_stay_unknown_until_their_release_is_public(client, demo_release, imported):
    assert_unknown(client, demo_release, imported, "draft")
    schedule(imported, timezone.now() + HOUR)
    assert_unknown(client, demo_release, imported, "scheduled")
    # Pages kept by the page cache are renewed at the release's minute, as the release's own.
    with time_machine.travel(timezone.now() + 2 * HOUR):
        home = client.get("/en/").content.decode()
        assert "Institut Curie" in home and "Acme Biotherapeutics" in home
        curie = client.get("/en/institutions/institut-curie/").content.decode()
        assert "Marie Dupont" in curie and "Sophie Martin" in curie
        assert "leading French cancer centre" in curie  # its boilerplate, as imported
        assert (
            "NASDAQ: ACMB" in client.get("/en/institutions/acme-biotherapeutics/").content.decode()
        )
        directory = client.get("/fr/contacts-presse/").content.decode()
        assert "Sophie Martin" in directory and "Paul Smith" in directory
        assert "Institut Curie" in client.get("/en/alerts/").content.decode()
        assert "institut-curie" in client.get("/sitemap-institutions.xml").content.decode()
        assert "marie-dupont" in client.get("/sitemap-people.xml").content.decode()
        for url in own_pages(imported):
            assert client.get(url).status_code == 200, url


def test_an_embargo_keeps_them_unknown_until_it_lifts(client, demo_release, imported):
    schedule(imported, timezone.now() - HOUR)
    imported.embargo_until = timezone.now() + HOUR
    imported.save()
    assert_unknown(client, demo_release, imported, "embargoed")
    with time_machine.travel(timezone.now() + 2 * HOUR):
        assert client.get("/en/institutions/institut-curie/").status_code == 200


def test_staff_list_them_at_once(client, demo_release, imported):
    client.get("/en/")  # kept by the page cache: a staff change renews it
    curie = Institution.objects.get(slug="institut-curie")
    curie.listing = Listing.PUBLIC
    curie.save()
    assert "Institut Curie" in client.get("/en/").content.decode()
    assert "Acme Biotherapeutics" not in client.get("/en/").content.decode()
    page = client.get("/en/institutions/institut-curie/").content.decode()
    # Its contact waits for the release, or for staff, as its institution did.
    assert "Sophie Martin" not in page and "Marie Dupont" not in page
    sophie = MediaContact.objects.get(name="Sophie Martin")
    sophie.listing = Listing.PUBLIC
    sophie.save()
    assert "Sophie Martin" in client.get("/en/institutions/institut-curie/").content.decode()
    assert client.get(f"/fr/contacts-presse/{sophie.pk}/vcard/").status_code == 200
    dupont = Person.objects.get(slug="marie-dupont")
    dupont.listing = Listing.PUBLIC
    dupont.save()
    assert client.get("/en/spokespeople/marie-dupont/").status_code == 200


def test_a_contact_listed_by_staff_waits_for_its_institution(client, imported):
    paul = MediaContact.objects.get(name="Paul Smith")
    paul.listing = Listing.PUBLIC
    paul.save()
    assert "Paul Smith" not in client.get("/fr/contacts-presse/").content.decode()
    assert client.get(f"/fr/contacts-presse/{paul.pk}/vcard/").status_code == 404


def test_a_new_contact_of_a_listed_institution_waits_too(client, demo_release):
    sanofi = Institution.objects.get(slug="sanofi")
    MediaContact.objects.create(institution=sanofi, name="Nouvelle Attachée", email="n@sanofi.fr")
    for url in ("/fr/institutions/sanofi/", "/fr/contacts-presse/", "/fr/contacts-presse/?q=att"):
        assert "Nouvelle Attachée" not in client.get(url).content.decode(), url


def test_a_new_speaker_of_a_listed_institution_is_not_named_with_it(client, demo_release):
    """A speaker's institution shows on their page only once listed itself."""
    hidden = Institution.objects.create(kind="company", name="Secret Labs", slug="secret-labs")
    person = Person.objects.create(
        first_name="Ann", last_name="Onymous", slug="ann", institution=hidden, listing="public"
    )
    page = client.get("/en/spokespeople/ann/").content.decode()
    assert "Ann Onymous" in page and "Secret Labs" not in page
    assert person.institution == hidden


def test_the_directory_search_does_not_name_an_unlisted_institution(client, demo_release):
    """The contacts page's search shows a listed speaker as their page does: without an
    institution not listed yet, and a search for that institution's name does not find them."""
    hidden = Institution.objects.create(kind="company", name="Secret Labs", slug="secret-labs")
    Person.objects.create(
        first_name="Ann", last_name="Onymous", slug="ann", institution=hidden, listing="public"
    )
    found = client.get("/en/media-contacts/?q=onymous").content.decode()
    assert "Ann Onymous" in found and "Secret Labs" not in found
    assert "Ann Onymous" not in client.get("/en/media-contacts/?q=secret").content.decode()
    hidden.listing = Listing.PUBLIC
    hidden.save()
    assert "Ann Onymous" in client.get("/en/media-contacts/?q=secret").content.decode()
    assert "Secret Labs" in client.get("/en/media-contacts/?q=onymous").content.decode()


def test_an_internal_contact_is_never_listed(client, demo_release):
    roussy = Institution.objects.get(slug="gustave-roussy")
    internal = MediaContact.objects.create(
        institution=roussy,
        name="Standard interne",
        email="interne@gustaveroussy.fr",
        is_public=False,
        listing="public",
    )
    ReleaseContact.objects.create(release=demo_release, contact=internal, order=9)
    assert not listed_contacts().filter(pk=internal.pk).exists()
    for url in ("/fr/contacts-presse/", "/fr/institutions/gustave-roussy/"):
        assert "Standard interne" not in client.get(url).content.decode()
    assert client.get(f"/fr/contacts-presse/{internal.pk}/vcard/").status_code == 404


def test_a_partnership_is_listed_by_staff_or_by_a_public_release(client, demo_release):
    partnership = Partnership.objects.create(name="Projet secret", slug="projet-secret")
    assert client.get("/fr/partenariats/projet-secret/").status_code == 404
    assert "projet-secret" not in client.get("/sitemap-partnerships.xml").content.decode()
    project = partnership.research_projects.create(title="Étude")
    demo_release.research_projects.add(project)
    assert listed_partnerships().filter(pk=partnership.pk).exists()
    assert client.get("/fr/partenariats/projet-secret/").status_code == 200


def test_rows_on_record_stay_listed(demo_release):
    for model in (Institution, Person, MediaContact, Partnership):
        assert set(model.objects.values_list("listing", flat=True)) == {"public"}


def test_the_import_review_says_what_it_creates_stays_unlisted(staff_client):
    review = staff_client.post(
        "/admin/newsroom/pressrelease/import/",
        {"file": SimpleUploadedFile("wire.txt", SAMPLE.read_bytes()), "language": ""},
        headers={"accept-language": "en"},
    )
    assert "stays off the public site until a release naming it is public" in review.text


def test_staff_choose_the_listing_in_the_back_office(staff_client):
    for model in ("institution", "person", "mediacontact", "partnership"):
        form = staff_client.get(
            f"/admin/partners/{model}/add/", headers={"accept-language": "en"}
        ).content.decode()
        assert 'name="listing"' in form, model
        assert '<option value="with_release" selected>' in form, model
        assert "Listed once a public release names it, or now" in form, model
        changelist = staff_client.get(f"/admin/partners/{model}/?listing__exact=public")
        assert changelist.status_code == 200, model


def test_the_migration_keeps_listed_the_people_the_public_knew(demo_release, make_release):
    """Every row on record is set listed, except people nobody could see (quoted only in a
    draft, or internal contacts), who then wait for a release as new people do."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("newsroom.migrations.0017_partners_people_listing")
    future = Person.objects.create(first_name="Future", last_name="Boss", slug="future-boss")
    Quote.objects.create(release=make_release(status="draft"), person=future, text_fr="Bientôt")
    internal = Person.objects.create(first_name="In", last_name="Ternal", slug="in-ternal")
    MediaContact.objects.create(
        institution=Institution.objects.get(slug="sanofi"),
        person=internal,
        email="i@x.org",
        is_public=False,
    )
    Person.objects.update(listing="public")  # as the schema migration leaves them
    migration.unlist_unknown_people(apps, None)
    unlisted = Person.objects.filter(listing="with_release").values_list("slug", flat=True)
    assert sorted(unlisted) == ["future-boss", "in-ternal"]


def test_a_new_institutions_logo_is_served_once_it_is_listed(client, make_staff):
    """The media gate: an unlisted institution's logo only to whom one of its releases is
    visible (staff, for a preview); to everyone from its release's minute, or once listed."""
    from newsroom.models import ReleaseIssuer
    from tests.helpers import image_bytes

    newcomer = Institution.objects.create(
        kind="company",
        name="Nouvelle",
        slug="nouvelle",
        logo=SimpleUploadedFile("l.png", image_bytes()),
    )
    soon = timezone.now() + HOUR
    release = PressRelease.objects.create(
        title_fr="Annonce", status=PressRelease.Status.PUBLISHED, publish_at=soon
    )
    ReleaseIssuer.objects.create(release=release, institution=newcomer)
    url = newcomer.logo.url
    assert client.get(url).status_code == 404
    staff = Client()
    staff.force_login(make_staff("Publisher", newcomer))
    assert staff.get(url).status_code == 200
    with time_machine.travel(soon + timezone.timedelta(seconds=1)):
        assert client.get(url).status_code == 200
    release.delete()
    assert client.get(url).status_code == 404
    newcomer.listing = "public"
    newcomer.save()
    assert client.get(url).status_code == 200
