"""The first public view: /fr/ and /en/ list published releases; each release page shows every
part of the seed in the reader's language."""

import re
from itertools import permutations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from core.languages import LANGUAGE_CODES
from newsroom import page_cache
from newsroom.models import PressRelease, Quote, ReleaseContact, ReleaseIssuer
from partners.models import Institution, MediaContact, Person
from tests.helpers import add_image, add_video, add_video_link

pytestmark = pytest.mark.django_db

HEADLINES = {
    "fr": "Sanofi et Gustave Roussy renforcent leur collaboration stratégique de recherche en "
    "oncologie",
    "en": "Sanofi and Gustave Roussy strengthen their strategic research collaboration in oncology",
}

# Each part of the seed, as the reader sees it in each language.
SEED_PARTS = {
    "fr": [
        "Paris et Villejuif, France",
        '<time datetime="2023-01-19">19 janvier 2023</time>',
        "<li>le premier consiste à déterminer des cibles spécifiques",
        "« persistantes » responsables des rechutes.</li>",
        "plateformes technologiques du Paris Saclay Cancer Cluster",
        "L’extension de notre collaboration avec Sanofi",
        'Pr Fabrice Barlesi</a>, <span class="speaker-title">Directeur Général de Gustave Roussy',
        'Jacques Volckmann</a>, <span class="speaker-title">Vice-Président Recherche et '
        "Développement Sanofi France",
        "À propos de Gustave Roussy",
        "À propos de Sanofi",
        "Classé premier centre européen et troisième au niveau mondial",
        "poursuivre les miracles de la science",
        "EURONEXT : SAN",
        "NASDAQ : SNY",
        '<a href="https://www.gustaveroussy.fr">www.gustaveroussy.fr</a>',
        ">Facebook</a>",
        ">LinkedIn</a>",
        ">Instagram</a>",
        ">X (Twitter)</a>",
        "Contacts presse",
        "Claire Parisel",
        '<a href="tel:+33142115059">01 42 11 50 59</a>',
        '<a href="mailto:claire.parisel@gustaveroussy.fr">',
        "Chrystel Baude",
        '<a href="tel:+33157632504">01 57 63 25 04</a>',
        '<a href="mailto:chrystel.baude@sanofi.com">',
        "Projets de recherche",
        "Cibles des cellules immunitaires myéloïdes",
        "Oncologie",
    ],
    "en": [
        "Paris and Villejuif, France",
        '<time datetime="2023-01-19">January 19, 2023</time>',
        "<li>the first aims to identify targets specific",
        "“persister” cells responsible for relapses.</li>",
        "technology platforms of the Paris Saclay Cancer Cluster",
        "The extension of our collaboration with Sanofi",
        'Prof. Fabrice Barlesi</a>, <span class="speaker-title">Chief Executive Officer of '
        "Gustave Roussy",
        'Jacques Volckmann</a>, <span class="speaker-title">Vice President, Research and '
        "Development, Sanofi France",
        "About Gustave Roussy",
        "About Sanofi",
        "Ranked the leading cancer centre in Europe",
        "the miracles of science",
        "EURONEXT: SAN",
        "NASDAQ: SNY",
        '<a href="https://www.gustaveroussy.fr">www.gustaveroussy.fr</a>',
        ">Instagram</a>",
        "Media contacts",
        "Claire Parisel",
        '<a href="tel:+33142115059">+33 1 42 11 50 59</a>',
        "Chrystel Baude",
        "Research projects",
        "Targets of myeloid immune cells",
        "Oncology",
    ],
}


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.text


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_home_lists_the_seed_release(client, demo_release, language):
    html = page(client, f"/{language}/")
    assert f'<html lang="{language}">' in html
    assert HEADLINES[language] in html
    assert demo_release.get_absolute_url(language) in html


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] in ("/fr/", "/en/")


