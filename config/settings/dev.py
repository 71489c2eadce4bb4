"""A developer's machine (``DEBUG=1``, which ``make setup`` writes to ``.env``): a fixed key,
local hosts, static files served as they are, emails printed to the console, plain HTTP."""

import os

from config.env import email_settings, env_list

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES

DEBUG = True
SECRET_KEY = (
    os.environ.get("SECRET_KEY")
    # Development only: prod.py refuses to start without SECRET_KEY.
    or "django-insecure-development-key-for-newsroom-only"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
DATABASES = {"default": {**DATABASES["default"], "CONN_MAX_AGE": 0}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
HTTPS = False
MAILERS = {"default": email_settings(os.environ, console_by_default=True)}
SITE_URL = os.environ.get("SITE_URL") or "http://127.0.0.1:8000"
