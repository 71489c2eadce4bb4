"""Settings profiles: ``auto`` (the default: ``dev`` when DEBUG is on, ``prod`` otherwise),
``dev``, ``prod`` and ``test`` (pytest's), all built on ``base``."""
