"""Settings of the app under ``make bench``: the project's own, plus the floor's URL."""

from config.settings.auto import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
