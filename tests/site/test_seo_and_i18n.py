"""Discovery metadata (canonical, hreflang, Open Graph, Twitter, JSON-LD), languages and errors."""

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import path
from django.utils import timezone, translation

from core.languages import LANGUAGE_CODES
from newsroom.models import ReleaseIssuer
from partners.models import Institution
from tests.helpers import add_image

pytestmark = pytest.mark.django_db
LOCALE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"


def meta(html, key):
    """The content of <meta property|name="key">, all of them."""
    return re.findall(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)


def jsonld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_release_page_metadata(client, demo_release):
    demo_release.images.all().delete()  # without an image, its first issuer's logo is shown
    url = demo_release.get_absolute_url("en")
    html = client.get(url).text
    absolute = f"http://testserver{url}"
    assert f'<link rel="canonical" href="{absolute}">' in html
    assert meta(html, "og:url") == [absolute]
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:title") == [demo_release.title_en]
    assert meta(html, "og:locale") == ["en_GB"] and meta(html, "og:locale:alternate") == ["fr_FR"]
    assert meta(html, "og:description")[0].startswith("Sanofi and Gustave Roussy today announce")
    logo = Institution.objects.get(slug="sanofi").logo
    assert meta(html, "og:image") == [f"http://testserver{logo.url}"]
    assert meta(html, "twitter:card") == ["summary"]
    assert meta(html, "article:published_time") == ["2023-01-19T09:00:00+01:00"]


