"""Contacts on a release's public page: a published release shows its issuers' contacts as
frozen on publication, never an internal one, and never labels a public one internal."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.languages import LANGUAGE_CODES
from newsroom.models import PressRelease, ReleaseContact
from newsroom.workflow import release_transition
from partners.models import MediaContact, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(make_staff, institution):
    return make_staff("Publisher", institution)


@pytest.fixture
def contacts(institution):
    officer = Person.objects.create(first_name="Anne", last_name="Presse", slug="anne-presse")
    public = MediaContact.objects.create(
        institution=institution,
        person=officer,
        role="Attachée de presse",
        email="anne@acme.test",
        listing="public",  # the institution's press officer, listed by staff
    )
    internal = MediaContact.objects.create(
        institution=institution, name="Ligne de garde", phone="+33600000009", is_public=False
    )
    return public, internal


def publish(release, user):
    for action in ("submit", "approve", "publish"):
        release = release_transition(release=release, user=user, action=action)
    return release


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("own_contacts", [False, True], ids=["institution's", "release's"])
def test_published_release_shows_public_contacts_unlabelled(
    client, make_release, publisher, contacts, language, own_contacts
):
    public, internal = contacts
    release = make_release(
        status=PressRelease.Status.DRAFT, publish_at=None, body_fr="<p>x</p>", body_en="<p>x</p>"
    )
    if own_contacts:
        ReleaseContact.objects.create(release=release, contact=public, order=1)
        ReleaseContact.objects.create(release=release, contact=internal, order=2)
    publish(release, publisher)

    html = client.get(release.get_absolute_url(language)).content.decode()
    assert "anne@acme.test" in html
    with translation.override(language):
        spokesperson = reverse("newsroom:person_detail", kwargs={"slug": "anne-presse"})
    assert f'href="{spokesperson}"' in html
    assert "status-badge" not in html
    assert "Ligne de garde" not in html and "+33600000009" not in html and "06 00" not in html


def test_internal_contact_in_an_old_snapshot_is_not_shown(client, make_release, contacts):
    """A snapshot that recorded a contact as internal keeps it off the public page."""
    public, internal = contacts
    release = make_release()
    issuer = release.releaseissuer_set.get()
    from newsroom.snapshots import snapshot_institution

    issuer.snapshot = snapshot_institution(issuer.institution, [public, internal])
    issuer.save(update_fields=["snapshot"])
    html = client.get(release.get_absolute_url("fr")).content.decode()
    assert "anne@acme.test" in html and "Ligne de garde" not in html
