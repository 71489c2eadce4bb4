"""The release form in the back office: its workflow buttons act on what the form shows (saved,
validated, then moved, in one transaction), in the user's language; and the form's parts
(thumbnails, languages of fields, credits, the list's columns)."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from newsroom.history import describe
from newsroom.models import PressRelease, ReleaseImage, ReleaseTransition
from tests.helpers import add_image, admin_change, ensure_roles, form_data

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()
NOW = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=PARIS)


@pytest.fixture
def approved(make_release):
    return make_release(
        status="approved",
        publish_at=None,
        title_fr="Projet approuvé",
        body_fr="<p>Texte</p>",
        title_en="Approved project",
        body_en="<p>Text</p>",
    )


@pytest.fixture
def publisher(client, make_staff):
    user = make_staff("Publisher")
    client.force_login(user)
    return user


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def split(moment):
    return {"0": moment.strftime("%Y-%m-%d"), "1": moment.strftime("%H:%M:%S")}


def typed(field, moment):
    return {f"{field}_{part}": value for part, value in split(moment).items()}


@time_machine.travel(NOW, tick=False)
def test_publish_keeps_the_embargo_typed_but_not_saved(client, publisher, approved):
    url = admin_change(approved)
    embargo = datetime.datetime(2026, 12, 3, 14, 0, tzinfo=PARIS)
    data = form_data(client, url, **typed("embargo_until", embargo), _workflow="publish")
    response = client.post(url, data, follow=True)
    approved.refresh_from_db()
    assert approved.status == "published" and approved.embargo_until == embargo
    assert response.redirect_chain[-1][0] == url
    assert messages_of(response) == [
        "Enregistré. Publié sous embargo jusqu’au 3 décembre 2026 à 14:00, heure de Paris "
        "(13:00 UTC) : d’ici là, seuls les journalistes accrédités le voient."
    ]
    # Saved and moved in one step: one revision, whose comment tells both.
    (version,) = Version.objects.get_for_object(approved)
    shown = describe(version.revision.comment)
    assert "Publier ou programmer" in shown and "embargo jusqu’au" in shown, shown


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "Enregistré. Programmé : mis en ligne le 3 décembre 2026 à 14:00, heure de Paris "
            "(13:00 UTC).",
        ),
        ("en", "Saved. Scheduled: goes public on 3 December 2026, 14:00 Paris time (13:00 UTC)."),
    ],
)
def test_scheduling_says_when_in_the_user_language(client, publisher, approved, language, expected):
    url = admin_change(approved)
    minute = datetime.datetime(2026, 12, 3, 14, 0, tzinfo=PARIS)
    data = form_data(client, url, **typed("publish_at", minute), _workflow="publish")
    response = client.post(url, data, follow=True, HTTP_ACCEPT_LANGUAGE=language)
    assert messages_of(response) == [expected]
    approved.refresh_from_db()
    assert approved.status == "published" and approved.publish_at == minute
    assert client.get(approved.get_absolute_url("fr")).status_code == 200  # staff preview
    client.logout()
    assert client.get(approved.get_absolute_url("fr")).status_code == 404  # not yet public


def test_invalid_form_moves_nothing_and_shows_its_errors(client, publisher, approved):
    url = admin_change(approved)
    embargo = timezone.now() + datetime.timedelta(days=2)
    data = form_data(
        client, url, doi="not-a-doi", **typed("embargo_until", embargo), _workflow="publish"
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "doi" in response.context["adminform"].form.errors
    assert 'value="not-a-doi"' in response.text  # what was typed is still in the form
    approved.refresh_from_db()
    assert approved.status == "approved" and approved.embargo_until is None
    assert approved.doi == "" and not ReleaseTransition.objects.filter(release=approved).exists()


def test_refused_move_keeps_what_was_typed(client, publisher, approved):
    url = admin_change(approved)
    data = form_data(client, url, title_en="", body_en="", _workflow="publish")
    data["title_fr"] = "Titre retouché"
    response = client.post(url, data, follow=True)
    approved.refresh_from_db()
    assert approved.title_fr == "Titre retouché" and approved.status == "approved"
    (message,) = messages_of(response)
    assert message.startswith(
        "Vos modifications sont enregistrées, mais « Publier ou programmer » n’a pas été fait"
    )
    assert "traduction est incomplète" in message


def test_submit_saves_the_unsaved_title(client, make_staff, make_release, institution):
    draft = make_release(status="draft", publish_at=None, title_fr="Ancien titre")
    editor = make_staff("Editor", institution)
    client.force_login(editor)
    url = admin_change(draft)
    data = form_data(
        client, url, title_fr="Nouveau titre", _workflow="submit", _workflow_comment="Relisez"
    )
    response = client.post(url, data, follow=True)
    draft.refresh_from_db()
    assert draft.title_fr == "Nouveau titre" and draft.status == "in_review"
    assert messages_of(response) == ["Enregistré. Soumis à relecture."]
    step = ReleaseTransition.objects.get(release=draft)
    assert (step.user, step.to_status, step.comment) == (editor, "in_review", "Relisez")


def test_a_new_release_can_be_submitted_at_once(client, make_staff, institution):
    client.force_login(make_staff("Editor", institution))
    add_url = reverse("admin:newsroom_pressrelease_add")
    page = client.get(add_url)
    assert 'name="_workflow" value="submit"' in page.text
    data = {
        "original_language": "fr",
        "release_date": "2026-11-29",
        "title_fr": "Tout neuf",
        "original_only": "on",
        "_workflow": "submit",
    }
    for formset in page.context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "releaseissuer_set-TOTAL_FORMS": "1",
        "releaseissuer_set-0-institution": str(institution.pk),
        "releaseissuer_set-0-order": "0",
    }
    response = client.post(add_url, data, follow=True)
    release = PressRelease.objects.get(title_fr="Tout neuf")
    assert release.status == "in_review"
    assert response.redirect_chain[-1][0] == admin_change(release)
    assert messages_of(response) == ["Enregistré. Soumis à relecture."]


def test_enter_in_a_field_saves_rather_than_moves(client, publisher, approved):
    """A browser submits a form with its first button when Enter is pressed in a field."""
    html = client.get(admin_change(approved)).text
    form = html[html.index('<form enctype="multipart/form-data"') :]
    first = re.search(r'<(?:input|button) type="submit"[^>]*name="(\w+)"', form)
    assert first.group(1) == "_save"
    assert 'name="_workflow" value="publish"' in form  # the buttons are in the change form
    assert 'action="' not in form.split('name="_workflow"')[0].split("<form")[-1]


def test_read_only_release_still_moves_without_a_save(client, make_staff, approved, institution):
    """An editor sees an approved release read-only; "Return to draft" posts to the workflow
    view (nothing typed there to lose)."""
    client.force_login(make_staff("Editor", institution))
    url = admin_change(approved)
    html = client.get(url).text
    workflow_url = reverse("admin:newsroom_pressrelease_workflow", args=[approved.pk])
    assert f'value="return_to_draft" class="button" formaction="{workflow_url}"' in html
    response = client.post(workflow_url, {"_workflow": "return_to_draft"}, follow=True)
    approved.refresh_from_db()
    assert approved.status == "draft"
    assert messages_of(response) == ["Renvoyé en brouillon."]


def test_change_form_parts(client, publisher, approved):
    image = add_image(approved, alt_text_fr="Une chercheuse", credit="© Studio Lumière")
    assert image.credit == "Studio Lumière" and image.credit_notice == "© Studio Lumière"
    html = client.get(admin_change(approved)).text
    assert f'<img class="image-thumbnail" src="{image.thumbnail.url}" alt="Une chercheuse"' in html
    assert image.image.name not in html  # the random stored name is not shown
    assert re.search(r'<input [^>]*name="title_en"[^>]*lang="en"', html)
    assert re.search(r'<textarea [^>]*name="body_fr"[^>]*lang="fr"', html)
    assert "NoSpellCheck" not in html  # django-prose-editor's default turned off
    assert 'class="language-switch" hidden data-original-language="fr"' in html
    assert "newsroom/release_form.js" in html
    assert html.count("<details>") >= 5  # the less used sections fold


@pytest.mark.parametrize(
    ("credit", "shown"),
    [("© Inserm", "© Inserm"), ("(c) Inserm", "© Inserm"), ("Copyright: Inserm", "© Inserm")],
)
def test_credit_shown_with_one_copyright_sign(make_release, credit, shown):
    release = make_release()
    image = add_image(release, credit=credit)
    assert ReleaseImage.objects.get(pk=image.pk).credit_notice == shown
    ReleaseImage.objects.filter(pk=image.pk).update(credit=credit)  # stored before the fix
    assert ReleaseImage.objects.get(pk=image.pk).credit_notice == shown


@time_machine.travel(NOW, tick=False)
def test_list_columns_are_short(client, publisher, approved, make_release):
    make_release(
        title_fr="Programmé plus tard",
        publish_at=datetime.datetime(2026, 12, 9, 8, 30, tzinfo=PARIS),
    )
    html = client.get(reverse("admin:newsroom_pressrelease_changelist")).text
    assert "Programmé<br>" in html and "9 déc. 2026 08:30" in html
    assert "émis par" in html.lower() and "embargo until" not in html.lower()


@pytest.mark.django_db(transaction=True)
def test_save_and_move_outside_test_transactions(client, make_staff, make_release):
    """In autocommit, as in production: the save and the step share the admin's transaction,
    where the step's row lock is allowed (PostgreSQL refuses one outside a transaction)."""
    ensure_roles()  # a transactional test before this one may have emptied the database
    draft = make_release(status="draft", publish_at=None, title_fr="Avant")
    client.force_login(make_staff("Publisher"))
    url = admin_change(draft)
    response = client.post(url, form_data(client, url, title_fr="Après", _workflow="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title_fr, draft.status) == ("Après", "in_review")


def test_ensure_roles_makes_the_migrations_roles():
    """The helper the transactional tests use gives each role the permissions the migrations
    give it."""
    from django.contrib.auth.models import Group

    def roles():
        return {
            group.name: set(group.permissions.values_list("codename", flat=True))
            for group in Group.objects.all()
        }

    migrated = roles()
    assert set(migrated) == {"Editor", "Publisher", "Administrator"}
    Group.objects.all().delete()
    ensure_roles()
    assert roles() == migrated


@pytest.mark.parametrize(
    ("language", "change", "step"),
    [("fr", "Modification de", "Soumettre à relecture"), ("en", "Changed", "Submit for review")],
)
def test_save_and_step_are_one_revision_read_in_either_language(
    client, make_staff, make_release, institution, language, change, step
):
    """The revision of a workflow button keeps what the save changed and the step, stored
    without a language and written out in the reader's."""
    from django.utils import translation

    from newsroom.history import describe

    draft = make_release(status="draft", publish_at=None, title_fr="Ancien titre")
    client.force_login(make_staff("Editor", institution))
    url = admin_change(draft)
    client.post(url, form_data(client, url, title_fr="Nouveau titre", _workflow="submit"))
    comment = Version.objects.get_for_object(draft).first().revision.comment
    with translation.override(language):
        shown = describe(comment)
    assert shown.startswith(change) and shown.endswith(step) and "{" not in shown, shown
