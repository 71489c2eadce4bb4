"""Production static files: collected, hashed and compressed, and every page finds its files."""

import pytest
from django.core.management import call_command
from django.urls import reverse


@pytest.mark.django_db
def test_collectstatic_then_pages_render_with_hashed_files(
    client, settings, tmp_path, demo_release
):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert list((tmp_path / "static" / "css").glob("site.*.css.gz"))
    for url in ("/fr/", demo_release.get_absolute_url("en"), reverse("admin:login")):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "/static/css/site." in client.get("/fr/").text
