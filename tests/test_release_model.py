"""Press releases: slugs per language, publication rules, visibility."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsroom.models import PressRelease, ReleaseContact, ReleaseIssuer, Topic
from partners.models import MediaContact
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db
HOUR = timezone.timedelta(hours=1)


def test_slugs_made_per_language_from_titles():
    release = PressRelease.objects.create(title_fr="Énergie et santé", title_en="Energy & health")
    assert (release.slug_fr, release.slug_en) == ("energie-et-sante", "energy-health")


def test_slug_made_unique_within_its_language():
    first = PressRelease.objects.create(title_fr="Même titre")
    second = PressRelease.objects.create(title_fr="Même titre")
    assert first.slug_fr == "meme-titre"
    assert second.slug_fr == "meme-titre-2"


def test_database_refuses_duplicate_slug_in_one_language():
    PressRelease.objects.create(title_fr="A", slug_fr="a", slug_en="a-en")
    assert_refused(lambda: PressRelease.objects.create(title_fr="B", slug_fr="a"))
    assert_refused(lambda: PressRelease.objects.create(title_fr="C", slug_en="a-en", slug_fr="c"))


def test_same_slug_allowed_across_languages_and_many_untranslated():
    PressRelease.objects.create(title_fr="Oncologie", slug_fr="oncologie")
    PressRelease.objects.create(title_fr="Autre", title_en="Oncologie", slug_en="oncologie")
    PressRelease.objects.create(title_fr="Sans anglais 1")
    PressRelease.objects.create(title_fr="Sans anglais 2")
    assert PressRelease.objects.filter(slug_en__isnull=True).count() == 3


def test_published_needs_publish_time():
    assert_refused(lambda: PressRelease.objects.create(title_fr="T", status="published"))
    release = PressRelease(title_fr="T", status="published")
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "publish_at" in error.value.message_dict


def test_status_must_be_known():
    assert_refused(lambda: PressRelease.objects.create(title_fr="T", status="leaked"))


def test_embargo_cannot_end_before_publication():
    now = timezone.now()
    assert_refused(
        lambda: PressRelease.objects.create(title_fr="T", publish_at=now, embargo_until=now - HOUR)
    )


def test_title_required_in_original_language():
    release = PressRelease(title_en="Only English", original_language="fr")
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "title_fr" in error.value.message_dict
    PressRelease(title_en="Only English", original_language="en").full_clean()


@pytest.mark.parametrize(
    "doi", ["doi.org/10.1/x", "11.1038/abc", "10.12/short", "10.1038/ has space"]
)
def test_doi_validated(doi):
    release = PressRelease(title_fr="T", doi=doi)
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "doi" in error.value.message_dict


def test_valid_doi_and_reference_accepted():
    release = PressRelease(
        title_fr="T", journal="Nature", doi="10.1038/s41586-023-05881-4", peer_reviewed=True
    )
    release.full_clean()


def test_issuer_and_contact_listed_once(institution):
    release = PressRelease.objects.create(title_fr="T")
    ReleaseIssuer.objects.create(release=release, institution=institution)
    assert_refused(lambda: ReleaseIssuer.objects.create(release=release, institution=institution))
    contact = MediaContact.objects.create(institution=institution, name="P", email="p@example.org")
    ReleaseContact.objects.create(release=release, contact=contact)
    assert_refused(lambda: ReleaseContact.objects.create(release=release, contact=contact))


def test_topic_slugs_unique_per_language():
    Topic.objects.create(name_fr="Oncologie", name_en="Oncology")
    assert_refused(lambda: Topic.objects.create(name_fr="Autre", slug_fr="oncologie"))


def test_published_queryset(make_release):
    now = timezone.now()
    visible = make_release()
    past_embargo = make_release(publish_at=now - 2 * HOUR, embargo_until=now - HOUR)
    make_release(status="draft")
    make_release(status="in_review")
    make_release(status="approved")
    make_release(status="withdrawn")
    make_release(publish_at=now + HOUR)  # scheduled
    make_release(embargo_until=now + HOUR)  # embargoed
    assert set(PressRelease.objects.published(now)) == {visible, past_embargo}
    # A scheduled release appears at its minute, with no job involved.
    assert PressRelease.objects.published(now + 2 * HOUR).count() == 4
