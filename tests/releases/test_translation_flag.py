"""A translation made before the original changed is flagged "out of date" until confirmed."""

import pytest

from tests.helpers import admin_change, form_data

pytestmark = pytest.mark.django_db


def test_flag_follows_original_and_translation_edits(make_release):
    release = make_release(title_fr="Titre", body_fr="<p>fr</p>", body_en="<p>en</p>")
    assert not release.translation_out_of_date
    release.body_fr = "<p>fr, nouvelle version</p>"
    release.save()
    assert release.translation_out_of_date
    release.body_en = "<p>en, new version</p>"
    release.save()
    assert not release.translation_out_of_date  # the translation was redone from this original
    release.title_fr = "Titre changé"
    release.save()
    release.refresh_from_db()
    assert release.translation_out_of_date
    release.confirm_translation()
    release.save()
    release.refresh_from_db()
    assert not release.translation_out_of_date


def test_untranslated_release_is_not_flagged(make_release):
    release = make_release(title_en="", body_fr="<p>fr</p>")
    release.body_fr = "<p>autre</p>"
    release.save()
    assert not release.translation_out_of_date


def test_flag_shown_and_confirmed_in_the_admin(client, make_staff, make_release):
    release = make_release(status="draft", publish_at=None, body_fr="<p>a</p>", body_en="<p>b</p>")
    release.body_fr = "<p>a modifié</p>"
    release.save()
    client.force_login(make_staff("Publisher"))
    changelist = client.get("/admin/newsroom/pressrelease/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "OUT OF DATE" in changelist
    url = admin_change(release)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    assert "The translation is out of date" in page
    response = client.post(url, form_data(client, url, confirm_translation="on"))
    assert response.status_code == 302
    release.refresh_from_db()
    assert not release.translation_out_of_date
