"""Loaded as a pytest plugin before Django starts: the test environment is production-like
(DEBUG off), so it needs the values a production deployment would provide."""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# The test client speaks plain HTTP; the HTTPS profile has its own tests (test_security.py).
os.environ.setdefault("HTTPS", "0")
# WhiteNoise looks for collected files at start-up; tests render from the finders instead.
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="newsroom-static-"))
