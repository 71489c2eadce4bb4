"""Settings shared by every profile (``dev``, ``prod``, ``test``); what differs between
machines comes from the environment (``config.env``).

Environment variables: DEBUG (picks the profile, see ``config/settings/auto.py``),
SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL, MEDIA_ROOT, STATIC_ROOT,
CSRF_TRUSTED_ORIGINS (comma-separated), HTTPS, PROXY_SSL_HEADER, SECURE_SSL_HOST, REDIS_URL,
PAGE_CACHE_SECONDS, FRAGMENT_CACHE_SECONDS, LOG_LEVEL, SITE_URL; email: EMAIL_URL, or
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL,
EMAIL_TIMEOUT; DEFAULT_FROM_EMAIL.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_list, read_env_file

BASE_DIR = Path(__file__).resolve().parent.parent.parent

read_env_file(BASE_DIR / ".env")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before admin so its admin integration is picked up.
    "modeltranslation",
    # django.contrib.admin with the newsroom's site (two-factor authentication for staff).
    "accounts.apps.NewsroomAdminConfig",
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
    # Sign-in: two-factor authentication for staff, the sign-in audit.
    "accounts",
    # Tools both apps use (rich text, uploads, rights, slugs, paging) and their template tags.
    "core",
    "partners",
    "newsroom",
    # Email alerts, and the database queue their tasks go through.
    "alerts",
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

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
        conn_max_age=60,  # development: 0 (dev.py)
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
AXES_ENABLE_ADMIN = False  # registered read-only by accounts/admin.py
# Two-factor authentication (optional, for each member of staff: accounts/).
OTP_TOTP_ISSUER = "Newsroom"

# Languages: French first (the default), English the equal second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A release not yet translated is shown in the other language (with a notice), never blank.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": MODELTRANSLATION_LANGUAGES,
    **{
        code: tuple(other for other in MODELTRANSLATION_LANGUAGES if other != code)
        for code in MODELTRANSLATION_LANGUAGES
    },
}
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
        # Hashed, compressed names; development serves files as they are (dev.py).
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploaded images: only these Pillow formats are accepted (never SVG, EPS or the like).
NEWSROOM_IMAGE_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
NEWSROOM_IMAGE_MAX_PIXELS = 40_000_000
NEWSROOM_IMAGE_MAX_BYTES = 20_000_000
# Attachments: PDF and Office/ZIP documents only, checked by content (core/validators.py).
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

# Security. HTTPS-only settings are production's (prod.py); these hold for every profile.
SECURE_SSL_HOST = os.environ.get("SECURE_SSL_HOST") or None
if proxy_header := os.environ.get("PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (f"HTTP_{proxy_header.upper().replace('-', '_')}", "https")
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


DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Newsroom <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
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