def test_release_with_image_uses_it_for_previews(client, make_release):
    release = make_release()
    image = add_image(release)
    html = client.get(release.get_absolute_url("fr")).text
    assert meta(html, "og:image") == [f"http://testserver{image.web.url}"]
    assert meta(html, "twitter:card") == ["summary_large_image"]
    (picture,) = jsonld(html)["image"]
    assert picture["@type"] == "ImageObject"
    assert picture["url"] == f"http://testserver{image.web.url}"
    assert picture["contentUrl"] == f"http://testserver{image.image.url}"
    # Its rights, as search engines show them (core.rights.Licensed.rights_jsonld).
    assert picture["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert picture["creditText"] == "Studio" and picture["copyrightNotice"] == "© Studio"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_news_article_json_ld(client, demo_release, language):
    cluster = Institution.objects.get(slug="paris-saclay-cancer-cluster")
    ReleaseIssuer.objects.create(release=demo_release, institution=cluster, order=3)
    url = demo_release.get_absolute_url(language)
    data = jsonld(client.get(url).text)
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == getattr(demo_release, f"title_{language}")
    assert data["inLanguage"] == language
    assert data["datePublished"] == "2023-01-19T08:00:00+00:00"
    assert data["dateModified"]
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": f"http://testserver{url}"}
    # The issuers wrote it; the newsroom (its identity, in the page's language) publishes it.
    authors = {org["name"]: org for org in data["author"]}
    assert set(authors) == {"Sanofi", "Gustave Roussy", "Paris Saclay Cancer Cluster"}
    assert authors["Sanofi"]["@type"] == "Corporation"
    assert authors["Gustave Roussy"]["@type"] == "Organization"
    assert authors["Gustave Roussy"]["url"] == "https://www.gustaveroussy.fr"
    assert all(org["logo"].startswith("http://testserver/media/logos/") for org in authors.values())
    assert data["publisher"] == {
        "@type": "Organization",
        "name": {"fr": "Salle de presse", "en": "Newsroom"}[language],
        "url": f"http://testserver/{language}/",
    }
    assert data["image"]


def test_json_ld_cannot_break_out_of_its_script(client, make_release):
    release = make_release(title_fr="</script><script>alert(1)</script>")
    html = client.get(release.get_absolute_url("fr")).text
    assert "<script>alert(1)" not in html
    assert jsonld(html)["headline"] == "</script><script>alert(1)</script>"


def test_organization_json_ld_on_institution_pages(client, demo_release):
    sanofi = jsonld(client.get("/en/institutions/sanofi/").text)
    assert sanofi["@type"] == "Corporation"
    assert sanofi["tickerSymbol"] == ["EPA SAN", "NASDAQ SNY"]
    assert sanofi["url"] == "https://www.sanofi.com"
    logo = Institution.objects.get(slug="sanofi").logo
    assert sanofi["logo"] == f"http://testserver{logo.url}" and logo.name.startswith("logos/")
    roussy = jsonld(client.get("/fr/institutions/gustave-roussy/").text)
    assert roussy["@type"] == "Organization"
    assert "tickerSymbol" not in roussy
    assert roussy["sameAs"] == [
        "https://twitter.com/GustaveRoussy",
        "https://www.facebook.com/gustaveroussy",
        "https://www.linkedin.com/company/gustave-roussy",
        "https://www.instagram.com/gustaveroussy/",
    ]
    assert roussy["address"] == [
        {"@type": "PostalAddress", "addressLocality": "Villejuif", "addressCountry": "France"},
        {"@type": "PostalAddress", "addressLocality": "Chevilly-Larue", "addressCountry": "France"},
    ]
    assert roussy["memberOf"][0]["name"] == "Paris Saclay Cancer Cluster"


@pytest.mark.parametrize(
    "url",
    [
        "/fr/",
        "/en/press-releases/",
        "/fr/institutions/sanofi/",
        "/en/spokespeople/jacques-volckmann/",
        "/fr/partenariats/sanofi-gustave-roussy-oncologie/",
        "/en/media-contacts/",
    ],
)
def test_every_page_has_canonical_hreflang_and_a_working_language_switch(client, demo_release, url):
    html = client.get(url).text
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(links) == {*LANGUAGE_CODES, "x-default"}
    assert links["x-default"] == links["fr"]
    for code in LANGUAGE_CODES:
        response = client.get(links[code].removeprefix("http://testserver"))
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.text


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR", "/fr/"), ("de-DE", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_by_accept_language_default_french(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == target


def test_french_catalogue_complete_and_compiled():
    """Every UI string has a French translation, and the committed .mo matches the .po
    (so a fresh clone has translated pages without running compilemessages)."""
    po = polib.pofile(str(LOCALE / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated and not fuzzy
    mo = {entry.msgid: entry.msgstr for entry in polib.mofile(str(LOCALE / "django.mo"))}
    assert {entry.msgid: entry.msgstr for entry in po.translated_entries()} == mo


def test_ui_strings_translated_on_french_pages(client, demo_release):
    html = client.get("/fr/").text
    for english in ("Latest press releases", "Media contacts", "Skip to content"):
        assert english not in html
    with translation.override("fr"):
        assert "Derniers communiqués" in html


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/fr/communiques/inexistant/", "Page introuvable"),
        ("/en/press-releases/missing/", "Page not found"),
        ("/en/institutions/nobody/", "Page not found"),
        ("/fr/porte-parole/personne/", "Page introuvable"),
        ("/xx/", "Page introuvable"),
    ],
)
def test_custom_404_in_the_reader_language(client, url, title):
    response = client.get(url)
    assert response.status_code == 404
    assert f"<h1>{title}</h1>" in response.text


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", broken_view)]


@override_settings(ROOT_URLCONF=__name__)
def test_custom_500_in_both_languages(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Erreur du serveur" in response.text and "Server error" in response.text
    assert "boom" not in response.text


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_untranslated_release_announces_only_its_language(client, make_release):
    release = make_release(title_fr="", title_en="English only", original_language="en")
    english = f"http://testserver{release.get_absolute_url('en')}"
    html = client.get(release.get_absolute_url("fr")).text
    assert hreflangs(html) == {"en": english, "x-default": english}
    # The language switch still offers both.
    assert f'href="{release.get_absolute_url("en")}" hreflang="en"' in html


def test_canonical_keeps_the_filters(client, demo_release):
    html = client.get("/fr/communiques/?institution=sanofi").text
    assert (
        '<link rel="canonical" href="http://testserver/fr/communiques/?institution=sanofi">' in html
    )
    assert hreflangs(html)["en"] == "http://testserver/en/press-releases/?institution=sanofi"


def test_error_pages_announce_no_alternates_and_switch_to_homes(client):
    html = client.get("/en/press-releases/missing/").text
    assert 'rel="canonical"' not in html and not hreflangs(html)
    assert '<meta name="robots" content="noindex">' in html
    assert '<a href="/fr/" hreflang="fr" lang="fr">' in html


def test_fallback_text_is_marked_with_its_language(client, make_release, institution):
    release = make_release(
        title_fr="Titre",
        title_en="Title",
        body_fr="<p>Texte</p>",
        body_en="<p>Text</p>",
        subtitle_fr="Sous-titre seulement en français",
        dateline_fr="Paris, France",
    )
    institution.boilerplate_fr = "<p>Présentation en français</p>"
    institution.save()
    html = client.get(release.get_absolute_url("en")).text
    assert '<div class="release-text" lang="en">' in html
    assert '<p class="subtitle" lang="fr">Sous-titre seulement en français</p>' in html
    assert '<span class="place" lang="fr">Paris, France</span>' in html
    assert '<div lang="fr"><p>Présentation en français</p></div>' in html
    assert '<h2 id="images-title">' not in html  # no images: no section


def test_english_media_kit_uses_english_quotation_marks(client, demo_release):
    import io
    import zipfile

    response = client.get(demo_release.get_absolute_url("en") + "media-kit/")
    text = zipfile.ZipFile(io.BytesIO(response.getvalue())).read(f"{demo_release.slug_en}.txt")
    assert "“The extension of our collaboration" in text.decode()
    assert "«" not in text.decode()


def test_plain_text_boilerplate_decodes_entities(institution):
    institution.boilerplate_fr = "<p>R&amp;D &lt;oncologie&gt;&nbsp;: 4&nbsp;100</p>"
    institution.save()
    with translation.override("fr"):
        assert institution.boilerplate_text == "R&D <oncologie>\xa0: 4\xa0100"


def test_embargoed_release_dated_when_the_embargo_lifted(client, make_release):
    now = timezone.now()
    release = make_release(
        publish_at=now - timezone.timedelta(days=2), embargo_until=now - timezone.timedelta(hours=1)
    )
    html = client.get(release.get_absolute_url("fr")).text
    assert jsonld(html)["datePublished"] == release.embargo_until.isoformat()
