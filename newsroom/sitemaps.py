"""sitemap.xml: every public page in both languages, with hreflang alternates and x-default."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from partners.models import Institution, Partnership, Person

from .models import PressRelease

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return ["newsroom:home", "newsroom:release_list", "newsroom:contacts"]

    def location(self, name):
        return reverse(name)


class ReleaseSitemap(BilingualSitemap):
    def items(self):
        return PressRelease.objects.published().order_by("-publish_at", "pk")

    def lastmod(self, release):
        return release.updated_at

    def get_languages_for_item(self, release):
        # Only the languages the release is written in: an untranslated page is no alternate.
        return [code for code in LANGUAGE_CODES if release.is_translated(code)] or [
            release.original_language
        ]


class InstitutionSitemap(BilingualSitemap):
    def items(self):
        return Institution.objects.order_by("slug")


class PersonSitemap(BilingualSitemap):
    def items(self):
        return Person.objects.order_by("slug")


class PartnershipSitemap(BilingualSitemap):
    def items(self):
        return Partnership.objects.order_by("slug")


SITEMAPS = {
    "pages": PageSitemap,
    "releases": ReleaseSitemap,
    "institutions": InstitutionSitemap,
    "people": PersonSitemap,
    "partnerships": PartnershipSitemap,
}
