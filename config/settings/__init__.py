"""``config.settings``: the development profile when DEBUG is on (a developer's ``.env``),
production otherwise, so a server without DEBUG can never start with development settings.
``config.settings.dev`` and ``config.settings.prod`` name a profile whatever DEBUG says;
``config.settings.test`` is pytest's."""

from pathlib import Path

from config.env import env_bool, read_env_file

read_env_file(Path(__file__).resolve().parent.parent.parent / ".env")

if env_bool("DEBUG"):
    from .dev import *  # noqa: F403
else:
    from .prod import *  # noqa: F403
