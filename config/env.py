"""Reading settings from the environment: a local ``.env``, booleans, lists, the mailer."""

import os
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def read_env_file(path):
    """KEY=VALUE lines of a local, git-ignored ``.env`` (written by ``make setup`` with DEBUG=1
    on a developer's machine). The real environment always wins; production has no such file."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.strip().startswith("#"):
            os.environ.setdefault(key.strip(), value.strip())


def truthy(value):
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_bool(name, default=False):
    value = os.environ.get(name)
    return default if value is None else truthy(value)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def email_url(url):
    """A mailer (Django 6.1's MAILERS entry) from smtp://user:password@host:587?tls=1,
    smtps://… (TLS from the start) or console://."""
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


def email_settings(environ, *, console_by_default):
    """The default mailer from EMAIL_URL, else from EMAIL_HOST and its companions; with
    neither, the console (development) or the local mail server, localhost:25 (production)."""
    if url := environ.get("EMAIL_URL"):
        return email_url(url)
    if environ.get("EMAIL_HOST") or not console_by_default:
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
