"""Production (``DEBUG`` unset or off): refuses to start half-configured; HTTPS only
(redirected), HSTS for two years with preload, cookies secure and ``__Host-`` prefixed;
``manage.py check --deploy`` has nothing to say (tests/site/test_security.py).

HTTPS=0 serves plain HTTP with DEBUG off, for the benchmarks on 127.0.0.1 only. Behind a TLS
proxy, PROXY_SSL_HEADER names the header it sets to "https" (e.g. X-Forwarded-Proto); never set
it without such a proxy.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config.env import email_settings, env_bool, env_list

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

HTTPS = env_bool("HTTPS", default=True)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 2 * 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:  # a __Host- cookie is sent over HTTPS only, for this host only, on every path
    SESSION_COOKIE_NAME, CSRF_COOKIE_NAME = "__Host-sessionid", "__Host-csrftoken"

MAILERS = {"default": email_settings(os.environ, console_by_default=False)}
# Where links in emails point (no request to take the host from in a worker).
SITE_URL = os.environ.get("SITE_URL") or f"{'https' if HTTPS else 'http'}://{ALLOWED_HOSTS[0]}"
