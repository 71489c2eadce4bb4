"""Public release pages: thin views over PressRelease.objects.published()."""

import tempfile
from dataclasses import replace
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from core.languages import LANGUAGE_CODES
from core.paging import page_or_last

from . import page_cache, seo
from .branding import identity_of
from .cards import cards, cards_of
from .filters import ReleaseFilterForm, filter_choices, shown_value
from .listing import listed_institutions
from .media_kit import MEDIA_KIT_IN_MEMORY, build_media_kit
from .models import (
    EmbargoedView,
    PressRelease,
    PreviewLink,
    is_accredited,
)
from .release_lookup import Withdrawn, find_visible
from .release_prefetches import detail_prefetches
from .search.facets import names
from .search.results import SearchResults
from .search.snippets import release_snippet
from .search.websearch import parse

PAGE_SIZE = 20
HOME_SIZE = 5
RELATED_SIZE = 3
NEWS_SITEMAP_URLS = 1000


def home(request):
    releases = cards(request, PressRelease.objects.visible_to(request.user), HOME_SIZE)
    institutions = listed_institutions().order_by("name")
    return render(
        request, "newsroom/home.html", {"releases": releases, "institutions": institutions}
    )


def release_list(request):
    choices = page_cache.shared(request, "filters", lambda: filter_choices(request.user))
    form = ReleaseFilterForm(request.GET or None, user=request.user, choices=choices)
    params = request.GET.copy()
    notices = []
    if form.is_bound and not form.is_valid():
        # A mistyped or stale filter in a shared link (a year with no release, an institution
        # that no longer publishes): the list without it, and a word saying so, not a 404.
        notices = [ignored_filter(name, params.get(name)) for name in form.errors]
        for name in form.errors:
            params.pop(name, None)
        form = ReleaseFilterForm(params or None, user=request.user, choices=choices)
        form.is_valid()  # what remains is valid
    filters = form.filters() if form.is_bound else {}
    search = form.search_query() if form.is_bound else ""
    releases = PressRelease.objects.visible_to(request.user).filtered(**filters)
    results = None
    if search:
        narrowed = any(value is not None for value in filters.values())
        results = SearchResults(
            releases, search, translation.get_language(), user=request.user, narrowed=narrowed
        )
    # A page of ids (ranked, or newest first), then their cards.
    listed = results.ids if search else releases.values_list("pk", flat=True)
    page, asked = page_or_last(listed, PAGE_SIZE, request.GET.get("page"))
    page.object_list = cards_of(request, releases, list(page.object_list))
    query = params.copy()
    query.pop("page", None)
    if asked is not None:
        notices.append(past_the_end(asked, page.number))
        params["page"] = page.number  # the language switch offers the page shown
    context = {
        "page": page,
        "form": form,
        "filters": filters,
        "query": query.urlencode(),
        "alternates": list_alternates(params, filters),
    }
    if notices:
        # Not the page its URL asks for: the page it shows is the one to index.
        if page.number > 1:
            query["page"] = page.number
        shown = f"{request.path}?{query.urlencode()}" if query else request.path
        context |= {
            "notices": notices,
            "noindex": True,
            "canonical_url": request.build_absolute_uri(shown),
        }
    if search:
        terms = parse(search, translation.get_language()).terms
        page.object_list = [
            replace(card, snippet=release_snippet(card, terms, translation.get_language()))
            for card in page.object_list
        ]
        context |= {
            "search": search,
            "capped": results.capped,
            "candidates": results.limit,
            "facets": facet_links(
                params, results.facets(page_cache.shared(request, "names", names)), filters
            ),
        }
    return render(request, "newsroom/release_list.html", context)


IGNORED = {
    "institution": _lazy("Unknown institution “%(value)s”: this filter is ignored."),
    "topic": _lazy("Unknown topic “%(value)s”: this filter is ignored."),
    "year": _lazy("No press release in the year “%(value)s”: this filter is ignored."),
}


def ignored_filter(name, value):
    """What the list says of a filter value it cannot use (shown as typed, within reason)."""
    return IGNORED[name] % {"value": shown_value(value)}


def past_the_end(asked, last):
    return ngettext(
        "There is no page %(asked)s: the list has only %(last)s page, shown here.",
        "There is no page %(asked)s: the list has %(last)s pages, the last one is shown here.",
        last,
    ) % {"asked": asked, "last": last}


def facet_links(params, counts, filters):
    """[(facet title, values)], each value as (label, count, URL, selected): the URL narrows
    the search to the value, or widens it again when the value is the selected filter."""
    language = translation.get_language()
    # A plain dict (the list's parameters are single-valued): a QueryDict copy per link
    # is a deep copy, and a search page has dozens of links.
    base = {key: value for key, value in params.items() if key != "page"}
    institution, topic = filters.get("institution"), filters.get("topic")
    chosen = {
        "institution": institution and institution.slug,
        "topic": topic and getattr(topic, f"slug_{language}"),
        "year": filters.get("year"),
    }

    def entry(name, label, value, hits):
        query = dict(base)
        selected = value == chosen[name]
        if selected:
            query.pop(name, None)
        else:
            query[name] = value
        return (str(label), hits, f"?{urlencode(query)}", selected)

    titles = {"institution": _("Institution"), "topic": _("Topic"), "year": _("Year")}
    return [(title, [entry(name, *row) for row in counts[name]]) for name, title in titles.items()]


