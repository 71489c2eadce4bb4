"""One visibility rule: the queryset (``published(now)``, ``under_embargo(now)``) is the source;
``PressRelease.is_public_at(now)`` / ``is_embargoed_at(now)`` are its Python twins, and the
search documents' ``public_from`` its copy in SQL. Checked to agree in every state, at moments
before, at and after each release's publication and embargo lift: if either side changes
alone, this fails."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from newsroom.models import PressRelease, ReleaseStatus
from tests.helpers import HIDDEN_STATES

pytestmark = pytest.mark.django_db

T = timezone.now().replace(microsecond=0) - timezone.timedelta(days=3)
HOUR = timezone.timedelta(hours=1)
MINUTE = timezone.timedelta(minutes=1)

STATES = [
    *HIDDEN_STATES,
    {},  # make_release's default: published an hour ago
    {"publish_at": T},  # published, public
    {"publish_at": T + 10 * HOUR},  # published, scheduled
    {"publish_at": T, "embargo_until": T + 2 * HOUR},  # embargoed, then lifted
    {"publish_at": T, "embargo_until": T},  # embargo lifting at publication
    {"publish_at": T + HOUR, "embargo_until": T + 3 * HOUR},  # scheduled, then embargoed
    {"status": "draft", "publish_at": None},
    {"status": "draft", "publish_at": None, "embargo_until": T + HOUR},
    {"status": "draft", "publish_at": T, "embargo_until": T + HOUR},
    {"status": "in_review", "publish_at": T},
    {"status": "approved", "publish_at": T, "embargo_until": T + HOUR},
    {"status": "withdrawn", "publish_at": T, "withdrawn_at": T + 2 * HOUR},
    {
        "status": "withdrawn",
        "publish_at": T,
        "embargo_until": T + HOUR,
        "withdrawn_at": T + 2 * HOUR,
    },
]


def moments(release):
    """Before, at and after each of its times, and now and soon."""
    now = timezone.now()
    times = [moment for moment in (release.publish_at, release.embargo_until) if moment]
    around = (
        moment + delta for moment in times for delta in (-MINUTE, timezone.timedelta(), MINUTE)
    )
    return sorted({now, now + 2 * HOUR, T - HOUR, *around})


def test_python_twins_agree_with_the_queryset_in_every_state(make_release, make_journalist):
    releases = [PressRelease.objects.get(pk=make_release(**state).pk) for state in STATES]
    assert {release.status for release in releases} == set(ReleaseStatus.values)
    journalist = make_journalist()
    for release, now in itertools.chain.from_iterable(
        ((release, now) for now in moments(release)) for release in releases
    ):
        one = PressRelease.objects.filter(pk=release.pk)
        public = one.published(now).exists()
        embargoed = one.under_embargo(now).exists()
        context = (release.status, release.publish_at, release.embargo_until, now)
        assert release.is_public_at(now) == public, context
        assert release.is_embargoed_at(now) == embargoed, context
        assert not (public and embargoed), context
        # The readers' side of the rule: anonymous readers see the public, journalists also
        # what is under embargo.
        assert one.visible_to(AnonymousUser(), now).exists() == public, context
        assert one.visible_to(journalist, now).exists() == (public or embargoed), context
        # Search's copy in SQL (``d.public_from <= now``).
        copied = release.public_from is not None and release.public_from <= now
        assert copied == public, context


def test_search_documents_copy_the_rule(make_release):
    """The stored copy itself: what search preselects as public at ``now``."""
    from newsroom.models import SearchDocument

    releases = [make_release(**state) for state in STATES]
    checked = set()
    for release in releases:
        stored = SearchDocument.objects.filter(release=release)
        if not stored.exists():
            continue
        checked.add(release.status)
        for now in moments(release):
            preselected = stored.filter(public_from__lte=now).exists()
            assert preselected == release.is_public_at(now), (release.status, now)
    assert checked == set(ReleaseStatus.values)  # a document in every state
