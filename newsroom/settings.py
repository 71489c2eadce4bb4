"""Settings for Newsroom: one file, everything that differs between machines from the environment.

Environment variables: DEBUG, SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL,
MEDIA_ROOT, STATIC_ROOT, CSRF_TRUSTED_ORIGINS (comma-separated), HTTPS, PROXY_SSL_HEADER,
SECURE_SSL_HOST, REDIS_URL, PAGE_CACHE_SECONDS, FRAGMENT_CACHE_SECONDS, LOG_LEVEL, SITE_URL;
email: EMAIL_URL, or EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
EMAIL_USE_TLS, EMAIL_USE_SSL, EMAIL_TIMEOUT; DEFAULT_FROM_EMAIL.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def read_env_file(path):
    """KEY=VALUE lines of a local, git-ignored ``.env`` (written by ``make setup`` with DEBUG=1
    on a developer's machine). The real environment always wins; production has no such file."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.strip().startswith("#"):
            os.environ.setdefault(key.strip(), value.strip())


read_env_file(BASE_DIR / ".env")


def truthy(value):
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_bool(name, default=False):
    value = os.environ.get(name)
    return default if value is None else truthy(value)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: never used once DEBUG is off (see above).
    SECRET_KEY = "django-insecure-development-key-for-newsroom-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before admin so its admin integration is picked up.
    "modeltranslation",
    # django.contrib.admin with the newsroom's site (two-factor authentication for staff).
    "newsroom.accounts.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text search fields and lookups on PostgreSQL (harmless on SQLite).
    "django.contrib.postgres",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "phonenumber_field",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "partners",
    "newsroom",
    # Email alerts, and the database queue their tasks go through.
    "newsroom.alerts",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost with the headers above, so that answers from the page cache get them too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache: it keeps pages whole, each answer is compressed for its browser.
    "newsroom.compression.TextGZipMiddleware",
    # Anonymous readers' pages from the cache, before sessions, language and views run.
    "newsroom.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A 404 under one language's prefix for another language's path: the redirect to it.
    "newsroom.other_language.OtherLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in with its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "newsroom.context_processors.site",
                "newsroom.branding.identity",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0 if DEBUG else 60,
        # No SELECT 1 before each request's first statement: that round trip cost as much as
        # a page from the cache. A connection the server closed is opened again by the page
        # cache's first statement (page_cache.read_version), or at the end of the request
        # that found it broken.
        conn_health_checks=False,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Form choices iterate querysets; on PostgreSQL that opens a server-side cursor
    # (DECLARE … WITH HOLD) per select, costlier than fetching a few dozen rows, and unusable
    # behind a transaction-pooling PgBouncer.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (``include``) are PostgreSQL's index-only scans; SQLite keeps their key
# columns, which is all it needs.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-ins (staff and journalists) go through django-axes first: after 5 failures for a user
# name from an address, that pair is locked out for 15 minutes (a page says so, 429), and
# every attempt, failed or not, is logged (AccessLog, AccessFailureLog: the admin's audit).
# The address is REMOTE_ADDR (django-ipware is not installed, so no client-sent header is
# believed); behind a proxy it is the proxy's, and the lock is the user name's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # registered read-only by newsroom/accounts/admin.py
# Two-factor authentication (optional, for each member of staff: newsroom/accounts/).
OTP_TOTP_ISSUER = "Newsroom"

# Languages: French first (the default), English the equal second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
# A release not yet translated is shown in the other language (with a notice), never blank.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en"), "fr": ("en",), "en": ("fr",)}
# The tabbed admin needs jQuery UI: served from our own static files, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

PHONENUMBER_DEFAULT_REGION = "FR"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Public pages, feeds and sitemaps are cached for anonymous readers (newsroom/page_cache.py):
# in this process's memory by default, in Redis when REDIS_URL is set (shared by workers).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
PAGE_CACHE = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
# What pages are made of (filter options, release cards), kept the same way: a page built for
# a new search reads them instead of the database.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", 600))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded images: only these Pillow formats are accepted (never SVG, EPS or the like).
NEWSROOM_IMAGE_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
NEWSROOM_IMAGE_MAX_PIXELS = 40_000_000
NEWSROOM_IMAGE_MAX_BYTES = 20_000_000
# Attachments: PDF and Office/ZIP documents only, checked by content (partners/validators.py).
NEWSROOM_ATTACHMENT_MAX_BYTES = 50_000_000
# Release videos: MP4 or WebM, checked by content (newsroom/video_files.py); WebVTT subtitles.
NEWSROOM_VIDEO_MAX_BYTES = 500_000_000
NEWSROOM_SUBTITLES_MAX_BYTES = 1_000_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Security. With DEBUG off: HTTPS only (redirected), HSTS for two years with preload, cookies
# secure, HttpOnly and __Host- prefixed, sessions of eight hours; `manage.py check --deploy`
# has nothing to say (tests/test_security.py). HTTPS=0 serves plain HTTP with DEBUG off, for
# the benchmarks on 127.0.0.1 only. Behind a TLS proxy, PROXY_SSL_HEADER names the header it
# sets to "https" (e.g. X-Forwarded-Proto); never set it without such a proxy.
HTTPS = not DEBUG and env_bool("HTTPS", default=True)
SECURE_SSL_REDIRECT = HTTPS
SECURE_SSL_HOST = os.environ.get("SECURE_SSL_HOST") or None
if proxy_header := os.environ.get("PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{proxy_header.upper().replace('-', '_')}", "https")
SECURE_HSTS_SECONDS = 2 * 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:  # a __Host- cookie is sent over HTTPS only, for this host only, on every path
    SESSION_COOKIE_NAME, CSRF_COOKIE_NAME = "__Host-sessionid", "__Host-csrftoken"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
SESSION_SAVE_EVERY_REQUEST = True  # eight hours without a request, not since signing in
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing but the site's own files: no inline script or style, no other origin; the admin's
# scripts carry a nonce (public pages have none, so their cached copies stay valid).
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    # Plus the one inline style that can do nothing, the empty one: the admin's rich-text
    # editor (Tiptap) injects its rules as a <style> unless it finds one marked
    # data-tiptap-style, which templates/admin/base_site.html provides, empty (its rules are
    # in static/css/tiptap.css). Not 'unsafe-inline', no nonce: nothing else inline applies.
    "style-src": [CSP.SELF, "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
    "img-src": [CSP.SELF],
    # Release videos and their subtitle tracks, from the media gate (never a video host's).
    "media-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
# Browser features no page uses (newsroom/security.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

FORMAT_MODULE_PATH = ["newsroom.formats"]

# Background tasks (alerts): Django's tasks framework, queued in the database
# (django-tasks-db); `manage.py alerts_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def email_settings(environ):
    """The default mailer (Django 6.1's MAILERS) from EMAIL_URL (smtp://user:password@host:587
    ?tls=1, smtps://… for TLS from the start, console://), else from EMAIL_HOST and its
    companions; with neither, the console in development, the local mail server
    (localhost:25) in production."""
    if url := environ.get("EMAIL_URL"):
        parts = urlsplit(url)
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        if parts.scheme == "console":
            return {"BACKEND": CONSOLE}
        if parts.scheme not in ("smtp", "smtps"):
            raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme {parts.scheme!r}.")
        ssl = parts.scheme == "smtps" or truthy(options.get("ssl", ""))
        return {
            "BACKEND": SMTP,
            "OPTIONS": {
                "host": parts.hostname or "localhost",
                "port": parts.port or (465 if ssl else 25),
                "username": unquote(parts.username or ""),
                "password": unquote(parts.password or ""),
                "use_ssl": ssl,
                "use_tls": not ssl and truthy(options.get("tls", "")),
                "timeout": int(options.get("timeout", 30)),
            },
        }
    if environ.get("EMAIL_HOST") or not DEBUG:
        return {
            "BACKEND": SMTP,
            "OPTIONS": {
                "host": environ.get("EMAIL_HOST", "localhost"),
                "port": int(environ.get("EMAIL_PORT", 25)),
                "username": environ.get("EMAIL_HOST_USER", ""),
                "password": environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": truthy(environ.get("EMAIL_USE_TLS", "")),
                "use_ssl": truthy(environ.get("EMAIL_USE_SSL", "")),
                "timeout": int(environ.get("EMAIL_TIMEOUT", 30)),
            },
        }
    return {"BACKEND": CONSOLE}


MAILERS = {"default": email_settings(os.environ)}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Newsroom <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where links in emails point (no request to take the host from in a worker).
SITE_URL = os.environ.get("SITE_URL") or (
    f"{'https' if HTTPS else 'http'}://{ALLOWED_HOSTS[0] if not DEBUG else '127.0.0.1:8000'}"
)
# A confirmation link works for a week; alerts are not sent for a release public (or under
# embargo) for longer than a day (the archive, a worker stopped for days: old news).
ALERTS_CONFIRMATION_MAX_AGE = 7 * 24 * 3600
ALERTS_LATE_LIMIT = datetime.timedelta(days=1)
ALERTS_SWEEP_SECONDS = 60
ALERTS_MAX_ATTEMPTS = 3
LOGIN_URL = "newsroom:signin"
LOGIN_REDIRECT_URL = "newsroom:release_list"


def _public_url(name):
    """``get_absolute_url`` for partners' models: their public pages are the newsroom's
    (they list releases), and partners must not import newsroom."""

    def url(obj):
        from django.urls import reverse

        return reverse(f"newsroom:{name}", kwargs={"slug": obj.slug})

    return url


ABSOLUTE_URL_OVERRIDES = {
    "partners.institution": _public_url("institution_detail"),
    "partners.person": _public_url("person_detail"),
    "partners.partnership": _public_url("partnership_detail"),
}