def test_admin_login_page(client):
    assert client.get("/admin/").status_code == 302
    assert page(client, "/admin/login/")


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_release_page_shows_every_part_of_the_seed(client, demo_release, language):
    html = page(client, demo_release.get_absolute_url(language))
    assert f"<h1>{HEADLINES[language]}</h1>" in html
    missing = [part for part in SEED_PARTS[language] if part not in html]
    assert not missing
    assert html.count("<li>") >= 3 + 3  # the body's bullets and the research projects
    # Boilerplates in issuer order: Sanofi, then Gustave Roussy.
    assert html.index('id="about-sanofi"') < html.index('id="about-gustave-roussy"')


def test_release_urls_use_translated_words_and_slugs(demo_release):
    assert demo_release.get_absolute_url("fr") == (
        "/fr/communiques/sanofi-et-gustave-roussy-renforcent-leur-collaboration-strategique-de-"
        "recherche-en-oncologie/"
    )
    assert demo_release.get_absolute_url("en").startswith("/en/press-releases/sanofi-and-")


@pytest.mark.parametrize(("language", "other"), list(permutations(LANGUAGE_CODES, 2)))
def test_language_switch_and_hreflang_land_on_the_same_release(
    client, demo_release, language, other
):
    html = page(client, demo_release.get_absolute_url(language))
    other_url = demo_release.get_absolute_url(other)
    assert f'<a href="{other_url}" hreflang="{other}" lang="{other}">' in html
    assert f'<link rel="alternate" hreflang="{other}" href="http://testserver{other_url}">' in html
    french = demo_release.get_absolute_url("fr")
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{french}">' in html
    assert HEADLINES[other] in page(client, other_url)


def test_other_language_slug_redirects_to_this_language(client, demo_release):
    wrong = f"/en/press-releases/{demo_release.slug_fr}/"
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == demo_release.get_absolute_url("en")


def test_untranslated_release_shown_in_original_language_with_notice(client, make_release):
    release = make_release(title_en="", title_fr="Seulement en français", body_fr="<p>Texte</p>")
    url = release.get_absolute_url("en")
    assert url == f"/en/press-releases/{release.slug_fr}/"
    html = page(client, url)
    assert "not translated yet" in html
    assert '<div class="release-text" lang="fr">' in html
    assert "Seulement en français" in page(client, "/en/")
    assert "pas encore traduit" not in page(client, release.get_absolute_url("fr"))


def test_title_alone_is_not_a_translation(client, make_release):
    release = make_release(
        title_fr="Titre complet", body_fr="<p>Le texte</p>", title_en="English title only"
    )
    html = page(client, release.get_absolute_url("en"))
    assert "not translated yet" in html
    assert '<div class="release-text" lang="fr">' in html
    assert "<h1>Titre complet</h1>" in html and "English title only" not in html


def test_quote_title_override_is_not_shown_in_the_other_language(client, demo_release):
    quote = demo_release.quotes.first()
    quote.speaker_title_fr = "Directeur général (fonction à la date du communiqué)"
    quote.save()
    assert "fonction à la date du communiqué" in page(client, demo_release.get_absolute_url("fr"))
    english = page(client, demo_release.get_absolute_url("en"))
    assert "fonction à la date" not in english
    assert "Chief Executive Officer of Gustave Roussy" in english


def test_rich_text_written_around_save_is_still_sanitised_on_output(client, demo_release):
    type(demo_release).objects.filter(pk=demo_release.pk).update(
        body_fr='<p>ok</p><script>alert("bypass")</script><img src=x onerror=alert(2)>'
    )
    html = page(client, demo_release.get_absolute_url("fr"))
    assert "<p>ok</p>" in html and "bypass" not in html and "onerror" not in html


