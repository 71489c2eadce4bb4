"""The other language's path under a prefix: /fr/press-releases/ is /fr/communiques/.

A reader who switches the prefix by hand, or follows a link mixing both, gets a permanent
redirect to the page in the prefix's language instead of a 404. A middleware asks for it on a
404 answer only, and only when the path resolves in no view in its own language: nothing is
added to the URLs, so CommonMiddleware's and LocaleMiddleware's redirects (which ask whether a
path is valid) see the same URLs as before. A middleware rather than the 404 handler: Django
skips the handler with DEBUG on, where `make run` would then show a 404.

Translated slugs are translated too: a release's (the same release in the prefix's language,
found only among the releases this viewer may read: a draft's or an embargoed release's slug
gets the same 404 as any unknown path) and a topic's (of public releases only, as its feed).
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from core.languages import LANGUAGE_CODES

from .filters import Offered
from .models import Topic
from .release_lookup import Withdrawn, find_visible


class Unknown(Exception):
    """A slug that leads nowhere this viewer may go: no redirect, the usual 404."""


def release_slug(request, language, kwargs, source):
    try:
        _release, slug = find_visible(kwargs["slug"], language, request.user)
    except Withdrawn as gone:  # its page answers 410, in either language
        slug = gone.release.slug_for(language)
    except Http404:
        raise Unknown from None
    return kwargs | {"slug": slug}


def topic_slug(request, language, kwargs, source):
    topic = Topic.objects.public().filter(**{f"slug_{source}": kwargs["topic"]}).first()
    if topic is None:
        raise Unknown
    return kwargs | {"topic": getattr(topic, f"slug_{language}")}


# Views whose path holds a translated slug: how to find it in the prefix's language.
SLUGS = {
    "newsroom:release_detail": release_slug,
    "newsroom:media_kit": release_slug,
    "newsroom:topic_feed_rss": topic_slug,
    "newsroom:topic_feed_atom": topic_slug,
}


def translated_query(request, view_name, source, language):
    """The query string, with the list's ``topic`` in the prefix's language when it is a
    topic the list offers this viewer (else as it came: the list says it ignores it)."""
    params = request.GET.copy()
    if view_name == "newsroom:release_list" and (slug := params.get("topic")):
        topic = Offered(request.user).topic().filter(**{f"slug_{source}": slug}).first()
        if topic is not None:
            params["topic"] = getattr(topic, f"slug_{language}")
    return params.urlencode()


def other_language_redirect(request):
    """A redirect to the page this path names in another language, in its prefix's
    language; None when there is none (the 404 stands)."""
    if request.method not in ("GET", "HEAD"):
        return None
    language, _slash, rest = request.path_info.lstrip("/").partition("/")
    if language not in LANGUAGE_CODES:
        return None
    with translation.override(language):
        try:
            resolve(request.path_info)
            return None  # a page of this language that said 404 itself
        except Resolver404:
            pass
    for source in LANGUAGE_CODES:
        if source == language:
            continue
        with translation.override(source):
            try:
                match = resolve(f"/{source}/{rest}")
            except Resolver404:
                continue
        kwargs = match.kwargs
        try:
            if translate := SLUGS.get(match.view_name):
                kwargs = translate(request, language, kwargs, source)
            with translation.override(language):
                target = reverse(match.view_name, args=match.args, kwargs=kwargs)
        except (Unknown, NoReverseMatch):
            return None
        if query := translated_query(request, match.view_name, source, language):
            target = f"{target}?{query}"
        response = HttpResponsePermanentRedirect(target)
        if request.user.is_authenticated:
            # Found among what this viewer may read (an embargoed release): theirs only.
            patch_cache_control(response, private=True)
        return response
    return None


class OtherLanguageMiddleware:
    """A 404 whose path names a page in another language becomes the redirect to it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and (found := other_language_redirect(request)):
            return found
        return response
