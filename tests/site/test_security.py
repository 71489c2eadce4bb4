"""The production profile: HTTPS only, the security headers, a strict Content-Security-Policy,
and `manage.py check --deploy` with nothing to say."""

import json
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from newsroom import page_cache
from tests.site.test_settings import ROOT, run_settings

pytestmark = pytest.mark.django_db
PRODUCTION = {
    "DEBUG": "0",
    "HTTPS": "1",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "news.example.org",
}


def test_check_deploy_has_nothing_to_say():
    # The browser tests' conftest allows sync ORM calls in their event loop; deployments never do.
    unset = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "config.settings.auto"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({name: getattr(settings, name, None) for name in ("
    "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
    "'SECURE_HSTS_PRELOAD', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SESSION_COOKIE_NAME', 'CSRF_COOKIE_NAME', 'SESSION_COOKIE_HTTPONLY', "
    "'SECURE_PROXY_SSL_HEADER')}))"
)


def probe(**env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.auto", **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_is_https_only_with_secure_cookies():
    values = probe(**PRODUCTION)
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # trusted only when a proxy is named
    behind = probe(**PRODUCTION, PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert behind["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_development_stays_on_plain_http():
    values = probe(DEBUG="1", HTTPS="")
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_NAME"] == "sessionid"
    assert run_settings(DEBUG="1").returncode == 0


@pytest.fixture
def https(settings):
    """The production profile's HTTPS settings, in this process."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 63072000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True


def test_plain_http_is_sent_to_https(client, https, demo_release):
    response = client.get("/fr/communiques/?q=vaccin")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/fr/communiques/?q=vaccin"


@pytest.mark.parametrize("path", ["/fr/", "release", "/sitemap.xml", "/admin/login/"])
def test_every_answer_has_the_security_headers(client, https, demo_release, path):
    path = demo_release.get_absolute_url("en") if path == "release" else path
    for attempt in ("built", "from the cache"):
        response = client.get(path, secure=True)
        assert response.status_code == 200, (path, attempt)
        assert response["Strict-Transport-Security"] == (
            "max-age=63072000; includeSubDomains; preload"
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_public_pages_need_no_nonce_and_the_admin_gets_one(client, staff_client, demo_release):
    public = Client().get(demo_release.get_absolute_url("fr"))
    assert "nonce-" not in public["Content-Security-Policy"]
    # No inline script: data (JSON-LD) or the site's own deferred files (progressive enhancement).
    tags = re.findall(r"<script\b[^>]*>", public.text)
    assert tags and all(
        tag == '<script type="application/ld+json">'
        or re.fullmatch(r'<script src="/static/[^"]+" defer>', tag)
        for tag in tags
    ), tags
    admin = staff_client.get(f"/admin/newsroom/pressrelease/{demo_release.pk}/change/")
    (nonce,) = set(re.findall(r"'nonce-([^']+)'", admin["Content-Security-Policy"]))
    scripts = re.findall(r"<script\b[^>]*>", admin.text)
    assert scripts and all(f'nonce="{nonce}"' in tag for tag in scripts), scripts


@pytest.mark.parametrize("uses_nonce", [True, False])
def test_a_page_that_used_a_nonce_is_never_kept(demo_release, uses_nonce):
    """A kept page would carry its nonce to other readers, whose header has another. (The
    same page without the nonce is kept: what the first case sees is the nonce rule.)"""
    from django.middleware.csp import get_nonce
    from django.utils.csp import LazyNonce

    def view(request):
        if uses_nonce:
            str(get_nonce(request))  # the template used it
        response = HttpResponse("<p>page</p>")
        response.page_cacheable = True
        return response

    middleware = page_cache.PageCacheMiddleware(view)
    page_cache.is_cached_page.cache_clear()
    request = RequestFactory().get("/fr/")
    request._csp_nonce = LazyNonce()  # as Django's CSP middleware sets it
    middleware(request)
    kept = [key for key in page_cache.cache()._cache if ":page:" in key]
    assert bool(kept) is not uses_nonce
