"""Forgiving public URLs: a filter value the list cannot use is ignored with a word saying so, a
page past the end shows the last page, and the other language's path under a prefix redirects
to the page in the prefix's language (a release's slug included, never a hidden release's)."""

import re
from itertools import permutations

import pytest
from django.utils import timezone

from core.languages import LANGUAGE_CODES
from newsroom.models import Topic
from tests.helpers import HIDDEN_STATES

pytestmark = pytest.mark.django_db


def cards(html):
    return re.findall(r'<h[23] class="card-title"><a href="[^"]+">([^<]+)</a>', html)


def notices(html):
    found = re.search(r'<div class="notice" role="status">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/fr/communiques/?year=abc", "Aucun communiqué pour l’année « abc » : ce filtre est"),
        ("/en/press-releases/?year=abc", "No press release in the year “abc”: this filter is"),
        ("/fr/communiques/?year=1850", "Aucun communiqué pour l’année « 1850 »"),
        ("/fr/communiques/?institution=nobody", "Institution « nobody » inconnue"),
        ("/en/press-releases/?institution=nobody", "Unknown institution “nobody”"),
        ("/fr/communiques/?topic=oncology", "Thème « oncology » inconnu"),
        ("/en/press-releases/?topic=oncologie", "Unknown topic “oncologie”"),
    ],
)
def test_an_unusable_filter_is_ignored_and_said(client, demo_release, url, message):
    response = client.get(url)
    assert response.status_code == 200
    assert message in notices(response.text)
    assert len(cards(response.text)) == 1  # the list without the filter
    assert '<meta name="robots" content="noindex">' in response.text
    base = url.split("?")[0]
    assert f'<link rel="canonical" href="http://testserver{base}">' in response.text


def test_only_the_unusable_filter_is_dropped(client, demo_release, make_release):
    make_release(title_fr="Acme 2024", release_date="2024-03-01")
    response = client.get("/fr/communiques/?institution=sanofi&year=abc&topic=nothing")
    assert response.status_code == 200
    assert cards(response.text) == [demo_release.title_fr]
    said = notices(response.text)
    assert "« abc »" in said and "« nothing »" in said and "Institution «" not in said
    # Links (pages, canonical, language switch, "first page") keep the good filter only.
    assert 'href="/fr/communiques/?institution=sanofi"' in said
    assert 'href="/en/press-releases/?institution=sanofi" hreflang="en"' in response.text
    assert "year=abc" not in response.text.replace(said, "")


def test_a_hidden_institution_or_topic_is_as_unknown_as_a_missing_one(client, make_release):
    from newsroom.models import ReleaseIssuer
    from partners.models import Institution

    secret = Institution.objects.create(kind="company", name_fr="Secrète", slug="secrete")
    draft = make_release(status="draft")
    ReleaseIssuer.objects.create(release=draft, institution=secret)
    draft.topics.add(Topic.objects.create(name_fr="Rachat de Secrète"))
    for url in ("/fr/communiques/?institution=secrete", "/fr/communiques/?topic=rachat-de-secrete"):
        html = client.get(url).text
        assert "inconnu" in notices(html) and "Secrète" not in html


def test_hostile_values_are_quoted_escaped_and_short(client, demo_release):
    response = client.get("/fr/communiques/", {"institution": "<b>x</b>\x00" + "a" * 500})
    assert response.status_code == 200
    said = notices(response.text)
    assert "&lt;b&gt;x&lt;/b&gt; aaa" in said and "<b>" not in said and "a" * 60 not in said


def test_a_page_past_the_end_shows_the_last_page(client, make_release):
    for _ in range(25):
        make_release()
    for language, url, message in (
        ("fr", "/fr/communiques/?page=999", "Il n’y a pas de page 999 : la liste en compte 2"),
        ("en", "/en/press-releases/?page=999", "There is no page 999: the list has 2 pages"),
    ):
        response = client.get(url)
        assert response.status_code == 200, language
        assert len(re.findall(r'class="release-card"', response.text)) == 5  # page 2
        assert message in notices(response.text)
        assert f'<link rel="canonical" href="http://testserver{url[:-3]}2">' in response.text
        assert "page=999" not in response.text.replace(notices(response.text), "")
    huge = client.get("/fr/communiques/?page=" + "9" * 40)
    assert huge.status_code == 200 and "la liste en compte 2" in notices(huge.text)


def test_a_page_past_the_end_of_a_search_keeps_the_search(client, make_release):
    make_release(title_fr="Vaccin contre la grippe")
    response = client.get("/fr/communiques/?q=vaccin&page=3")
    assert response.status_code == 200
    assert response.text.count('class="release-card"') == 1
    assert 'href="/fr/communiques/?q=vaccin"' in notices(response.text)


def test_a_list_with_nothing_to_show_past_its_end_says_so(client, db):
    response = client.get("/fr/communiques/?page=4")
    assert response.status_code == 200
    assert "Il n’y a pas de page 4" in notices(response.text)


