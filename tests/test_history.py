"""History: every admin save and workflow step keeps a revision; staff see diffs and restore."""

import pytest
from django.urls import reverse
from reversion.models import Version

from newsroom import workflow
from tests.test_workflow import admin_change, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_release):
    return make_release(status="draft", publish_at=None, title_fr="Premier titre")


def save(client, release, **changes):
    url = admin_change(release)
    response = client.post(url, form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_each_save_keeps_a_revision_with_its_author(client, make_staff, draft):
    editor = make_staff("Publisher")
    client.force_login(editor)
    save(client, draft, title_fr="Deuxième titre")
    save(client, draft, title_fr="Troisième titre")
    versions = Version.objects.get_for_object(draft)
    assert versions.count() == 2
    assert versions[0].field_dict["title_fr"] == "Troisième titre"
    assert "title_en" in versions[0].field_dict
    assert versions[0].revision.user == editor
    assert "status" not in versions[0].field_dict  # workflow is not restored by history


def test_history_page_and_diff(client, make_staff, draft):
    client.force_login(make_staff("Publisher"))
    save(client, draft, title_fr="Deuxième titre", body_fr="<p>Un texte.</p>")
    save(client, draft, title_fr="Troisième titre", body_fr="<p>Un texte corrigé.</p>")
    history = client.get(reverse("admin:newsroom_pressrelease_history", args=[draft.pk]))
    assert history.status_code == 200
    newer, older = Version.objects.get_for_object(draft)
    compare = client.get(
        reverse("admin:newsroom_pressrelease_compare", args=[draft.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    assert compare.status_code == 200
    assert "Deuxième titre" in compare.text and "Troisième titre" in compare.text


def test_restore_an_older_revision(client, make_staff, draft):
    client.force_login(make_staff("Publisher"))
    save(client, draft, title_fr="Bon titre")
    save(client, draft, title_fr="Titre abîmé")
    older = Version.objects.get_for_object(draft).last()
    url = reverse("admin:newsroom_pressrelease_revision", args=[draft.pk, older.pk])
    response = client.post(url, form_data(client, url))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title_fr == "Bon titre" and draft.status == "draft"


def test_workflow_steps_and_institution_edits_are_revisions(client, make_staff, draft, institution):
    publisher = make_staff("Publisher")
    workflow.release_transition(release=draft, user=publisher, action="submit", comment="go")
    (version,) = Version.objects.get_for_object(draft)
    assert version.revision.user == publisher and "go" in version.revision.comment
    client.force_login(make_staff("Administrator"))
    url = reverse("admin:partners_institution_change", args=[institution.pk])
    response = client.post(url, form_data(client, url, name_fr="Acme SA"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Version.objects.get_for_object(institution).count() == 1
