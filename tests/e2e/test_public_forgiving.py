"""A reader with a broken or mixed link still finds releases: an unusable filter is ignored
and said, a page past the end shows the last page, the other language's path lands on the
page in the prefix's language (a release's English slug under /fr/ on the French release)."""

import pytest

from tests.e2e.quality import assert_accessible, assert_valid_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_unusable_filter_shows_the_list_with_a_word(site, page, tmp_path):
    response = page.goto(f"{site}/fr/communiques/?year=abc")
    assert response.status == 200
    notice = page.locator(".notice[role=status]")
    assert "Aucun communiqué pour l’année « abc » : ce filtre est ignoré." in notice.inner_text()
    assert page.locator(".release-card").count() == 1  # the demo release, unfiltered
    assert page.locator("#id_year").input_value() == ""  # "All years" selected
    assert_accessible(page)
    # The notice's link leads to the list without the ignored filter.
    notice.get_by_role("link").click()
    assert page.url == f"{site}/fr/communiques/"
    assert page.locator(".notice").count() == 0
    # Past the end, in English: the last page, and a word.
    response = page.goto(f"{site}/en/press-releases/?page=7")
    assert response.status == 200
    assert "There is no page 7" in page.locator(".notice[role=status]").inner_text()
    assert page.locator(".release-card").count() == 1
    assert_accessible(page)
    from django.test import Client

    files = []
    for name, url in (
        ("ignored", "/fr/communiques/?year=abc&institution=x"),
        ("past", "/en/press-releases/?page=7"),
    ):
        file = tmp_path / f"{name}.html"
        file.write_bytes(Client().get(url).content)
        files.append(file)
    assert_valid_html(files, report="vnu-forgiving.json")


def test_the_other_language_path_lands_in_the_prefix_language(site, page):
    from newsroom.models import PressRelease

    release = PressRelease.objects.get(slug_fr__startswith="sanofi")
    response = page.goto(f"{site}/fr/press-releases/")
    assert response.status == 200
    assert page.url == f"{site}/fr/communiques/"
    assert page.locator("h1").inner_text() == "Communiqués de presse"
    # A release's English slug under /fr/ (with the English words): the French release.
    page.goto(f"{site}/fr/press-releases/{release.slug_en}/")
    assert page.url == f"{site}/fr/communiques/{release.slug_fr}/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == release.title_fr
    # And the other way round.
    page.goto(f"{site}/en/communiques/{release.slug_fr}/")
    assert page.url == f"{site}/en/press-releases/{release.slug_en}/"
    assert page.locator("h1").inner_text() == release.title_en