@pytest.mark.parametrize("status", ["draft", "in_review", "approved", "withdrawn"])
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_unpublished_release_is_404_and_unlisted(client, make_release, status, language):
    release = make_release(status=status, title_fr=f"Secret {status}", title_en=f"Secret {status}")
    assert client.get(release.get_absolute_url(language)).status_code == 404
    assert "Secret" not in page(client, f"/{language}/")


def test_scheduled_and_embargoed_releases_hidden_until_their_minute(client, make_release):
    soon = timezone.now() + timezone.timedelta(minutes=5)
    scheduled = make_release(publish_at=soon, title_fr="Programmé")
    embargoed = make_release(embargo_until=soon, title_fr="Sous embargo")
    for release in (scheduled, embargoed):
        assert client.get(release.get_absolute_url("fr")).status_code == 404
    html = page(client, "/fr/")
    assert "Programmé" not in html and "Sous embargo" not in html


def test_internal_contacts_never_shown(client, demo_release):
    internal = MediaContact.objects.create(
        institution=demo_release.issuers.first(),
        name="Numéro interne",
        phone="0600000000",
        is_public=False,
    )
    ReleaseContact.objects.create(release=demo_release, contact=internal, order=9)
    html = page(client, demo_release.get_absolute_url("fr"))
    assert "Numéro interne" not in html and "0600000000" not in html and "06 00" not in html


@pytest.mark.parametrize("url", ["/fr/communiques/nexiste-pas/", "/en/nowhere/", "/de/"])
def test_unknown_urls_are_404(client, url):
    assert client.get(url).status_code == 404


def test_body_html_is_rendered_as_sanitised_markup(client, make_release):
    release = make_release(body_fr='<p>Bonjour <em>monde</em></p><script>alert("x")</script>')
    html = page(client, release.get_absolute_url("fr"))
    assert "<p>Bonjour <em>monde</em></p>" in html
    assert 'alert("x")' not in html


def test_text_fields_are_escaped(client, make_release):
    release = make_release(title_fr='<img src=x onerror="alert(1)">')
    html = page(client, release.get_absolute_url("fr"))
    assert "<img src=x" not in html and "&lt;img src=x" in html


def add_quotes(release, count):
    person = Person.objects.create(
        first_name="Ada", last_name=f"L{release.pk}", slug=f"a{release.pk}"
    )
    for n in range(count):
        Quote.objects.create(release=release, person=person, text_fr=f"Citation {n}", order=n)


def test_release_page_query_count_does_not_grow(
    client, demo_release, django_assert_num_queries, uncached
):
    """Guards against N+1 queries: quotes, contacts, images, related releases are prefetched."""
    sanofi = demo_release.issuers.first()

    def add_related(count):
        for n in range(count):
            other = PressRelease.objects.create(
                title_fr=f"Autre {n}",
                status="published",
                publish_at=timezone.now() - timezone.timedelta(days=1),
            )
            ReleaseIssuer.objects.create(release=other, institution=sanofi)

    add_related(1)
    url = demo_release.get_absolute_url("fr")
    client.get(url)  # warm up (session, content types)
    uncached()
    # With the content version, and the related releases' ids before their cards.
    with django_assert_num_queries(19) as captured:
        client.get(url)
    add_related(5)
    add_quotes(demo_release, 10)
    for n in range(5):
        contact = MediaContact.objects.create(institution=sanofi, name=f"C{n}", email=f"c{n}@x.org")
        ReleaseContact.objects.create(release=demo_release, contact=contact, order=10 + n)
    for n in range(10):
        add_image(demo_release, size=(64, 48), alt_text_fr=f"Image {n}")
    for n in range(3):
        add_video(demo_release, title_fr=f"Vidéo {n}")
        add_video_link(demo_release, title_fr=f"Lien {n}")
    for n in range(3):  # five issuers, each with its listing and network
        other = Institution.objects.create(kind="company", name_fr=f"Émetteur {n}", slug=f"e{n}")
        other.stock_listings.create(exchange="EURONEXT", ticker=f"E{n}")
        other.social_profiles.create(network="linkedin", url=f"https://www.linkedin.com/e{n}")
        ReleaseIssuer.objects.create(release=demo_release, institution=other, order=10 + n)
    with django_assert_num_queries(len(captured)):
        html = client.get(url).text
    assert "Citation 9" in html and "C4" in html and html.count("Autre ") == 3
    assert "Image 9" in html and "Émetteur 2" in html and "E2" in html
    assert "Vidéo 2" in html and "Lien 2" in html


