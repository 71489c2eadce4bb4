"""Review links: signed, expiring, revocable; they stop at publication or withdrawal."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom import workflow
from newsroom.models import PreviewLink
from tests.helpers import add_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(make_release):
    return make_release(status="draft", publish_at=None, title_fr="Projet confidentiel")


@pytest.fixture
def link_url(staff_client, draft):
    url = reverse("admin:newsroom_pressrelease_review_link", args=[draft.pk])
    response = staff_client.post(url, {"days": "3"}, follow=True)
    link = PreviewLink.objects.get(release=draft)
    message = str(next(iter(response.context["messages"])))
    assert link.get_absolute_url() in message
    return link.get_absolute_url()


def test_review_link_shows_the_draft_with_banner_and_noindex(draft, link_url):
    image = add_image(draft)
    reviewer = Client()
    response = reviewer.get(link_url)
    assert response.status_code == 200
    assert "Projet confidentiel" in response.text
    assert "BROUILLON — ne pas publier" in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    served = reviewer.get(image.web.url)  # its images, for this reviewer only:
    assert served.status_code == 200 and served["Cache-Control"] == "private, no-store"
    assert Client().get(image.web.url).status_code == 404  # not for anyone else
    assert Client().get(draft.get_absolute_url("fr")).status_code == 404


def test_review_link_expires(draft, link_url):
    with time_machine.travel(timezone.now() + timezone.timedelta(days=3, minutes=1)):
        assert Client().get(link_url).status_code == 404


def test_review_link_revoked(staff_client, draft, link_url):
    link = PreviewLink.objects.get()
    staff_client.post(
        reverse("admin:newsroom_previewlink_changelist"),
        {"action": "revoke", "_selected_action": [link.pk]},
    )
    assert Client().get(link_url).status_code == 404


@pytest.mark.parametrize("final", ["publish", "withdraw"])
def test_review_link_stops_when_the_release_goes_out(draft, link_url, make_staff, final):
    publisher = make_staff("Administrator")
    draft.original_only = True
    draft.save()
    for action in ("submit", "approve", "publish"):
        draft = workflow.release_transition(release=draft, user=publisher, action=action)
    if final == "withdraw":
        workflow.release_transition(release=draft, user=publisher, action="withdraw")
    assert Client().get(link_url).status_code == 404


@pytest.mark.parametrize("token", ["forged", "abc:def", "x" * 500])
def test_forged_tokens_are_404(client, draft, link_url, token):
    assert client.get(f"/fr/apercu/{token}/").status_code == 404
    tampered = link_url.replace(link_url.split("/")[-2][:5], "AAAAA")
    assert client.get(tampered).status_code == 404
