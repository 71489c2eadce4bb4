"""History: every admin save and workflow step keeps a revision; staff see diffs and restore."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from newsroom import workflow
from tests.helpers import admin_change, form_data

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


def test_published_release_is_never_restored_from_history(client, make_staff, make_release):
    release = make_release(title_fr="Publié")
    client.force_login(make_staff("Administrator"))
    save(client, release, title_fr="Publié (corrigé)", correction_note_fr="Titre.")
    older = Version.objects.get_for_object(release).last()
    url = reverse("admin:newsroom_pressrelease_revision", args=[release.pk, older.pk])
    response = client.post(url, form_data(client, admin_change(release)))
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == "published" and release.publish_at is not None


def test_restoring_a_draft_keeps_its_workflow_fields(client, make_staff, draft):
    planned = draft.release_date
    client.force_login(make_staff("Publisher"))
    save(client, draft, title_fr="Bon titre")
    save(client, draft, title_fr="Titre abîmé")
    from django.utils import timezone

    moment = timezone.now() + timezone.timedelta(days=3)
    type(draft).objects.filter(pk=draft.pk).update(publish_at=moment)
    older = Version.objects.get_for_object(draft).last()
    url = reverse("admin:newsroom_pressrelease_revision", args=[draft.pk, older.pk])
    client.post(url, form_data(client, url))
    draft.refresh_from_db()
    assert draft.title_fr == "Bon titre" and draft.publish_at == moment
    assert draft.version > 3 and draft.release_date == planned


def test_editor_of_another_institution_cannot_compare_restore_or_recover(client, make_staff, draft):
    from partners.models import Institution

    client.force_login(make_staff("Publisher"))
    save(client, draft, title_fr="Fusion secrète")
    save(client, draft, title_fr="Fusion secrète 2")
    newer, older = Version.objects.get_for_object(draft)
    other = make_staff("Editor", Institution.objects.create(kind="company", name_fr="B", slug="b"))
    client = Client()  # the other editor's own browser
    client.force_login(other)
    compare = reverse("admin:newsroom_pressrelease_compare", args=[draft.pk])
    response = client.get(compare, {"version_id1": older.pk, "version_id2": newer.pk})
    assert response.status_code == 404
    revision = reverse("admin:newsroom_pressrelease_revision", args=[draft.pk, older.pk])
    assert client.post(revision, {}).status_code in (403, 404)
    assert client.get(reverse("admin:newsroom_pressrelease_recoverlist")).status_code == 403
    recover = reverse("admin:newsroom_pressrelease_recover", args=[older.pk])
    assert client.post(recover, {}).status_code == 403
    review = reverse("admin:newsroom_pressrelease_review_link", args=[draft.pk])
    assert client.post(review, {"days": "3"}).status_code == 404
    assert "Fusion secrète" not in client.get("/admin/").text
    draft.refresh_from_db()
    assert draft.title_fr == "Fusion secrète 2"
