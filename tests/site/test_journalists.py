"""Accreditation: sign up, staff decide, sign in, read under embargo (views logged)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.models import EmbargoedView, Journalist

pytestmark = pytest.mark.django_db
SIGN_UP = "/fr/journalistes/inscription/"
SIGN_IN = "/fr/journalistes/connexion/"


def sign_up(client, **changes):
    data = {
        "name": "Jo Reporter",
        "outlet": "Le Quotidien",
        "email": "Jo@Quotidien.example",
        "press_card": "12345",
        "password": "une-phrase-de-passe-solide",
    }
    return client.post(SIGN_UP, data | changes)


def test_sign_up_creates_a_pending_inactive_account(client):
    response = sign_up(client)
    assert response.status_code == 201
    journalist = Journalist.objects.get()
    assert journalist.status == "pending" and journalist.email == "jo@quotidien.example"
    assert not journalist.user.is_active
    refused = client.post(
        SIGN_IN, {"username": "jo@quotidien.example", "password": "une-phrase-de-passe-solide"}
    )
    assert refused.status_code == 200 and not refused.wsgi_request.user.is_authenticated


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"password": "123"}, "password"),
        ({"name": ""}, "name"),
        ({"outlet": ""}, "outlet"),
    ],
)
def test_bad_sign_up_redisplays_with_errors_and_keeps_input(client, changes, field):
    response = sign_up(client, **changes)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Le Quotidien" in response.text or field == "outlet"
    assert not Journalist.objects.exists()


def test_duplicate_email_refused(client):
    sign_up(client)
    response = sign_up(client, email="jo@quotidien.example")
    assert "email" in response.context["form"].errors
    assert Journalist.objects.count() == 1


def test_staff_approval_then_sign_in_and_embargo(staff_client, make_release):
    client = Client()  # the journalist's browser (staff_client is logged in as staff)
    sign_up(client)
    journalist = Journalist.objects.get()
    changelist = reverse("admin:newsroom_journalist_changelist")
    staff_client.post(changelist, {"action": "approve", "_selected_action": [journalist.pk]})
    journalist.refresh_from_db()
    assert journalist.status == "approved" and journalist.user.is_active
    assert journalist.decided_by.username == "staff"
    embargoed = make_release(
        title_fr="Sous embargo",
        publish_at=timezone.now() - timezone.timedelta(hours=1),
        embargo_until=timezone.now() + timezone.timedelta(hours=1),
    )
    assert client.get(embargoed.get_absolute_url("fr")).status_code == 404
    response = client.post(
        SIGN_IN, {"username": "jo@quotidien.example", "password": "une-phrase-de-passe-solide"}
    )
    assert response.status_code == 302
    html = client.get(embargoed.get_absolute_url("fr")).text
    assert "SOUS EMBARGO" in html
    assert "Sous embargo" in client.get("/fr/communiques/").text
    assert EmbargoedView.objects.filter(journalist=journalist, release=embargoed).exists()


def test_refused_journalist_cannot_sign_in(staff_client):
    sign_up(Client())
    journalist = Journalist.objects.get()
    changelist = reverse("admin:newsroom_journalist_changelist")
    staff_client.post(changelist, {"action": "refuse", "_selected_action": [journalist.pk]})
    journalist.refresh_from_db()
    assert journalist.status == "refused"
    assert not get_user_model().objects.get(email="jo@quotidien.example").is_active


def test_errors_are_tied_to_their_fields_for_screen_readers(client):
    html = sign_up(client, email="nope").text
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_error"' in html and 'id="id_email_error"' in html
    assert 'id="id_password_helptext"' in html
