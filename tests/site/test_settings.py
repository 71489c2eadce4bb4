"""Settings come from the environment and refuse to start half-configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'debug': settings.DEBUG, 'engine': db['ENGINE'], 'name': str(db['NAME']), "
    "'hosts': settings.ALLOWED_HOSTS, 'tz': settings.TIME_ZONE, 'lang': settings.LANGUAGE_CODE, "
    "'languages': [c for c, _ in settings.LANGUAGES], 'key': settings.SECRET_KEY, "
    "'static': settings.STORAGES['staticfiles']['BACKEND'], "
    "'middleware': settings.MIDDLEWARE, 'hashers': settings.PASSWORD_HASHERS}))"
)


def run_settings(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    clean |= {"DJANGO_SETTINGS_MODULE": "config.settings.auto", **env}
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_settings(DEBUG="0", ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_settings(DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_from_environment():
    result = run_settings(
        DEBUG="false",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="news.example.org, www.news.example.org",
        DATABASE_URL="postgres://newsroom:pw@db.example.org:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["hosts"] == ["news.example.org", "www.news.example.org"]
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "newsroom"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in values["middleware"]


def test_production_hashes_passwords_with_djangos_hashers():
    """The test profile's fast MD5 hasher (config/settings/test.py) never reaches production."""
    result = run_settings(DEBUG="0", SECRET_KEY="s" * 50, ALLOWED_HOSTS="news.example.org")
    assert result.returncode == 0, result.stderr
    hashers = json.loads(result.stdout)["hashers"]
    assert hashers[0] == "django.contrib.auth.hashers.PBKDF2PasswordHasher"
    assert not any("MD5" in name for name in hashers)


def test_the_test_profile_changes_only_the_password_hasher():
    import config.settings.auto as project
    import config.settings.test as test_profile

    differ = {
        name
        for name in dir(test_profile)
        if name.isupper() and getattr(test_profile, name) != getattr(project, name, None)
    }
    assert differ == {"PASSWORD_HASHERS"}


def test_development_defaults():
    result = run_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is True
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db.sqlite3")
    assert values["key"]  # a development key, only because DEBUG is on
    # Static files as they are (no manifest to build first); uploads as in production.
    assert values["static"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert (values["tz"], values["lang"], values["languages"]) == (
        "Europe/Paris",
        "fr",
        ["fr", "en"],
    )


@pytest.mark.django_db
def test_system_checks_clean():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def test_env_file_gives_defaults_the_environment_overrides(tmp_path, monkeypatch):
    from config.env import read_env_file

    env = tmp_path / ".env"
    env.write_text("# comment\nNEWSROOM_TEST_A=from-file\nNEWSROOM_TEST_B = file\nnot a pair\n")
    monkeypatch.delenv("NEWSROOM_TEST_A", raising=False)
    monkeypatch.setenv("NEWSROOM_TEST_B", "from-environment")
    read_env_file(env)
    assert os.environ["NEWSROOM_TEST_A"] == "from-file"
    assert os.environ["NEWSROOM_TEST_B"] == "from-environment"
    monkeypatch.delenv("NEWSROOM_TEST_A")
    read_env_file(tmp_path / "missing")  # no file: nothing happens


@pytest.mark.parametrize(("profile", "debug"), [("dev", True), ("prod", False)])
def test_a_named_profile_whatever_debug_says(profile, debug):
    """``config.settings.dev``/``prod`` are the profile they name; ``auto`` follows DEBUG (the
    tests above)."""
    result = run_settings(
        DJANGO_SETTINGS_MODULE=f"config.settings.{profile}",
        DEBUG="0" if debug else "1",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is debug


def test_the_development_profile_needs_nothing_even_with_debug_off():
    """Naming ``dev`` never goes through production's checks (no key, no hosts needed)."""
    result = run_settings(DJANGO_SETTINGS_MODULE="config.settings.dev", DEBUG="0")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is True


def test_modeltranslation_follows_languages():
    """Its languages and fallbacks are derived from LANGUAGES, French first."""
    from django.conf import settings

    expected = {"default": ("fr", "en"), "fr": ("en",), "en": ("fr",)}
    assert expected == settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    assert (settings.MODELTRANSLATION_DEFAULT_LANGUAGE, settings.MODELTRANSLATION_LANGUAGES) == (
        "fr",
        ("fr", "en"),
    )