def test_a_valid_list_has_no_notice_and_is_indexed(client, demo_release):
    html = client.get("/fr/communiques/?year=2023").text
    assert not notices(html) and 'content="noindex"' not in html


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/fr/press-releases/", "/fr/communiques/"),
        ("/en/communiques/", "/en/press-releases/"),
        ("/fr/press-releases/?year=2023&q=cancer", "/fr/communiques/?year=2023&q=cancer"),
        ("/en/communiques/?topic=oncologie", "/en/press-releases/?topic=oncology"),
        ("/fr/press-releases/?topic=oncology", "/fr/communiques/?topic=oncologie"),
        ("/fr/institutions/sanofi/feeds/rss/", "/fr/institutions/sanofi/flux/rss/"),
        ("/fr/spokespeople/fabrice-barlesi/", "/fr/porte-parole/fabrice-barlesi/"),
        ("/en/porte-parole/fabrice-barlesi/", "/en/spokespeople/fabrice-barlesi/"),
        ("/fr/media-contacts/", "/fr/contacts-presse/"),
        ("/en/contacts-presse/", "/en/media-contacts/"),
        ("/fr/feeds/atom/", "/fr/flux/atom/"),
        ("/en/flux/rss/", "/en/feeds/rss/"),
        ("/fr/topics/oncology/feeds/rss/", "/fr/themes/oncologie/flux/rss/"),
        ("/en/alertes/", "/en/alerts/"),
        ("/fr/alerts/", "/fr/alertes/"),
        ("/fr/journalists/sign-up/", "/fr/journalistes/inscription/"),
        ("/en/journalistes/inscription/", "/en/journalists/sign-up/"),
    ],
)
def test_the_other_language_path_redirects(client, demo_release, url, target):
    response = client.get(url)
    assert response.status_code == 301, url
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_partnership_and_institution_paths(client, demo_release):
    from partners.models import Partnership

    slug = Partnership.objects.first().slug
    response = client.get(f"/fr/partnerships/{slug}/")
    assert response.status_code == 301
    assert client.get(response["Location"]).status_code == 200
    response = client.get(f"/en/partenariats/{slug}/")
    assert response["Location"] == f"/en/partnerships/{slug}/"
    # The same words in both languages: nothing to redirect.
    assert client.get("/fr/institutions/sanofi/").status_code == 200


@pytest.mark.parametrize(
    ("language", "other"),
    list(permutations(LANGUAGE_CODES, 2)),
)
def test_a_release_under_the_other_language_path_lands_on_itself(
    client, demo_release, language, other
):
    own = demo_release.get_absolute_url(language)
    words = {"fr": "communiques", "en": "press-releases"}
    kit = {"fr": "kit-media", "en": "media-kit"}
    for slug in (demo_release.slug_fr, demo_release.slug_en):
        url = f"/{language}/{words[other]}/{slug}/"
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == own  # one hop, the slug of the prefix's language
        response = client.get(f"/{language}/{words[other]}/{slug}/{kit[other]}/")
        assert response.status_code == 301
        assert response["Location"] == f"{own}{kit[language]}/"


def test_the_other_slug_of_a_kit_redirects_to_the_kit(client, demo_release):
    response = client.get(f"/fr/communiques/{demo_release.slug_en}/kit-media/")
    assert response.status_code == 301
    assert response["Location"] == demo_release.get_absolute_url("fr") + "kit-media/"


@pytest.mark.parametrize("fields", HIDDEN_STATES)
def test_a_hidden_release_is_never_revealed_by_a_redirect(client, make_release, fields):
    release = make_release(title_fr="Confidentiel", title_en="Hidden", **fields)
    for url in (
        f"/fr/press-releases/{release.slug_en}/",
        f"/fr/press-releases/{release.slug_fr}/",
        f"/en/communiques/{release.slug_fr}/",
        f"/en/communiques/{release.slug_en}/kit-media/",
        f"/fr/communiques/{release.slug_en}/",
        f"/fr/communiques/{release.slug_en}/kit-media/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        if release.slug_fr not in url:
            assert release.slug_fr not in response.text.lower(), url
    unknown = client.get("/fr/press-releases/nothing-here/")
    assert unknown.status_code == 404


def test_an_embargoed_release_redirects_for_accredited_journalists_only(
    client, make_release, make_journalist
):
    release = make_release(embargo_until=timezone.now() + timezone.timedelta(hours=1))
    url = f"/fr/press-releases/{release.slug_en}/"
    assert client.get(url).status_code == 404
    client.force_login(make_journalist())
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == release.get_absolute_url("fr")
    assert "private" in response["Cache-Control"]


def test_a_withdrawn_release_goes_to_its_410(client, make_release):
    release = make_release()
    release.status = "withdrawn"
    release.withdrawn_at = timezone.now()
    release.save()
    response = client.get(f"/fr/press-releases/{release.slug_en}/")
    assert response.status_code == 301
    assert client.get(response["Location"]).status_code == 410


@pytest.mark.parametrize("url", ["/fr/nowhere/", "/fr/communiques/nexiste-pas/", "/de/x/"])
def test_paths_of_no_language_stay_404(client, url):
    assert client.get(url).status_code == 404


def test_a_post_is_not_redirected(client):
    assert client.post("/fr/alerts/", {}).status_code == 404


def test_the_redirect_holds_with_debug_on(client, demo_release, settings):
    """`make run` serves with DEBUG on, where Django skips the 404 handler."""
    settings.DEBUG = True
    response = client.get("/fr/press-releases/")
    assert (response.status_code, response["Location"]) == (301, "/fr/communiques/")
