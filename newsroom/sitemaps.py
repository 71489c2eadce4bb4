"""sitemap.xml: an index of sitemaps listing every public page in both languages, with hreflang
alternates and x-default. Releases are listed a year at a time, each year in pages of at most
``ReleaseSitemap.PER_PAGE`` releases: a sitemap holds 50,000 URLs at most (sitemaps.org), and
an archive of 100,000 bilingual releases has 200,000."""

import datetime
from math import ceil

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.languages import LANGUAGE_CODES

from .listing import listed_institutions, listed_partnerships, listed_people
from .models import PressRelease, written_in


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None):
        """Add the x-default alternate (``with_default``)."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = with_default(url["alternates"])
        return urls


class PageSitemap(BilingualSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "newsroom:home",
            "newsroom:release_list",
            "newsroom:contacts",
            "newsroom:media_library",
        ]

    def location(self, name):
        return reverse(name)


class ReleaseSitemap:
    """The public releases of one year, a page of ``PER_PAGE`` releases at a time: each in
    the languages it is written in, with its alternates."""

    PER_PAGE = 2_500  # at most 5,000 URLs, about 3 MB

    @staticmethod
    def releases(year):
        # What a URL needs, not the bodies: whether each is written is asked of the database.
        written = {f"written_in_{code}": written_in(code) for code in LANGUAGE_CODES}
        return (
            PressRelease.objects.published()
            .filter(release_date__year=year)
            .only(*(f"slug_{code}" for code in LANGUAGE_CODES), "original_language", "updated_at")
            .annotate(**written)
            .order_by("-release_date", "-publish_at", "-pk")
        )

    @staticmethod
    def languages(release):
        """The languages it is written in, its original first (an untranslated page is no
        alternate): ``PressRelease.translated_languages``, from the annotations."""
        others = [code for code in LANGUAGE_CODES if code != release.original_language]
        written = [code for code in others if getattr(release, f"written_in_{code}")]
        return [release.original_language, *written]

    @classmethod
    def urls(cls, request, release):
        """The sitemap entries of ``release``: one per language, each with every alternate."""
        alternates = with_default(
            [
                {
                    "lang_code": code,
                    "location": request.build_absolute_uri(release.get_absolute_url(code)),
                }
                for code in cls.languages(release)
            ]
        )
        return [
            {"location": entry["location"], "lastmod": release.updated_at, "alternates": alternates}
            for entry in alternates
            if entry["lang_code"] != "x-default"
        ]

    @classmethod
    def pages(cls):
        """[(year, pages)] of the years with public releases, newest first: one query, from
        the visibility index alone (PostgreSQL: an index-only scan)."""
        years = (
            PressRelease.objects.published()
            .annotate(year=ExtractYear("release_date"))
            .values("year")
            .annotate(releases=Count("*"))  # not the id: the index holds what is counted
            .order_by("-year")
        )
        return [(row["year"], ceil(row["releases"] / cls.PER_PAGE)) for row in years]


def with_default(alternates):
    """``alternates`` and the x-default one: the default language's URL.

    Django's own ``x_default`` strips the language prefix, which assumes
    ``prefix_default_language=False``; ours keeps /fr/, so that URL would not exist."""
    default = next(
        (alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE),
        alternates[0] if alternates else None,
    )
    if default is None:
        return alternates
    return [*alternates, {"lang_code": "x-default", "location": default["location"]}]


@require_GET
@x_robots_tag
def releases(request, year):
    """sitemap-releases-<year>.xml (?p=2…): a year's public releases; 404 for a year without
    any, or past the last page."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise Http404
    paginator = Paginator(
        ReleaseSitemap.releases(year), ReleaseSitemap.PER_PAGE, allow_empty_first_page=False
    )
    try:
        page = paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    urlset = [url for release in page for url in ReleaseSitemap.urls(request, release)]
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urlset}, content_type="application/xml"
    )


class InstitutionSitemap(BilingualSitemap):
    def items(self):
        return listed_institutions().order_by("slug")


class PersonSitemap(BilingualSitemap):
    def items(self):
        return listed_people().order_by("slug")


class PartnershipSitemap(BilingualSitemap):
    def items(self):
        return listed_partnerships().order_by("slug")


FIXED = {
    "pages": PageSitemap,
    "institutions": InstitutionSitemap,
    "people": PersonSitemap,
    "partnerships": PartnershipSitemap,
}


def any_in(section):
    """Whether a fixed sitemap lists anything (an empty one is no sitemap)."""
    items = section().items()
    return items.exists() if hasattr(items, "exists") else bool(items)


@require_GET
@x_robots_tag
def index(request):
    """sitemap.xml: each fixed sitemap, then each page of each year's releases: the same
    queries whatever the archive's size."""

    def location(name, page=1, **kwargs):
        url = request.build_absolute_uri(reverse(name, kwargs=kwargs))
        return f"{url}?p={page}" if page > 1 else url

    entries = [
        SitemapIndexItem(location("sitemap_section", section=name))
        for name, section in FIXED.items()
        if any_in(section)
    ]
    for year, pages in ReleaseSitemap.pages():
        entries += [
            SitemapIndexItem(location("sitemap_releases", page, year=year))
            for page in range(1, pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