def list_alternates(params, filters):
    """The same filtered list in each language (topic slugs are translated)."""
    alternates = []
    for code in LANGUAGE_CODES:
        query = params.copy()
        if topic := filters.get("topic"):
            query["topic"] = getattr(topic, f"slug_{code}")
        with translation.override(code):
            url = reverse("newsroom:release_list")
        alternates.append((code, f"{url}?{query.urlencode()}" if query else url))
    return alternates


def release_detail(request, slug):
    language = translation.get_language()
    try:
        release, canonical = find_visible(slug, language, request.user)
    except Withdrawn as gone:
        return render(
            request, "newsroom/release_withdrawn.html", {"release": gone.release}, status=410
        )
    if slug != canonical:
        # The other language's slug: send readers (and search engines) to this language's URL.
        return redirect(release.get_absolute_url(language), permanent=True)
    prefetch_related_objects([release], *detail_prefetches())
    if release.is_under_embargo and is_accredited(request.user):
        EmbargoedView.objects.create(journalist=request.user.journalist, release=release)
    visible = PressRelease.objects.visible_to(request.user)
    related = cards(request, visible.related_to(release), RELATED_SIZE)
    return render(
        request,
        "newsroom/release_detail.html",
        {
            "release": release,
            "related": related,
            "alternates": [(code, release.get_absolute_url(code)) for code in LANGUAGE_CODES],
            # hreflang only for the languages it is written in (the switch offers both).
            "hreflangs": [
                (code, release.get_absolute_url(code)) for code in release.translated_languages
            ],
            "shown_in_other_language": not release.is_translated(language),
            "jsonld": seo.to_script(seo.news_article(release, request, identity_of(request))),
        },
    )


def release_preview(request, token):
    """A draft shown to a partner's reviewer through a signed, expiring link."""
    link = PreviewLink.find(token)
    if link is None:
        raise Http404
    release = link.release
    prefetch_related_objects([release], *detail_prefetches())
    # The draft's images are served to this browser while the link stays valid (media gate).
    request.session["previews"] = sorted({*request.session.get("previews", []), link.token.hex})
    response = render(
        request,
        "newsroom/release_preview.html",
        {
            "release": release,
            "preview": True,
            "preview_token": token,
            "shown_in_other_language": not release.is_translated(translation.get_language()),
            "alternates": [(code, link.get_absolute_url()) for code in LANGUAGE_CODES],
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def release_media_kit(request, slug):
    language = translation.get_language()
    try:
        release, canonical = find_visible(slug, language, request.user)
    except Withdrawn:
        raise Http404 from None
    if slug != canonical:
        # The other language's slug, as on the release's page: this language's kit.
        return redirect(reverse("newsroom:media_kit", kwargs={"slug": canonical}), permanent=True)
    prefetch_related_objects([release], *detail_prefetches())
    page = request.build_absolute_uri(release.get_absolute_url(language))
    # Spooled to disk past a few megabytes: a kit with videos is never held in memory.
    kit = tempfile.SpooledTemporaryFile(max_size=MEDIA_KIT_IN_MEMORY)  # noqa: SIM115 (the response closes it)
    build_media_kit(release, page, out=kit)
    kit.seek(0)
    response = FileResponse(
        kit, as_attachment=True, filename=f"{canonical}.zip", content_type="application/zip"
    )
    if request.user.is_authenticated:
        # An embargoed release's kit, for accredited journalists: never kept for others.
        patch_cache_control(response, private=True)
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico whatever the pages link to: the static
    file (its hashed name changes with it, hence a temporary redirect, kept a day)."""
    response = redirect(static("favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def news_sitemap(request):
    """Google News sitemap: releases published in the last two days, in each language, the
    most recent first and at most 1,000 URLs (Google's limit)."""
    since = timezone.now() - timedelta(days=2)
    recent = PressRelease.objects.published().public_since(since).order_by("-made_public_at")
    releases = recent[: NEWS_SITEMAP_URLS // len(LANGUAGE_CODES)]
    entries = []
    for release in releases:
        for code in LANGUAGE_CODES:
            if release.is_translated(code):
                with translation.override(code):
                    entries.append(
                        {
                            "loc": request.build_absolute_uri(release.get_absolute_url(code)),
                            "language": code,
                            "title": release.title,
                            "published": release.made_public_at,
                        }
                    )
    with translation.override(settings.LANGUAGE_CODE):
        publication_name = str(_("Newsroom"))
    return render(
        request,
        "newsroom/news_sitemap.xml",
        {"entries": entries, "publication_name": publication_name},
        content_type="application/xml; charset=utf-8",
    )
