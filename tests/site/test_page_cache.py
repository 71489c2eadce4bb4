"""The page cache (newsroom/page_cache.py): fast for anonymous readers, never showing a
release early, never keeping one that changed or was withdrawn, never shared with signed-in
readers."""

import os
import subprocess
import sys

import pytest
import redis
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from newsroom import page_cache, workflow
from newsroom.models import ContentVersion, PressRelease

LIST = "/fr/communiques/"
FEED = "/fr/flux/rss/"
# This year's releases' sitemap (``make_release`` dates them today).
SITEMAP = f"/sitemap-releases-{timezone.localdate().year}.xml"


def detail(release, language="fr"):
    return release.get_absolute_url(language)


def test_an_anonymous_reader_is_served_from_the_cache(
    client, make_release, django_assert_num_queries
):
    release = make_release(title_fr="Vaccin contre la grippe")
    urls = (LIST, detail(release), FEED, "/sitemap.xml", SITEMAP, "/fr/", "/en/press-releases/")
    for url in urls:
        first = client.get(url)
        with django_assert_num_queries(1):  # the content version, nothing else
            again = client.get(url)
        assert again.status_code == 200 and again.content == first.content, url
        assert again["ETag"] == first["ETag"] and again["Last-Modified"], url
        assert "no-cache" in again["Cache-Control"], url  # browsers check back each time


def test_editing_publishing_and_withdrawing_show_at_once(
    client, make_release, make_staff, institution
):
    shown = make_release(title_fr="Premier titre")
    draft = make_release(
        title_fr="Brouillon caché", status="draft", publish_at=None, original_only=True
    )
    urls = [LIST, detail(shown), FEED, SITEMAP]
    for url in urls:
        client.get(url)  # cached
    assert "Brouillon caché" not in client.get(LIST).text

    shown.title_fr = "Titre corrigé"
    shown.save()
    assert "Titre corrigé" in client.get(LIST).text
    assert "Titre corrigé" in client.get(detail(shown)).text
    assert "Titre corrigé" in client.get(FEED).text

    publisher = make_staff("Publisher", institution)
    for action in ("submit", "approve", "publish"):
        draft = workflow.release_transition(release=draft, user=publisher, action=action)
    assert "Brouillon caché" in client.get(LIST).text
    assert detail(draft) in client.get(SITEMAP).text

    workflow.release_transition(release=shown, user=publisher, action="withdraw")
    assert "Titre corrigé" not in client.get(LIST).text
    assert "Titre corrigé" not in client.get(FEED).text
    assert client.get(detail(shown)).status_code == 410


def test_editing_an_institution_shows_on_the_pages_that_show_it(client, make_release, institution):
    release = make_release()
    pages = [detail(release), LIST, f"/fr/institutions/{institution.slug}/"]
    for url in pages:
        assert "Acme" in client.get(url).text
    institution.name_fr = "Acme Santé"
    institution.save()
    for url in pages:
        assert "Acme Santé" in client.get(url).text, url


def test_a_scheduled_release_appears_at_its_minute_with_caching_on(client, make_release):
    now = timezone.now()
    make_release(title_fr="Déjà public")
    make_release(title_fr="Programmé à la minute", publish_at=now + timezone.timedelta(minutes=30))
    make_release(
        title_fr="Sous embargo",
        publish_at=now - timezone.timedelta(hours=1),
        embargo_until=now + timezone.timedelta(hours=2),
    )
    with time_machine.travel(now, tick=False):
        html = client.get(LIST).text
        assert "Déjà public" in html and "Programmé" not in html and "Sous embargo" not in html
        assert "Programmé" not in client.get(FEED).text
    with time_machine.travel(now + timezone.timedelta(minutes=29), tick=False):
        assert "Programmé" not in client.get(LIST).text  # still from the cache
    with time_machine.travel(now + timezone.timedelta(minutes=30, seconds=1), tick=False):
        assert "Programmé à la minute" in client.get(LIST).text
        assert "Programmé à la minute" in client.get(FEED).text
        assert "Sous embargo" not in client.get(LIST).text
    with time_machine.travel(now + timezone.timedelta(hours=2, seconds=1), tick=False):
        assert "Sous embargo" in client.get(LIST).text


def test_a_page_never_stays_cached_past_the_next_due_moment(make_release):
    now = timezone.now()
    make_release(publish_at=now + timezone.timedelta(seconds=90))
    version = page_cache.change(now)
    assert version.next_change == PressRelease.objects.get(publish_at__gt=now).publish_at
    assert 1 <= page_cache.lifetime(version, now) <= 91
    PressRelease.objects.filter(publish_at__gt=now).delete()
    assert page_cache.lifetime(page_cache.change(now), now) == settings.PAGE_CACHE_SECONDS


