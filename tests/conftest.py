import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from hypothesis import settings as hypothesis_settings

from newsroom import page_cache
from newsroom.demo import load_demo
from newsroom.models import PressRelease, ReleaseIssuer
from newsroom.search import index
from partners.models import Institution
from tests.helpers import HYPOTHESIS_EXAMPLES

# Hypothesis profiles. Each test's examples are counted for these (tests/helpers.examples):
# "dev" (the default) draws them at random, remembering failures in .hypothesis/; "ci" (CI set)
# draws the same ones each run, so a red build is a real change, and prints the blob that
# reproduces a failure; "long" (HYPOTHESIS_PROFILE=long, `make fuzz-long`) draws about 33 times
# as many, at random.
hypothesis_settings.register_profile(
    "dev", max_examples=HYPOTHESIS_EXAMPLES, deadline=None, print_blob=True
)
hypothesis_settings.register_profile(
    "ci",
    max_examples=HYPOTHESIS_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
)
hypothesis_settings.register_profile("long", max_examples=1000, deadline=None, print_blob=True)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() in {"1", "true", "yes"} else "dev")
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached page (the local-memory cache outlives tests)."""
    caches[settings.PAGE_CACHE].clear()


@pytest.fixture(autouse=True)
def newsroom_identity(request):
    """The newsroom identity read afresh before each test with a database: a process reads it
    once, so query budgets count what each page costs after that (pages check it for free)."""
    from newsroom.models import identity

    identity.forget()
    # A django_db mark opened the database already (pytest-django's own autouse fixture).
    opened = request.node.get_closest_marker("django_db") is not None
    for name in ("transactional_db", "db"):
        if not opened and name in request.fixturenames:
            request.getfixturevalue(name)
            opened = True
    if opened:
        identity.current_identity()


@pytest.fixture
def uncached():
    """Call before a request to have its page built, not served from the cache."""
    return caches[settings.PAGE_CACHE].clear


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Pages render without running collectstatic first; test_static.py covers the manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """load_demo() run once per session (tests/demo_snapshot.py), for ``demo_release``."""
    from tests import demo_snapshot

    with django_db_blocker.unblock():
        return demo_snapshot.build(tmp_path_factory.mktemp("demo-media"))


@pytest.fixture
def demo_release(db, demo_snapshot, media_root):
    """The demo content: the session's copy, or load_demo() itself if this test's database
    is no longer as migrations left it."""
    return demo_snapshot.copy_into(media_root) or load_demo()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-staff-42!")
    client.force_login(user)
    return client


@pytest.fixture
def institution(db):
    return Institution.objects.create(kind="company", name_fr="Acme", name_en="Acme", slug="acme")


@pytest.fixture
def make_release(db, institution):
    """A published release (by default) issued by ``institution``."""
    counter = iter(range(1, 100_000))

    def make(**fields):
        n = next(counter)
        values = {
            "title_fr": f"Communiqué numéro {n}",
            "title_en": f"Release number {n}",
            "status": PressRelease.Status.PUBLISHED,
            "publish_at": timezone.now() - timezone.timedelta(hours=1),
        }
        values.update(fields)
        # Indexed once, with its issuer; one new content version for both rows.
        with index.deferred(), page_cache.deferred():
            release = PressRelease.objects.create(**values)
            ReleaseIssuer.objects.create(release=release, institution=institution)
        return release

    return make


@pytest.fixture
def make_staff(db, django_user_model):
    """A staff user in a role group (Editor, Publisher, Administrator), member of institutions."""
    from django.contrib.auth.models import Group

    counter = iter(range(1, 1000))

    def make(role, *institutions):
        n = next(counter)
        user = django_user_model.objects.create_user(
            f"{role.lower()}{n}", f"{role.lower()}{n}@example.org", "pw-Str0ng!-x", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        for institution in institutions:
            institution.staff.add(user)
        return user

    return make


@pytest.fixture
def make_journalist(db, django_user_model):
    from newsroom.models import Journalist

    def make(status="approved", email="journalist@example.org"):
        user = django_user_model.objects.create_user(email, email, "pw-Str0ng!-x")
        Journalist.objects.create(
            user=user, name="Jo Reporter", outlet="Le Quotidien", email=email, status=status
        )
        return user

    return make
