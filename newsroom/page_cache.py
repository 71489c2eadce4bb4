"""Public pages, feeds and sitemaps cached for anonymous readers, never showing too much.

A cached page's key holds the content version (``ContentVersion``, one row every process
reads: a local-memory cache is per process), which changes in the same transaction as any
change to what public pages show: an edit, a publication or a withdrawal is seen at once. The
row also holds the next moment a scheduled release or an embargo lift is due, an asset
of the media library expires, or a contact's out-of-office note starts or ends; the first
request after it changes the version, so a due release appears at its minute. Signed-in
readers (staff, accredited journalists) see more than the public: they never get or fill the
cache. Every answer has an ``ETag`` and a ``Last-Modified``; a matching request gets a 304.

What pages are made of is kept the same way (``shared``, ``shared_many``): the filter options,
the names facets show, release cards. A page built for a new search or a new filter reads them
from the cache instead of the database, for the same readers and under the same version.
"""

import datetime
import functools
import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connections, router
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.middleware.csp import get_nonce
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from partners.models import next_away_change

from .models import ContentVersion, NewsroomIdentity, PressRelease
from .models.pages import new_token

# Saves of these change nothing a public page shows (or are caches themselves).
UNSHOWN = {
    "newsroom.contentversion",
    "newsroom.searchdocument",
    "newsroom.embargoedview",
    "newsroom.previewlink",
    "newsroom.journalist",
    "newsroom.releasetransition",
}
SHOWN_APPS = ("newsroom", "partners")


class Version(NamedTuple):
    token: str
    changed_at: object
    next_change: object


# Read at every request served from the cache: one statement, written once (the ORM would
# compile it each time, as long as the rest of a cached answer). With it, the newsroom
# identity's version: pages built for the cache check their copy of it for free.
READ = (
    f"SELECT token, changed_at, next_change, (SELECT version FROM "
    f"{NewsroomIdentity._meta.db_table} WHERE id = 1) FROM {ContentVersion._meta.db_table} "
    "WHERE id = 1"
)


def current(now, request=None):
    """The content version, changed first when a due moment has passed. ``request`` keeps
    the identity's version read with it (``identity_version``)."""
    row = read_version(connections[router.db_for_read(ContentVersion)])
    if row is None:
        return change(now)
    if request is not None:
        request.identity_version = row[3]
    # SQLite gives its stored UTC times without their zone.
    version = Version(row[0], *(utc(moment) for moment in row[1:3]))
    if version.next_change is not None and version.next_change <= now:
        return change(now, seen=version.token)
    return version


def read_version(connection):
    """The version row. A persistent connection the server has closed since (a restart) is
    opened again, once: this is the first statement of most requests, and a health check
    before each (CONN_HEALTH_CHECKS) would cost a round trip as long as a cached answer."""
    for attempt in (1, 2):
        try:
            with connection.cursor() as cursor:
                cursor.execute(READ)
                return cursor.fetchone()
        except (OperationalError, InterfaceError):
            if attempt == 2 or connection.in_atomic_block:
                raise
            connection.close()


def utc(moment):
    if moment is not None and timezone.is_naive(moment):
        return moment.replace(tzinfo=datetime.UTC)
    return moment


def change(now=None, seen=None):
    """A new content version. ``seen``: only if it is still that one (of the requests that
    find a due moment passed, one changes it; the others read its change)."""
    now = now or timezone.now()
    version = Version(new_token(), now, next_change(now))
    rows = ContentVersion.objects.filter(pk=1)
    if seen is not None:
        rows = rows.filter(token=seen)
    if rows.update(**version._asdict()):
        return version
    if seen is not None and ContentVersion.objects.filter(pk=1).exists():
        return current(now)
    ContentVersion.objects.update_or_create(pk=1, defaults=version._asdict())
    return version


def next_change(now):
    """The next moment public pages change by themselves: a release due (its scheduled minute
    or embargo lift), an asset past its expiry day (``media_library.next_expiry``), or a
    contact's out-of-office note starting or ending."""
    from .media_library import next_expiry  # it reads the listing, which reads the models

    moments = (
        PressRelease.objects.next_public_change(now),
        next_expiry(now),
        next_away_change(now),
    )
    return min((moment for moment in moments if moment is not None), default=None)


@functools.cache
def shown_models():
    """The app's own models whose rows pages show (not a migration's historical copies, whose
    saves must not query tables a later migration makes)."""
    return frozenset(
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in SHOWN_APPS and model._meta.label_lower not in UNSHOWN
    )


# Inside ``deferred()``: whether a shown row changed (the version is made once, at its end).
pending = ContextVar("page_cache_pending", default=None)


@contextmanager
def deferred():
    """Inside this block, saves change the content version once, at its end, rather than once
    each: every change reads the next due moments (seven queries), and a release saved with its
    inline rows, an import or the demo save dozens of rows. Use it inside the transaction that
    saves them (a block left by an exception changes nothing: its rows are rolled back)."""
    if pending.get() is not None:  # nested: the outer block changes it
        yield
        return
    token = pending.set([])
    try:
        yield
        changed = bool(pending.get())
    finally:
        pending.reset(token)
    if changed:
        change()


