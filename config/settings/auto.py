"""The default profile (manage.py, WSGI, ASGI): development when DEBUG is on (a developer's
``.env``), production otherwise, so a server without DEBUG never starts with development
settings. ``config.settings.dev`` and ``config.settings.prod`` name a profile whatever DEBUG
says."""

from config.env import env_bool

from . import base  # noqa: F401  (reads the local .env, which may turn DEBUG on)

if env_bool("DEBUG"):
    from .dev import *  # noqa: F403
else:
    from .prod import *  # noqa: F403