def test_staff_and_journalists_never_get_nor_fill_the_anonymous_cache(
    client, make_release, make_journalist, staff_client
):
    now = timezone.now()
    make_release(title_fr="Public")
    make_release(
        title_fr="Sous embargo",
        publish_at=now - timezone.timedelta(hours=1),
        embargo_until=now + timezone.timedelta(hours=2),
    )
    make_release(title_fr="Brouillon", status="draft", publish_at=None)
    anonymous = Client()
    assert "Sous embargo" not in anonymous.get(LIST).text  # now in the cache
    journalist = Client()
    journalist.force_login(make_journalist())
    seen = journalist.get(LIST)
    assert "Sous embargo" in seen.text and "private" in seen["Cache-Control"]
    staff = staff_client.get(LIST)
    assert "Brouillon" in staff.text and "private" in staff["Cache-Control"]
    # What they saw was not kept for the public.
    for _ in range(2):
        html = anonymous.get(LIST).text
        assert "Sous embargo" not in html and "Brouillon" not in html


def test_a_matching_etag_gets_304(client, make_release):
    release = make_release()
    for url in (detail(release), LIST, FEED):
        first = client.get(url)  # filled
        again = client.get(url, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304 and again.content == b"", url
        assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200
    # Built again (not from the cache), the page has the same ETag: still a 304.
    etag = client.get(LIST)["ETag"]
    page_cache.cache().clear()
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 304
    # A change gives a new ETag: the browser's copy is not reused.
    release.title_fr = "Nouveau titre"
    release.save()
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 200


@pytest.mark.parametrize("missing", [True, False])
def test_the_version_row_is_made_again_if_missing(client, make_release, missing):
    make_release(title_fr="Visible")
    if missing:
        ContentVersion.objects.all().delete()
    assert "Visible" in client.get(LIST).text
    assert ContentVersion.objects.count() == 1


@pytest.fixture
def redis_pages(settings):
    """The page cache in Redis (``REDIS_URL``, else the local server's database 15)."""
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis unreachable at {url}")
        pytest.skip(f"Redis unreachable at {url}")
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    settings.CACHES = {**settings.CACHES, "pages": redis_cache}
    settings.PAGE_CACHE = "pages"
    page_cache.cache().clear()
    yield
    page_cache.cache().clear()


def test_pages_cached_in_redis_are_shared_and_follow_changes(
    redis_pages, make_release, django_assert_num_queries
):
    release = make_release(title_fr="Premier titre")
    assert "Premier titre" in Client().get(LIST).text
    with django_assert_num_queries(1):  # another reader (another worker): from Redis
        assert "Premier titre" in Client().get(LIST).text
    release.title_fr = "Second titre"
    release.save()
    assert "Second titre" in Client().get(LIST).text


def test_redis_url_selects_djangos_redis_cache():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/3", "DEBUG": "1"}
    env.pop("DATABASE_URL", None)
    backend = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.auto"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert backend == "django.core.cache.backends.redis.RedisCache"


def test_each_host_has_its_own_pages(client, make_release, settings):
    # Feeds and sitemaps hold absolute URLs: a page cached for one name is not another's.
    settings.ALLOWED_HOSTS = ["newsroom.example", "www.newsroom.example"]
    release = make_release()
    for host in ("newsroom.example", "www.newsroom.example"):
        for url, shown in ((FEED, detail(release)), ("/sitemap.xml", SITEMAP), (SITEMAP, "")):
            content = client.get(url, HTTP_HOST=host).text
            assert f"http://{host}{shown or detail(release)}" in content, (host, url)


def test_a_page_is_kept_in_one_piece(client, make_release):
    make_release()
    client.get(FEED)
    (key,) = [key for key in page_cache.cache()._cache if "page:" in key]
    stored = page_cache.cache().get(key.split(":", 2)[2])
    assert len(stored._container) == 1  # sent in one write, not one per feed element


def test_links_added_from_either_side_show_at_once(client, make_release):
    from newsroom.models import Topic

    release = make_release()
    oncology = Topic.objects.create(name_fr="Oncologie", name_en="Oncology")
    pediatrics = Topic.objects.create(name_fr="Pédiatrie", name_en="Pediatrics")
    assert "Oncologie" not in client.get(detail(release)).text  # cached
    release.topics.add(oncology)
    assert "Oncologie" in client.get(detail(release)).text
    pediatrics.press_releases.add(release)
    assert "Pédiatrie" in client.get(detail(release)).text


def test_a_page_built_for_new_parameters_reads_its_parts_from_the_cache(
    client, make_release, django_assert_num_queries
):
    """Filter options, facet names and release cards are kept per content version: a search
    or a filter never asked before costs the version and its own queries, not the parts."""
    for n in range(3):
        make_release(title_fr=f"Cancer du sein {n}")
    client.get(LIST, {"q": "cancer"})  # builds and keeps the parts
    with django_assert_num_queries(2):  # the content version, the ranked candidates
        html = client.get(LIST, {"q": "sein"}).text
    assert html.count('class="release-card"') == 3 and "<mark>sein</mark>" in html
    with django_assert_num_queries(3):  # the content version, the count, the page's ids
        html = client.get(LIST, {"page": "1"}).text
    assert html.count('class="release-card"') == 3


def test_signed_in_readers_neither_read_nor_fill_the_shared_parts(
    client, staff_client, make_release
):
    public = make_release(title_fr="Public")
    draft = make_release(title_fr="Brouillon", status="draft", publish_at=None)
    staff_client.get(LIST)
    staff_client.get(LIST, {"q": "brouillon"})
    token = ContentVersion.objects.get().token
    kept = [f"part:{token}:fr:card:{pk}" for pk in (public.pk, draft.pk)]
    kept += [f"part:{token}:fr:filters:", f"part:{token}:fr:names:"]
    assert page_cache.cache().get_many(kept) == {}
    anonymous = Client()
    html = anonymous.get(LIST, {"q": "public"}).text
    assert "Public" in html and "Brouillon" not in html
    assert set(page_cache.cache().get_many(kept)) == {kept[0], kept[2], kept[3]}


def test_a_cached_answer_is_the_whole_stacks_answer(client, make_release):
    """Served before sessions, language and views run, a cached page still carries what they
    added when it was built (language, framing, caching headers)."""
    make_release(title_fr="Vaccin")
    built = client.get(LIST)
    again = client.get(LIST)
    for header in ("Content-Language", "X-Frame-Options", "Cache-Control", "ETag", "Vary"):
        assert again[header] == built[header], header
    assert again["Content-Language"] == "fr" and again.content == built.content


def test_pages_that_are_not_cached_never_read_the_version(client, db, django_assert_num_queries):
    for url in ("/fr/journalistes/inscription/", "/robots.txt", "/fr/nulle-part/"):
        with django_assert_num_queries(0):
            client.get(url)


def test_a_reader_with_a_session_gets_a_built_private_page(
    client, make_release, django_assert_num_queries
):
    """A session (a signed-out journalist's, a reviewer's) is not looked at by the cache: the
    page is built for it, kept by nobody."""
    make_release(title_fr="Vaccin")
    client.get(LIST)  # cached for anonymous readers
    reader = Client()
    reader.cookies[settings.SESSION_COOKIE_NAME] = "a-session-of-theirs"
    response = reader.get(LIST)
    assert "Vaccin" in response.text and "private" in response["Cache-Control"]
    with django_assert_num_queries(1):  # the anonymous readers' copy is still there
        client.get(LIST)


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="a server's connection"
)
def test_a_connection_the_server_closed_is_opened_again(db):
    """Without a health check before each request, the page cache's first statement finds a
    connection the server closed (a restart) and opens it again, once. (A connection of its
    own, outside the test's transaction, as a request's is.)"""
    import psycopg
    from django.db import connections

    request_connection = connections.create_connection("default")
    try:
        page_cache.read_version(request_connection)
        pid = request_connection.connection.info.backend_pid
        params = request_connection.get_connection_params()
        with psycopg.connect(**params, autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s)", [pid])
        page_cache.read_version(request_connection)  # no error: opened again
        assert request_connection.connection.info.backend_pid != pid
    finally:
        request_connection.close()