@receiver(post_save, dispatch_uid="page_cache_saved")
@receiver(post_delete, dispatch_uid="page_cache_deleted")
@receiver(m2m_changed, dispatch_uid="page_cache_links")
def content_changed(sender, raw=False, **kwargs):
    # Fixtures (raw saves: a restore) change the version once, when they are all loaded.
    if raw:
        return
    if kwargs.get("action", "post_").startswith("post_") and sender in shown_models():
        if (waiting := pending.get()) is not None:
            waiting.append(sender)
        else:
            change()


def cache():
    return caches[settings.PAGE_CACHE]


def cached_page(view):
    """Mark ``view``'s answers to anonymous readers (GET and HEAD, 200 answers) for the page
    cache (``PageCacheMiddleware``, which serves them); others' are private."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if hasattr(request, "content_version") and not request.user.is_authenticated:
            response.page_cacheable = True
            # Stored in the browser, but checked with us each time (ETag): never shown late.
            patch_cache_control(response, no_cache=True)
        else:
            # Signed in (they may see more), or with a session the cache did not look at:
            # never kept by a browser or proxy for anyone else.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    wrapper.page_cached = True
    return wrapper


@functools.lru_cache(maxsize=4096)
def is_cached_page(path, language, urlconf):
    """Whether ``path`` is served by a ``cached_page`` view (URL words are translated)."""
    with translation.override(language):
        try:
            match = resolve(path, urlconf)
        except Resolver404:
            return False
    return getattr(match.func, "page_cached", False)


class PageCacheMiddleware:
    """Answers anonymous readers from the page cache before the rest of the stack runs
    (sessions, language, URL resolving, the view), and keeps the answers of ``cached_page``
    views as the stack finished them, headers included. A hit costs the content version (one
    statement) and one cache read.

    Requests with a session cookie (perhaps signed in, who may see more) go through: they
    never read nor fill the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self.get_response(request)
        # As LocaleMiddleware will find it: from the URL's prefix, else the browser's.
        language = translation.get_language_from_request(request, check_path=True)
        if not is_cached_page(request.path_info, language, get_urlconf()):
            return self.get_response(request)
        now = timezone.now()
        version = current(now, request)
        request.content_version = (version, now)  # for shared(): what this page is made of
        # The host too: pages hold absolute URLs (feeds, sitemaps, canonical links). Hashed: a
        # URL can be long (1,000 characters of search), a key must stay short.
        url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"page:{version.token}:{language}:{url}"
        response = cache().get(key)
        if response is None:
            response = self.get_response(request)
            kept = getattr(response, "page_cacheable", False) and response.status_code == 200
            # A page that used a CSP nonce is for this answer only (its header holds the nonce).
            nonce = get_nonce(request)
            if not kept or response.streaming or response.cookies or nonce:
                return response
            finish(response, version)
            cache().set(key, response, lifetime(version, now))
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(version.changed_at.timestamp()),
            response=response,
        )


def finish(response, version):
    if hasattr(response, "render") and not response.is_rendered:
        response.render()  # a TemplateResponse (sitemaps): stored as the bytes it gives
    # One chunk: a feed is written in thousands of small pieces, which a server would send
    # one by one at every answer from the cache.
    response.content = response.content
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["Last-Modified"] = http_date(version.changed_at.timestamp())


def lifetime(version, now, seconds=None):
    """Seconds a page (or a piece of one) may stay: never past the next due moment (the
    version changes then)."""
    seconds = settings.PAGE_CACHE_SECONDS if seconds is None else seconds
    if version.next_change is not None:
        seconds = min(seconds, max(1, int((version.next_change - now).total_seconds()) + 1))
    return seconds


def shared(request, name, build):
    """``build()``, kept for every anonymous reader of this content version and language:
    something pages are made of (filter options, names), not the page itself. Built each time
    for signed-in readers (they may see more) and outside ``cached_page``."""
    return shared_many(request, name, [""], lambda _keys: {"": build()})[""]


def shared_many(request, name, keys, build):
    """{key: value} for ``keys`` (release ids for their cards, say), as ``shared`` keeps
    them: one cache read for all, ``build(missing keys)`` → {key: value} for the rest."""
    stamp = getattr(request, "content_version", None)
    if stamp is None or settings.FRAGMENT_CACHE_SECONDS <= 0:
        return build(keys)
    version, now = stamp
    prefix = f"part:{version.token}:{translation.get_language()}:{name}:"
    found = cache().get_many([f"{prefix}{key}" for key in keys])
    values = {key: found[f"{prefix}{key}"] for key in keys if f"{prefix}{key}" in found}
    if missing := [key for key in keys if key not in values]:
        built = build(missing)
        seconds = lifetime(version, now, settings.FRAGMENT_CACHE_SECONDS)
        cache().set_many({f"{prefix}{key}": value for key, value in built.items()}, seconds)
        values |= built
    return values
