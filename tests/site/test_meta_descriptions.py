"""Each public page type has its own meta description (search results' snippet, Lighthouse's
SEO audit), in the page's language."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from core.languages import LANGUAGE_CODES
from core.templatetags.richtext import plaintext
from partners.models import Institution, Partnership, Person

pytestmark = pytest.mark.django_db


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1
    return unescape(found[0])


def pages(release, language):
    institution = Institution.objects.get(slug="gustave-roussy")
    with translation.override(language):
        return {
            "home": reverse("newsroom:home"),
            "list": reverse("newsroom:release_list"),
            "release": release.get_absolute_url(language),
            "institution": institution.get_absolute_url(),
            "person": Person.objects.filter(slug__gt="").first().get_absolute_url(),
            "partnership": Partnership.objects.get().get_absolute_url(),
            "contacts": reverse("newsroom:contacts"),
        }


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_type_has_its_own_description(client, demo_release, language):
    found = {}
    for page, url in pages(demo_release, language).items():
        response = client.get(url)
        assert response.status_code == 200, url
        found[page] = description(response.text)
        assert len(found[page]) > 20, (page, found[page])
        assert '<meta name="theme-color" content="#' in response.text, url
    assert len(set(found.values())) == len(found), found
    words = {"fr": "tous les communiqués", "en": "every press release"}[language]
    assert words in found["list"].lower()


def test_a_partnerships_description_is_its_text_plain():
    assert plaintext("<p>Gustave Roussy &amp; Sanofi:<br>\n  <strong>dix ans</strong></p>") == (
        "Gustave Roussy & Sanofi: dix ans"
    )
    assert plaintext(None) == ""
