"""Text answers are gzipped for browsers that take it (newsroom/compression.py); files are not."""

import gzip

import pytest

GZIP = {"accept-encoding": "gzip, deflate, br"}


def pages(release):
    return (
        "/fr/",
        "/en/press-releases/",
        release.get_absolute_url("fr"),
        release.issuers.first().get_absolute_url(),
        "/fr/flux/rss/",
        "/sitemap.xml",
        "/fr/contacts-presse/",
    )


def test_pages_feeds_and_sitemaps_are_gzipped_for_browsers_that_take_them(client, demo_release):
    for url in pages(demo_release):
        plain = client.get(url)  # built, and kept whole by the page cache
        assert plain.status_code == 200 and "Content-Encoding" not in plain, url
        for served in (client.get(url, headers=GZIP), client.get(url, headers=GZIP)):
            assert served["Content-Encoding"] == "gzip", url
            assert "Accept-Encoding" in served["Vary"], url
            assert gzip.decompress(served.content) == plain.content, url
            assert len(served.content) < len(plain.content), url
        # The cache still holds the page whole: a browser without gzip gets it plain.
        again = client.get(url)
        assert "Content-Encoding" not in again and again.content == plain.content, url


def test_a_gzipped_pages_etag_still_gets_304(client, demo_release):
    url = demo_release.get_absolute_url("en")
    first = client.get(url, headers=GZIP)
    assert first["ETag"].startswith('W/"')  # weakened: the bytes differ from the plain answer
    again = client.get(url, headers={**GZIP, "if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_files_are_sent_as_they_are(client, demo_release):
    logo = demo_release.issuers.exclude(logo="").first().logo
    image = client.get(logo.url, headers=GZIP)
    assert image.status_code == 200 and image.streaming
    assert "Content-Encoding" not in image and int(image["Content-Length"]) == logo.size
    kit = client.get(f"{demo_release.get_absolute_url('fr')}kit-media/", headers=GZIP)
    assert kit.status_code == 200 and kit["Content-Type"] == "application/zip"
    assert "Content-Encoding" not in kit


@pytest.mark.parametrize("url", ["/robots.txt"])
def test_short_answers_are_left_plain(client, db, url):
    # Under 200 bytes gzip would make them longer (Django's own rule, kept).
    response = client.get(url, headers=GZIP)
    assert response.status_code == 200 and "Content-Encoding" not in response
