"""Feeds read by a feed reader; sitemaps valid against the sitemaps.org schema; robots.txt."""

from pathlib import Path

import feedparser
import pytest
from django.utils import timezone
from lxml import etree

from core.languages import LANGUAGE_CODES
from newsroom.models import ReleaseIssuer
from newsroom.sitemaps import ReleaseSitemap
from partners.models import Institution
from tests.helpers import read_sitemaps, sitemap_locations

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parents[1] / "schemas"
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
FEEDS = {
    "fr": ["/fr/flux/rss/", "/fr/flux/atom/"],
    "en": ["/en/feeds/rss/", "/en/feeds/atom/"],
}


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("kind", [0, 1], ids=["rss", "atom"])
def test_feed_items_have_title_link_date_summary_authors(client, demo_release, language, kind):
    feed = parse_feed(client, FEEDS[language][kind])
    assert feed.version == ("rss20" if kind == 0 else "atom10")
    assert feed.feed.language == language if kind == 0 else True
    (entry,) = feed.entries
    title = demo_release.title_fr if language == "fr" else demo_release.title_en
    assert entry.title == title
    assert entry.link == f"http://testserver{demo_release.get_absolute_url(language)}"
    assert entry.published_parsed[:3] == (2023, 1, 19)
    assert entry.summary.startswith(
        "Sanofi et Gustave Roussy annoncent"
        if language == "fr"
        else "Sanofi and Gustave Roussy today announce"
    )
    assert entry.author == "Sanofi, Gustave Roussy"
    assert {tag.term for tag in entry.tags} >= {"Oncologie" if language == "fr" else "Oncology"}


def test_feeds_per_institution_and_topic(client, demo_release, make_release):
    other = make_release(title_fr="Communiqué Acme", title_en="Acme release")
    assert {e.title for e in parse_feed(client, "/fr/flux/rss/").entries} == {
        demo_release.title_fr,
        "Communiqué Acme",
    }
    sanofi = parse_feed(client, "/fr/institutions/sanofi/flux/rss/")
    assert [e.title for e in sanofi.entries] == [demo_release.title_fr]
    assert "Sanofi" in sanofi.feed.title
    acme = parse_feed(client, "/en/institutions/acme/feeds/atom/")
    assert [e.title for e in acme.entries] == ["Acme release"]
    topic = parse_feed(client, "/en/topics/oncology/feeds/rss/")
    assert [e.title for e in topic.entries] == [demo_release.title_en]
    assert parse_feed(client, "/fr/themes/oncologie/flux/atom/").entries
    assert other.pk


@pytest.mark.parametrize(
    "url", ["/fr/institutions/inconnue/flux/rss/", "/en/topics/nothing/feeds/atom/"]
)
def test_unknown_feed_scope_is_404(client, url):
    assert client.get(url).status_code == 404


def test_unpublished_releases_never_in_feeds(client, make_release):
    soon = timezone.now() + timezone.timedelta(hours=1)
    make_release(status="draft", title_fr="Brouillon secret", title_en="Draft secret")
    make_release(publish_at=soon, title_fr="Programmé secret", title_en="Scheduled secret")
    make_release(embargo_until=soon, title_fr="Embargo secret", title_en="Embargoed secret")
    make_release(status="withdrawn", title_fr="Retiré secret", title_en="Withdrawn secret")
    urls = [*FEEDS["fr"], *FEEDS["en"], "/fr/institutions/acme/flux/rss/"]
    for url in [*urls, "/en/institutions/acme/feeds/atom/"]:
        assert b"secret" not in client.get(url).content, url


