"""sitemap.xml: every public page in both languages, with hreflang alternates and x-default."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from partners.models import Institution, Partnership

from .models import PressRelease
from .partner_views import public_people


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None):
        """Add the x-default alternate: the default language's URL.

        Django's own ``x_default`` strips the language prefix, which assumes
        ``prefix_default_language=False``; ours keeps /fr/, so that URL would not exist.
        """
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            alternates = url["alternates"]
            default = next(
                (alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE),
                alternates[0] if alternates else None,
            )
            if default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
        return urls


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
        return release.translated_languages


class InstitutionSitemap(BilingualSitemap):
    def items(self):
        return Institution.objects.order_by("slug")


class PersonSitemap(BilingualSitemap):
    def items(self):
        return public_people().order_by("slug")


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
