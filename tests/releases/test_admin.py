"""The back office: list, add and change pages for every model; forms keep input on errors."""

import pytest
from django.contrib import admin
from django.urls import reverse

from newsroom.models import PressRelease

pytestmark = pytest.mark.django_db
REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def every_model(demo_release, make_journalist):
    """At least one row of every model the admin shows."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from alerts.models import Delivery, Dispatch, Kind, Subscriber
    from alerts.tasks import sweep
    from newsroom.models import EmbargoedView, PreviewLink

    journalist = make_journalist().journalist
    EmbargoedView.objects.create(journalist=journalist, release=demo_release)
    PreviewLink.objects.create(release=demo_release, expires_at=timezone.now())
    TOTPDevice.objects.create(user=journalist.user, name="Authenticator app")
    sign_in = {"username": "jo", "ip_address": "203.0.113.7", "user_agent": "Firefox"}
    AccessLog.objects.create(**sign_in)
    AccessFailureLog.objects.create(**sign_in, locked_out=False)
    AccessAttempt.objects.create(**sign_in, failures_since_start=5)
    now = timezone.now()
    subscriber = Subscriber.objects.create(
        email="jo@example.org", language="fr", everything=True, requested_at=now, confirmed_at=now
    )
    Dispatch.objects.create(release=demo_release, kind=Kind.PUBLIC, recipients=1)
    Delivery.objects.create(subscriber=subscriber, release=demo_release, kind=Kind.PUBLIC)
    sweep.enqueue()  # a task in the queue
    return demo_release


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages(staff_client, every_model, model):
    # A one-row model's list goes straight to its row.
    assert staff_client.get(admin_url(model, "changelist"), follow=True).status_code == 200
    addable = admin.site._registry[model].has_add_permission(
        type("Request", (), {"user": staff_client.get("/admin/").wsgi_request.user})()
    )
    assert staff_client.get(admin_url(model, "add")).status_code == (200 if addable else 403)
    obj = model.objects.first()
    assert obj is not None, f"no {model._meta.label} to open"
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_admin_search_works(staff_client, demo_release, model):
    if not admin.site._registry[model].search_fields:
        pytest.skip("no search on this model")
    response = staff_client.get(admin_url(model, "changelist"), {"q": "Roussy"})
    assert response.status_code == 200


def test_release_form_has_language_tabs_editor_and_no_cdn(staff_client, demo_release):
    html = staff_client.get(admin_url(PressRelease, "change", demo_release.pk)).text
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "vendor/jquery-ui/jquery-ui.min.js" in html
    assert 'name="title_fr"' in html and 'name="title_en"' in html
    assert "django_prose_editor" in html and 'name="body_fr"' in html
    assert "googleapis" not in html and "cdn" not in html.lower()
    for prefix in ("releaseissuer_set", "quotes", "images", "attachments", "releasecontact_set"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def inline_management(response, data):
    for formset in response.context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def release_post(staff_client, **fields):
    add_url = admin_url(PressRelease, "add")
    data = inline_management(
        staff_client.get(add_url),
        {"original_language": "fr", "release_date": "2026-11-29", "status": "draft"},
    )
    return staff_client.post(add_url, data | fields)


def test_invalid_release_redisplayed_with_errors_and_nothing_lost(staff_client, institution):
    body = "<p>Un texte long que personne ne veut retaper.</p>"
    response = release_post(
        staff_client,
        title_en="English only",
        body_fr=body,
        doi="not-a-doi",
        **{
            "releaseissuer_set-TOTAL_FORMS": "1",
            "releaseissuer_set-0-institution": str(institution.pk),
            "releaseissuer_set-0-order": "0",
        },
    )
    assert response.status_code == 200
    assert not PressRelease.objects.exists()
    errors = response.context["adminform"].form.errors
    assert "title_fr" in errors and "doi" in errors
    html = response.text
    assert "Un texte long que personne ne veut retaper." in html
    assert 'value="English only"' in html and 'value="not-a-doi"' in html


def test_release_needs_an_issuer(staff_client):
    response = release_post(staff_client, title_fr="Sans émetteur")
    assert response.status_code == 200
    assert not PressRelease.objects.exists()


def test_valid_release_saved_sanitised_with_author(staff_client, institution):
    response = release_post(
        staff_client,
        title_fr="Nouveau communiqué",
        body_fr="<p>Texte<script>alert(1)</script></p><ul><li>point</li></ul>",
        **{
            "releaseissuer_set-TOTAL_FORMS": "1",
            "releaseissuer_set-0-institution": str(institution.pk),
            "releaseissuer_set-0-order": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get()
    assert release.body_fr == "<p>Texte</p><ul><li>point</li></ul>"
    assert release.slug_fr == "nouveau-communique"
    assert release.created_by.username == "staff" and release.updated_by.username == "staff"
    assert list(release.issuers.all()) == [institution]


def test_change_page_shows_existing_images_and_attachments(staff_client, demo_release):
    from django.core.files.base import ContentFile

    from newsroom.demo import placeholder_logo
    from newsroom.models import Attachment, ReleaseImage

    image = ReleaseImage(release=demo_release, alt_text_fr="Le campus", credit="Gustave Roussy")
    image.image.save("campus.png", ContentFile(placeholder_logo("GR", "#c4122f")), save=True)
    attachment = Attachment(release=demo_release, title_fr="Dossier de presse")
    attachment.file.save("dossier.pdf", ContentFile(b"%PDF-1.7 demo"), save=True)
    html = staff_client.get(admin_url(PressRelease, "change", demo_release.pk)).text
    # The image as a thumbnail, described by its alternative text (not by its random file name).
    image.refresh_from_db()
    assert f'src="{image.thumbnail.url}" alt="Le campus"' in html
    assert image.image.name not in html
    assert attachment.file.name in html and "Dossier de presse" in html


def test_duplicate_listing_in_other_case_is_a_form_error_not_a_crash(staff_client, demo_release):
    from partners.models import Institution, StockListing

    sanofi = Institution.objects.get(slug="sanofi")
    response = staff_client.post(
        admin_url(StockListing, "add"),
        {"institution": sanofi.pk, "exchange": "euronext", "ticker": "san"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "This listing is already recorded." in response.text
    assert StockListing.objects.filter(ticker="SAN").count() == 1


def test_duplicate_topic_slug_is_a_form_error_not_a_crash(staff_client, demo_release):
    from newsroom.models import Topic

    response = staff_client.post(
        admin_url(Topic, "add"),
        {"name_fr": "Oncologie bis", "slug_fr": "oncologie"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "This slug is already used." in response.text


def test_media_contact_languages_chosen_with_checkboxes(staff_client, demo_release):
    from partners.models import MediaContact

    contact = MediaContact.objects.get(email="claire.parisel@gustaveroussy.fr")
    url = admin_url(MediaContact, "change", contact.pk)
    html = staff_client.get(url).text
    assert 'type="checkbox" name="languages" value="en"' in html
    data = {
        "name": contact.name,
        "institution": contact.institution_id,
        "phone": "01 42 11 50 59",
        "email": contact.email,
        "languages": ["fr", "en"],
        "is_public": "on",
        "listing": "public",
        "order": 1,
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    contact.refresh_from_db()
    assert contact.languages == ["fr", "en"]
    assert contact.phone.as_e164 == "+33142115059"


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_change_form_shows_every_editable_field(staff_client, every_model, model):
    """Guards against a custom form hiding fields (modeltranslation + Meta.fields)."""
    obj = model.objects.first()
    context = staff_client.get(admin_url(model, "change", obj.pk)).context
    if not context["has_change_permission"]:
        pytest.skip("a read-only log")
    form = context["adminform"].form
    editable = {
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and not getattr(field, "translated_field", None)
        # many-to-many through a model of ours: edited in an inline
        and not (field.many_to_many and not field.remote_field.through._meta.auto_created)
        and field.name not in admin.site._registry[model].get_readonly_fields(None, obj)
    }
    shown = {
        name.rsplit("_", 1)[0] if name[-3:] in ("_fr", "_en") else name for name in form.fields
    }
    assert editable - shown - {"password", "status"} == set()