def test_list_query_count_does_not_grow(client, make_release, django_assert_num_queries):
    for _ in range(3):
        make_release()
    # The content version (page cache), filter options (3), count, the page's ids, then its
    # cards: releases, their issuers and images.
    with django_assert_num_queries(9) as captured:
        client.get("/fr/communiques/")
    for _ in range(30):
        make_release()
    with django_assert_num_queries(len(captured)):
        html = client.get("/fr/communiques/").text
    assert len(re.findall(r'class="release-card"', html)) == 20


def test_pagination(client, make_release):
    for _ in range(25):
        make_release()
    assert "Page 1 sur 2" in page(client, "/fr/communiques/")
    second = page(client, "/fr/communiques/?page=2")
    assert len(re.findall(r'class="release-card"', second)) == 5
    # Past the last page: the last page, and a word (tests/site/test_forgiving_urls.py).
    assert "Il n’y a pas de page 999" in page(client, "/fr/communiques/?page=999")
    for not_a_number in ("abc", "-1", "0", "1e9999", "%00"):
        html = page(client, f"/fr/communiques/?page={not_a_number}")
        assert "Page 1 sur 2" in html


def test_a_long_list_is_not_counted_to_its_end(client, make_release, monkeypatch):
    """The list counts at most AHEAD pages past the one asked for (here 1, of 20 releases):
    "page 1 of more than 2", and the count stops there in the database."""
    monkeypatch.setattr("core.paging.AHEAD", 1)
    for _ in range(81):  # five pages
        make_release()
    with CaptureQueriesContext(connection) as captured:
        assert "Page 1 sur plus de 2" in page(client, "/fr/communiques/")
    (count,) = [query["sql"] for query in captured if "COUNT(*)" in query["sql"]]
    assert "LIMIT 41" in count  # two pages and one more row
    assert "Page 3 sur plus de 4" in page(client, "/fr/communiques/?page=3")
    assert "Page 5 sur 5" in page(client, "/fr/communiques/?page=5")
    assert len(re.findall(r'class="release-card"', page(client, "/fr/communiques/?page=5"))) == 1
    assert "pas de page 6 : la liste en compte 5" in page(client, "/fr/communiques/?page=6")


def test_dates_localised(client, demo_release):
    with translation.override("en"):
        assert "January 19, 2023" in page(client, "/en/")
    assert "19 janvier 2023" in page(client, "/fr/")


@pytest.mark.parametrize("query", ["", "?q=communiqué", "?status__exact=published"])
def test_admin_change_list_query_count_does_not_grow(
    staff_client, make_release, make_staff, institution, django_assert_num_queries, query
):
    """An administrator (everything) and an editor (their institutions') run as many queries
    with 300 releases as with 3."""
    editor = Client()
    editor.force_login(make_staff("Editor", institution))
    readers = (("administrator", staff_client), ("editor", editor))
    url = f"/admin/newsroom/pressrelease/{query}"
    for _ in range(3):
        make_release()
    counts = {}
    for name, reader in readers:
        reader.get(url)
        with CaptureQueriesContext(connection) as small:
            assert reader.get(url).status_code == 200
        counts[name] = len(small)
    with page_cache.deferred():
        for _ in range(297):
            make_release()
    for name, reader in readers:
        with django_assert_num_queries(counts[name]):
            html = reader.get(url).text
        assert html.count("Communiqué numéro") == 100, name  # a full page of the 300