@pytest.fixture
def changes(monkeypatch):
    """The content versions made (``page_cache.change`` calls), counted."""
    made = []
    real = page_cache.change

    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(page_cache, "change", counted)
    return made


def test_saves_in_a_deferred_block_make_one_version_at_its_end(changes, make_release, institution):
    release = make_release()
    changes.clear()
    token = ContentVersion.objects.get().token
    with page_cache.deferred():
        release.title_fr = "Nouveau titre"
        release.save()
        with page_cache.deferred():  # nested: the outer block makes it
            institution.name_fr = "Nouveau nom"
            institution.save()
        assert ContentVersion.objects.get().token == token and not changes
    assert len(changes) == 1 and ContentVersion.objects.get().token != token
    with page_cache.deferred():
        PressRelease.objects.get(pk=release.pk)  # nothing saved: no new version
    assert len(changes) == 1


def test_a_deferred_block_left_by_an_exception_makes_no_version(changes, make_release):
    release = make_release()
    changes.clear()
    with pytest.raises(ZeroDivisionError), page_cache.deferred():
        release.save()
        1 / 0  # noqa: B018
    assert not changes


def test_the_demo_import_and_an_admin_save_each_make_one_version(changes, client, make_staff):
    from newsroom.demo import load_demo
    from newsroom.importer.drafts import create_draft
    from newsroom.importer.parsing import parse
    from tests.helpers import SAMPLES, admin_change, form_data

    demo_release = load_demo()  # dozens of saves
    assert len(changes) == 1
    publisher = make_staff("Publisher")
    changes.clear()
    create_draft(parse((SAMPLES / "wire_en.txt").read_text()), publisher)
    assert len(changes) == 1
    client.force_login(publisher)
    url = admin_change(demo_release)
    data = form_data(client, url, title_fr="Titre corrigé", correction_note_fr="Coquille")
    changes.clear()
    assert client.post(url, data).status_code == 302
    assert len(changes) == 1  # the release and its correction note
