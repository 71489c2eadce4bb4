"""The editorial workflow: every transition and refusal, roles, the editor/institution boundary,
corrections, withdrawal, frozen issuers, concurrent edits."""

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.languages import LANGUAGE_CODES
from newsroom import workflow
from newsroom.models import Correction, PressRelease, ReleaseTransition
from partners.models import Institution
from tests.helpers import admin_change, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def sanofi(demo_release):
    return Institution.objects.get(slug="sanofi")


@pytest.fixture
def draft(make_release):
    return make_release(
        status="draft", publish_at=None, title_fr="Projet Acme", body_fr="<p>Texte</p>"
    )


def step(release, user, action, **kwargs):
    return workflow.release_transition(release=release, user=user, action=action, **kwargs)


def test_full_path_draft_to_withdrawn_is_recorded(draft, make_staff, institution):
    editor = make_staff("Editor", institution)
    publisher = make_staff("Publisher")
    draft.title_en, draft.body_en = "Draft", "<p>Text</p>"
    draft.save()
    release = step(draft, editor, "submit", comment="Prêt pour relecture")
    assert release.status == "in_review"
    release = step(release, publisher, "approve")
    release = step(release, publisher, "publish")
    assert release.status == "published" and release.publish_at is not None
    release = step(release, publisher, "withdraw", comment="Erreur de chiffres")
    assert release.status == "withdrawn" and release.withdrawn_at is not None
    steps = list(ReleaseTransition.objects.filter(release=release).order_by("at", "pk"))
    assert [(s.from_status, s.to_status) for s in steps] == [
        ("draft", "in_review"),
        ("in_review", "approved"),
        ("approved", "published"),
        ("published", "withdrawn"),
    ]
    assert steps[0].user == editor and steps[0].comment == "Prêt pour relecture"
    assert steps[-1].user == publisher


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("draft", "approve"),
        ("draft", "publish"),
        ("draft", "withdraw"),
        ("in_review", "publish"),
        ("approved", "submit"),
        ("published", "approve"),
        ("withdrawn", "publish"),
    ],
)
def test_impossible_transitions_refused(make_release, make_staff, status, action):
    release = make_release(status=status)
    with pytest.raises(ValidationError):
        step(release, make_staff("Administrator"), action)
    release.refresh_from_db()
    assert release.status == status


@pytest.mark.parametrize("action", ["approve", "publish", "withdraw"])
def test_editors_cannot_approve_publish_or_withdraw(make_release, make_staff, institution, action):
    source = {"approve": "in_review", "publish": "approved", "withdraw": "published"}[action]
    release = make_release(status=source)
    with pytest.raises(PermissionDenied):
        step(release, make_staff("Editor", institution), action)


def test_editor_of_another_institution_cannot_submit(draft, make_staff, sanofi):
    with pytest.raises(PermissionDenied):
        step(draft, make_staff("Editor", sanofi), "submit")


def test_publishing_needs_both_languages_or_original_only(make_release, make_staff):
    release = make_release(status="approved", title_en="", publish_at=None)
    publisher = make_staff("Publisher")
    with pytest.raises(ValidationError) as error:
        step(release, publisher, "publish")
    assert "title_en" in str(error.value) and "body_en" in str(error.value)
    release.original_only = True
    release.save()
    assert step(release, publisher, "publish").status == "published"


def test_future_publish_time_schedules(make_release, make_staff, client):
    when = timezone.now() + timezone.timedelta(hours=2)
    release = make_release(status="approved", publish_at=when, original_only=True)
    release = step(release, make_staff("Publisher"), "publish")
    assert release.publish_at == when
    url = release.get_absolute_url("fr")
    assert client.get(url).status_code == 404
    with time_machine.travel(when + timezone.timedelta(minutes=1)):
        assert client.get(url).status_code == 200  # at its minute, no job involved


