"""The admin's workflow buttons and review links in real transactions (autocommit, as in
production): row locks must be taken inside a transaction (PostgreSQL refuses otherwise)."""

import pytest
from django.urls import reverse

from newsroom.models import PreviewLink
from tests.helpers import ensure_roles

pytestmark = pytest.mark.django_db(transaction=True)


def test_workflow_button_and_review_link_outside_test_transactions(
    client, make_staff, make_release
):
    ensure_roles()  # a transactional test before may have flushed the migrations' groups
    release = make_release(status="draft", publish_at=None)
    client.force_login(make_staff("Publisher"))
    workflow_url = reverse("admin:newsroom_pressrelease_workflow", args=[release.pk])
    assert client.post(workflow_url, {"action": "submit"}).status_code == 302
    release.refresh_from_db()
    assert release.status == "in_review"
    review_url = reverse("admin:newsroom_pressrelease_review_link", args=[release.pk])
    assert client.post(review_url, {"days": "x"}).status_code == 302  # bad number: 7 days
    assert PreviewLink.objects.get(release=release).expires_at
