"""Every page type: no axe-core violation (WCAG 2.1 AA) in Chromium, valid HTML (Nu checker)."""

from pathlib import Path

import pytest

from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_TYPES = {
    "home": "/fr/",
    "list": "/en/press-releases/",
    "list-filtered": "/fr/communiques/?institution=sanofi&year=2023",
    "release-fr": "release:fr",
    "release-en": "release:en",
    "institution": "/fr/institutions/gustave-roussy/",
    "institution-company": "/en/institutions/sanofi/",
    "spokesperson": "/en/spokespeople/fabrice-barlesi/",
    "partnership": "/fr/partenariats/sanofi-gustave-roussy-oncologie/",
    "contacts": "/fr/contacts-presse/",
    "not-found": "/en/press-releases/missing/",
    "release-untranslated": "release-untranslated:en",
    "list-page-2": "/fr/communiques/?page=2",
    "journalist-sign-up": "/fr/journalistes/inscription/",
    "journalist-sign-in": "/en/journalists/sign-in/",
    "withdrawn": "/fr/communiques/retire/",
    "search": "/fr/communiques/?q=immunoth%C3%A9rapies",
    "search-en-filtered": "/en/press-releases/?q=persister+cells&institution=sanofi",
    "search-no-result": "/fr/communiques/?q=zorglub",
    "contacts-search": "/en/media-contacts/?q=gustave",
    "alerts-sign-up": "/fr/alertes/",
    "alerts-sign-up-en": "/en/alerts/?institution=sanofi",
    "media-library": "/fr/mediatheque/",
    "media-library-en-filtered": "/en/media-library/?kind=logo&institution=sanofi",
    "media-library-unknown-filter": "/en/media-library/?kind=video&page=7",
}


@pytest.fixture
def archive(site):
    """A French-only release (shown on /en/ with a notice) and enough releases for two pages."""
    from django.utils import timezone

    from newsroom.models import PressRelease, ReleaseIssuer
    from partners.models import Institution

    sanofi = Institution.objects.get(slug="sanofi")
    for n in range(21):
        release = PressRelease.objects.create(
            title_fr=f"Communiqué d’archive {n}",
            slug_fr="non-traduit" if n == 0 else None,
            body_fr="<p>Seulement en français.</p>",
            status="published",
            publish_at=timezone.now() - timezone.timedelta(days=n + 1),
        )
        ReleaseIssuer.objects.create(release=release, institution=sanofi)
    withdrawn = PressRelease.objects.create(
        title_fr="Retiré",
        slug_fr="retire",
        status="withdrawn",
        publish_at=timezone.now() - timezone.timedelta(days=2),
        withdrawn_at=timezone.now() - timezone.timedelta(days=1),
    )
    ReleaseIssuer.objects.create(release=withdrawn, institution=sanofi)
    # An image and a document for the media library (the demo offers its three logos).
    from tests.helpers import add_attachment, add_image

    add_image(release, size=(800, 600), caption_fr="Légende", expires_on="2099-12-31")
    add_attachment(release, usage_restriction_fr="Uniquement pour ce communiqué")
    return site


def resolve(path):
    from newsroom.models import PressRelease

    if path.startswith("release:"):
        return PressRelease.objects.get(slug_fr__startswith="sanofi").get_absolute_url(
            path.split(":")[1]
        )
    if path.startswith("release-untranslated:"):
        return PressRelease.objects.get(slug_fr="non-traduit").get_absolute_url("en")
    return path


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_accessibility_violation(archive, page, name):
    page.goto(archive + resolve(PAGE_TYPES[name]))
    assert_accessible(page)


def test_every_page_type_is_valid_html(archive, tmp_path):
    from django.test import Client

    client = Client()
    files = []
    for name, path in PAGE_TYPES.items():
        response = client.get(resolve(path))
        assert response.status_code in (200, 404, 410), path
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    # The server-error page is static (it must render when nothing else does).
    files.append(Path(__file__).resolve().parents[2] / "templates" / "500.html")
    assert_valid_html(files)