def test_issuers_frozen_on_publication(demo_release, make_staff, client, sanofi):
    demo_release.status = "approved"
    demo_release.save()
    step(demo_release, make_staff("Publisher"), "publish")
    sanofi.boilerplate_fr = "<p>Nouvelle présentation de 2030.</p>"
    sanofi.save()
    sanofi.stock_listings.all().delete()
    claire = demo_release.contacts.get(name="Claire Parisel")
    claire.phone = "+33100000000"
    claire.save()
    html = client.get(demo_release.get_absolute_url("fr")).text
    assert "poursuivre les miracles de la science" in html
    assert "Nouvelle présentation de 2030" not in html
    assert "EURONEXT : SAN" in html
    assert "01 42 11 50 59" in html and "01 00 00 00 00" not in html
    # The institution's own page shows it as it is now.
    assert "Nouvelle présentation de 2030" in client.get("/fr/institutions/sanofi/").text


def test_withdrawn_release_answers_410_and_leaves_lists(make_release, make_staff, client):
    release = make_release(title_fr="Retiré bientôt", title_en="Soon withdrawn")
    step(release, make_staff("Publisher"), "withdraw")
    for language in LANGUAGE_CODES:
        response = client.get(release.get_absolute_url(language))
        assert response.status_code == 410
        assert "withdrawn on" in response.text or "retiré le" in response.text
    for url in ("/fr/", "/fr/communiques/", "/fr/flux/rss/", "/sitemap.xml", "/en/feeds/atom/"):
        assert "Retiré bientôt" not in client.get(url).text
        assert "Soon withdrawn" not in client.get(url).text


def test_never_public_release_withdrawn_stays_404(make_release, make_staff, client):
    release = make_release(publish_at=timezone.now() + timezone.timedelta(days=1))
    step(release, make_staff("Publisher"), "withdraw")
    assert client.get(release.get_absolute_url("fr")).status_code == 404


def test_second_concurrent_save_refused_and_nothing_overwritten(client, make_staff, draft):
    publisher = make_staff("Publisher")
    client.force_login(publisher)
    url = admin_change(draft)
    first = form_data(client, url, title_fr="Version d’Alice")
    second = form_data(client, url, title_fr="Version de Bob")
    response = client.post(url, first)
    assert response.status_code == 302, response.context["adminform"].form.errors
    response = client.post(url, second)
    assert response.status_code == 200
    assert "after you opened it" in response.text or "après que vous" in response.text
    assert "Version de Bob" in response.text  # Bob's text is kept in the form
    draft.refresh_from_db()
    assert draft.title_fr == "Version d’Alice"


def test_changing_a_published_release_needs_a_public_correction(client, make_staff, make_release):
    release = make_release(title_fr="Publié", title_en="Published")
    client.force_login(make_staff("Publisher"))
    url = admin_change(release)
    response = client.post(url, form_data(client, url, title_fr="Publié (corrigé)"))
    assert response.status_code == 200
    assert "correction_note_fr" in response.context["adminform"].form.errors
    data = form_data(client, url, title_fr="Publié (corrigé)", correction_note_fr="Titre corrigé.")
    assert client.post(url, data).status_code == 302
    assert Correction.objects.get(release=release).note_fr == "Titre corrigé."
    html = client.get(release.get_absolute_url("fr")).text
    assert "Mis à jour le" in html and "Titre corrigé." in html


def test_saving_a_published_release_unchanged_needs_no_note(client, make_staff, make_release):
    release = make_release()
    client.force_login(make_staff("Publisher"))
    url = admin_change(release)
    assert client.post(url, form_data(client, url)).status_code == 302
    assert not Correction.objects.exists()


