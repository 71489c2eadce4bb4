"""Press releases: slugs per language, publication rules, visibility."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from core.languages import LANGUAGE_CODES
from newsroom.models import (
    Attachment,
    PressRelease,
    Quote,
    ReleaseContact,
    ReleaseImage,
    ReleaseIssuer,
    Topic,
)
from partners.models import MediaContact, Person
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


@pytest.mark.parametrize("active", LANGUAGE_CODES)
def test_slugs_do_not_depend_on_the_active_language(active):
    """The untranslated ``slug`` column is filled with the active language's value by
    modeltranslation: it must not carry a uniqueness of its own."""
    with translation.override(active):
        PressRelease.objects.create(title_fr="Congrès", slug_fr="esmo-2023", title_en="A")
        other = PressRelease.objects.create(title_fr="B", title_en="ESMO", slug_en="esmo-2023-en")
        other.slug_en = "esmo-2023"  # same text as another release's French slug
        with pytest.raises(ValidationError) as error:
            other.full_clean()
    assert "slug_en" in error.value.message_dict


def test_generated_slugs_unique_across_languages():
    french = PressRelease.objects.create(title_fr="Oncologie")
    english = PressRelease.objects.create(title_fr="Autre", title_en="Oncologie")
    assert french.slug_fr == "oncologie"
    assert english.slug_en == "oncologie-2"  # an English URL never reaches the French release


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
    with translation.override("en"):
        assert_refused(lambda: Topic.objects.create(name_fr="Autre", slug_fr="oncologie"))
    assert_refused(lambda: Topic.objects.create(name_fr="Autre", slug_en="oncology"))
    # A French slug equal to an English one is fine: they live in different URL spaces.
    Topic.objects.create(name_fr="Oncology", slug_fr="oncology", slug_en="oncology-topic")


def test_topic_with_a_taken_name_gets_a_suffixed_slug():
    Topic.objects.create(name_fr="Oncologie")
    assert Topic.objects.create(name_fr="Oncologie").slug_fr == "oncologie-2"


def test_topic_duplicate_slug_reported_by_validation():
    Topic.objects.create(name_fr="Oncologie")
    with pytest.raises(ValidationError) as error, translation.override("en"):
        Topic(name_fr="X", slug_fr="oncologie").full_clean()
    assert "This slug is already used." in str(error.value)


@pytest.mark.parametrize("original", LANGUAGE_CODES)
def test_quote_image_attachment_text_required_in_original_language_only(original, institution):
    other = "en" if original == "fr" else "fr"
    release = PressRelease.objects.create(**{f"title_{original}": "T"}, original_language=original)
    person = Person.objects.create(first_name="A", last_name="B", slug="a-b")
    png = SimpleUploadedFile("x.png", _png())
    pdf = SimpleUploadedFile("x.pdf", b"%PDF-1.7 minimal")
    rows = [
        (Quote(release=release, person=person), "text"),
        (ReleaseImage(release=release, image=png), "alt_text"),
        (Attachment(release=release, file=pdf), "title"),
    ]
    for row, field in rows:
        setattr(row, f"{field}_{other}", "only in the other language")
        with pytest.raises(ValidationError) as error:
            row.full_clean()
        assert f"{field}_{original}" in error.value.message_dict
        setattr(row, f"{field}_{original}", "in the original language")
        row.full_clean()


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    return buffer.getvalue()


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


def test_with_slug_prefers_the_languages_own_slug_then_any(make_release):
    first = make_release(slug_fr="essai-clinique", slug_en="clinical-trial")
    # Another release whose English slug is the first's French one: asked in English, it wins.
    second = make_release(slug_fr="autre-essai", slug_en="essai-clinique")
    releases = PressRelease.objects.all()
    assert releases.with_slug("essai-clinique", "fr") == first
    assert releases.with_slug("essai-clinique", "en") == second
    assert releases.with_slug("clinical-trial", "fr") == first  # the other language's slug
    assert releases.with_slug("autre-essai") == second  # no language: any
    assert releases.with_slug("nowhere", "fr") is None