def validate_sitemap(content):
    """sitemap.xsd imports news.xsd and xhtml-link.xsd and checks other namespaces strictly:
    a news sitemap's <news:news> blocks are validated too."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    document = etree.fromstring(content)
    schema.assertValid(document)
    return document


def test_sitemap_valid_bilingual_with_alternates(client, demo_release):
    documents = read_sitemaps(client)
    assert set(documents) == {
        "/sitemap-pages.xml",
        "/sitemap-institutions.xml",
        "/sitemap-people.xml",
        "/sitemap-partnerships.xml",
        "/sitemap-releases-2023.xml",
    }
    document = documents["/sitemap-releases-2023.xml"]
    locations = sitemap_locations(client)
    fr_url = f"http://testserver{demo_release.get_absolute_url('fr')}"
    en_url = f"http://testserver{demo_release.get_absolute_url('en')}"
    expected = {
        fr_url,
        en_url,
        "http://testserver/fr/",
        "http://testserver/en/",
        "http://testserver/fr/communiques/",
        "http://testserver/en/press-releases/",
        "http://testserver/fr/contacts-presse/",
        "http://testserver/en/media-contacts/",
        "http://testserver/fr/institutions/gustave-roussy/",
        "http://testserver/en/spokespeople/fabrice-barlesi/",
        "http://testserver/fr/partenariats/sanofi-gustave-roussy-oncologie/",
    }
    assert expected <= set(locations)
    (release_url,) = document.xpath(f"//s:url[s:loc='{en_url}']", namespaces=SITEMAP_NS)
    links = {
        link.get("hreflang"): link.get("href")
        for link in release_url.xpath("x:link", namespaces=SITEMAP_NS)
    }
    assert links == {"fr": fr_url, "en": en_url, "x-default": fr_url}
    # Every listed page exists.
    for location in locations:
        assert client.get(location.removeprefix("http://testserver")).status_code == 200


def test_sitemap_lists_untranslated_release_in_its_language_only(client, make_release):
    release = make_release(title_en="", title_fr="Seulement en français")
    fr_url = f"http://testserver{release.get_absolute_url('fr')}"
    locations = sitemap_locations(client)
    assert fr_url in locations
    assert f"http://testserver{release.get_absolute_url('en')}" not in locations


def test_sitemaps_leave_out_unpublished(client, make_release):
    make_release(status="draft", title_fr="Brouillon secret", title_en="Secret draft")
    make_release(embargo_until=timezone.now() + timezone.timedelta(hours=1), title_fr="Embargo")
    make_release(title_fr="Public")
    sections = [*read_sitemaps(client), "/sitemap.xml", "/news-sitemap.xml"]
    for url in sections:
        content = client.get(url).content.decode()
        assert "secret" not in content and "embargo" not in content, url


def test_the_archive_is_listed_a_year_at_a_time_in_pages(
    client, make_release, monkeypatch, django_assert_num_queries
):
    """A sitemap holds 50,000 URLs at most: releases are listed by year, in pages (of two
    releases here), and the index costs the same queries whatever the archive's size."""
    monkeypatch.setattr(ReleaseSitemap, "PER_PAGE", 2)
    for year in (2021, 2021, 2021, 2024):
        make_release(release_date=f"{year}-03-01")  # in French and English: 2 URLs each
    make_release(release_date="2021-06-01", title_en="")  # French only
    # The content version, whether institutions, people, partnerships have pages, the years.
    with django_assert_num_queries(5):
        client.get("/sitemap.xml")
    documents = read_sitemaps(client)
    assert [path for path in documents if "releases" in path] == [
        "/sitemap-releases-2024.xml",
        "/sitemap-releases-2021.xml",
        "/sitemap-releases-2021.xml?p=2",
    ]
    locations = sitemap_locations(client)
    assert len([url for url in locations if "/communiques/" in url]) == 6
    assert len([url for url in locations if "/press-releases/" in url]) == 5
    for path in ("/sitemap-releases-2022.xml", "/sitemap-releases-2021.xml?p=3", "/sitemap-x.xml"):
        assert client.get(path).status_code == 404, path
    for path in (
        "/sitemap-releases-99999.xml",
        "/sitemap-releases-0.xml",
        "/sitemap-releases-2021.xml?p=abc",
        "/sitemap-.xml",
    ):
        assert client.get(path).status_code == 404, path


def test_news_sitemap_has_the_last_two_days(client, make_release, institution):
    recent = make_release(title_fr="Tout récent", title_en="Brand new")
    old = make_release(publish_at=timezone.now() - timezone.timedelta(days=3), title_fr="Ancien")
    response = client.get("/news-sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    document = validate_sitemap(response.content)
    news = {"n": "http://www.google.com/schemas/sitemap-news/0.9", **SITEMAP_NS}
    titles = document.xpath("//n:title/text()", namespaces=news)
    assert sorted(titles) == ["Brand new", "Tout récent"]
    assert "Ancien" not in response.content.decode()
    languages = document.xpath("//n:language/text()", namespaces=news)
    assert sorted(languages) == ["en", "fr"]
    assert recent.pk and old.pk


def test_news_sitemap_keeps_to_googles_limit_the_most_recent_first(
    client, make_release, monkeypatch
):
    monkeypatch.setattr("newsroom.views.NEWS_SITEMAP_URLS", 4)  # 1,000 in production
    now = timezone.now()
    for hours in (5, 1, 3):
        make_release(
            publish_at=now - timezone.timedelta(hours=hours),
            title_fr=f"Il y a {hours} h",
            title_en=f"{hours} h ago",
        )
    document = validate_sitemap(client.get("/news-sitemap.xml").content)
    news = {"n": "http://www.google.com/schemas/sitemap-news/0.9"}
    assert document.xpath("//n:title/text()", namespaces=news) == [
        "Il y a 1 h",
        "1 h ago",
        "Il y a 3 h",
        "3 h ago",
    ]


def test_release_whose_embargo_just_lifted_is_news(client, make_release):
    now = timezone.now()
    release = make_release(
        publish_at=now - timezone.timedelta(days=3),
        embargo_until=now - timezone.timedelta(minutes=30),
        title_fr="Embargo levé",
        title_en="Embargo lifted",
    )
    document = validate_sitemap(client.get("/news-sitemap.xml").content)
    news = {"n": "http://www.google.com/schemas/sitemap-news/0.9"}
    assert sorted(document.xpath("//n:title/text()", namespaces=news)) == [
        "Embargo levé",
        "Embargo lifted",
    ]
    (entry,) = parse_feed(client, "/en/feeds/atom/").entries
    lifted = release.embargo_until.utctimetuple()
    assert entry.published_parsed[:5] == lifted[:5]


def test_institution_feed_links_to_its_page(client, demo_release):
    feed = parse_feed(client, "/en/institutions/paris-saclay-cancer-cluster/feeds/rss/")
    assert feed.feed.link == "http://testserver/en/institutions/paris-saclay-cancer-cluster/"
    assert client.get("/en/institutions/paris-saclay-cancer-cluster/").status_code == 200


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text


def test_co_issued_release_in_both_institution_feeds(client, demo_release):
    cluster = Institution.objects.get(slug="paris-saclay-cancer-cluster")
    ReleaseIssuer.objects.create(release=demo_release, institution=cluster, order=3)
    for slug in ("sanofi", "gustave-roussy", "paris-saclay-cancer-cluster"):
        feed = parse_feed(client, f"/fr/institutions/{slug}/flux/atom/")
        assert [e.title for e in feed.entries] == [demo_release.title_fr]