def test_changing_an_inline_row_of_a_published_release_needs_a_note(
    client, make_staff, demo_release
):
    client.force_login(make_staff("Publisher"))
    url = admin_change(demo_release)
    data = form_data(client, url, **{"quotes-0-text_fr": "Citation réécrite"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "correction note" in response.text or "note de correction" in response.text
    data["correction_note_fr"] = "Citation corrigée."
    assert client.post(url, data).status_code == 302
    assert Correction.objects.get().note_fr == "Citation corrigée."


def test_return_to_draft(make_release, make_staff, institution):
    editor = make_staff("Editor", institution)
    for source in ("in_review", "approved"):
        release = make_release(status=source, publish_at=None)
        assert step(release, editor, "return_to_draft", comment="À revoir").status == "draft"
    published = make_release()
    with pytest.raises(ValidationError):
        step(published, editor, "return_to_draft")


def test_editor_keeps_partner_issuers_of_a_joint_release(client, make_staff, demo_release):
    from partners.models import Institution

    sanofi = Institution.objects.get(slug="sanofi")
    demo_release.status = "draft"
    demo_release.save()
    client.force_login(make_staff("Editor", sanofi))
    url = admin_change(demo_release)
    assert client.post(url, form_data(client, url, title_fr="Titre revu")).status_code == 302
    roussy_row = next(
        key.removesuffix("-institution")
        for key, value in form_data(client, url).items()
        if key.startswith("releaseissuer_set-")
        and key.endswith("-institution")
        and value == str(Institution.objects.get(slug="gustave-roussy").pk)
    )
    response = client.post(url, form_data(client, url, **{f"{roussy_row}-DELETE": "on"}))
    assert response.status_code == 200
    assert demo_release.issuers.count() == 2


def test_published_release_cannot_be_deleted(client, make_staff, make_release):
    release = make_release()
    client.force_login(make_staff("Administrator"))
    url = reverse("admin:newsroom_pressrelease_delete", args=[release.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert PressRelease.objects.filter(pk=release.pk).exists()


def test_editor_boundary_in_the_back_office(client, make_staff, draft, sanofi):
    """An editor of one institution cannot list, open, change, see the history of, act on
    or preview another institution's draft."""
    other = make_staff("Editor", sanofi)
    client.force_login(other)
    changelist = client.get(reverse("admin:newsroom_pressrelease_changelist"))
    assert "Projet Acme" not in changelist.text
    change = client.get(admin_change(draft))
    assert change.status_code == 302  # "doesn't exist or was deleted" → back to the list
    history = reverse("admin:newsroom_pressrelease_history", args=[draft.pk])
    assert client.get(history).status_code in (302, 404)
    workflow_url = reverse("admin:newsroom_pressrelease_workflow", args=[draft.pk])
    assert client.post(workflow_url, {"action": "submit"}).status_code == 404
    assert client.get(draft.get_absolute_url("fr")).status_code == 404  # public preview
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_editor_works_on_own_institution(client, make_staff, draft, institution):
    editor = make_staff("Editor", institution)
    client.force_login(editor)
    assert "Projet Acme" in client.get(reverse("admin:newsroom_pressrelease_changelist")).text
    assert client.get(admin_change(draft)).status_code == 200
    assert client.get(draft.get_absolute_url("fr")).status_code == 200  # staff preview
    workflow_url = reverse("admin:newsroom_pressrelease_workflow", args=[draft.pk])
    assert client.post(workflow_url, {"action": "submit", "comment": "ok"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "in_review"


def test_editor_cannot_issue_in_another_institution_name(client, make_staff, institution, sanofi):
    client.force_login(make_staff("Editor", institution))
    response = client.get(reverse("admin:newsroom_pressrelease_add"))
    formset = next(
        f
        for f in response.context["inline_admin_formsets"]
        if f.formset.prefix == "releaseissuer_set"
    )
    choices = formset.formset.empty_form.fields["institution"].queryset
    assert list(choices) == [institution]


def test_roles_exist_with_their_permissions():
    from django.contrib.auth.models import Group

    editor, publisher, administrator = (
        Group.objects.get(name=name) for name in ("Editor", "Publisher", "Administrator")
    )
    codes = {
        g.name: set(g.permissions.values_list("codename", flat=True))
        for g in (editor, publisher, administrator)
    }
    assert (
        "change_pressrelease" in codes["Editor"] and "publish_pressrelease" not in codes["Editor"]
    )
    assert {"approve_pressrelease", "publish_pressrelease", "withdraw_pressrelease"} <= codes[
        "Publisher"
    ]
    assert codes["Editor"] < codes["Publisher"]
    assert "change_user" in codes["Administrator"] and "change_user" not in codes["Publisher"]


def test_no_cache_keeps_a_withdrawn_release(client, make_release, make_staff):
    from tests.helpers import add_image

    release = make_release()
    image = add_image(release)
    page = client.get(release.get_absolute_url("fr"))
    assert "max-age" not in page.get("Cache-Control", "")  # pages are not kept by caches
    media = client.get(image.web.url)
    assert media["Cache-Control"] == "public, no-cache"  # caches must ask again every time
    workflow.release_transition(release=release, user=make_staff("Publisher"), action="withdraw")
    assert client.get(image.web.url).status_code == 404
    assert client.get(release.get_absolute_url("fr")).status_code == 410
