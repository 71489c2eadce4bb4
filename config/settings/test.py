"""The test profile (pytest's DJANGO_SETTINGS_MODULE): the project's settings, plus what only
makes the suite cheaper. Nothing here may change what a test checks of production: tests of
the production profile run ``config.settings.auto`` itself in a subprocess (test_security.py,
test_settings.py), and test_settings.py checks that passwords there keep Django's hashers."""

from config.settings.auto import *  # noqa: F403

# Hashing a password with PBKDF2 (a million iterations) costs each user a test makes a few
# hundred milliseconds; MD5 costs nothing. Never outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
