"""While the database cannot be reached: a clear 503 page in both languages, never cached,
whatever layer (page cache, session, view) met the outage; and the next request after it works
without a restart (newsroom/db_outage.py)."""

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.test import Client
from django.urls import path

from newsroom.db_outage import is_outage, server_error

on_postgresql = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="a server's connection"
)


@contextmanager
def outage(error=OperationalError):
    """Every statement fails as when the server is stopped."""

    def refuse(execute, sql, params, many, context):
        raise error('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def reader():
    # The page, not the exception: what a reader's browser gets.
    return Client(raise_request_exception=False)


def assert_outage_page(response, first="fr"):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.text
    assert f'<html lang="{first}">' in html
    assert "Salle de presse momentanément indisponible" in html
    assert "Newsroom temporarily unavailable" in html
    assert "Traceback" not in html and "OperationalError" not in html and "5432" not in html


@pytest.mark.parametrize(
    "path, language",
    [
        ("/fr/", "fr"),
        ("/en/press-releases/", "en"),
        ("/sitemap.xml", "fr"),
        ("/fr/flux/rss/", "fr"),
    ],
)
def test_pages_answer_503_while_the_database_is_down_and_200_after(
    reader, demo_release, path, language
):
    """Anonymous readers: the page cache's first statement meets the outage."""
    with outage():
        assert_outage_page(reader.get(path), first=language)
    assert reader.get(path).status_code == 200


def test_a_release_page_built_by_its_view_answers_503(reader, demo_release, settings):
    settings.PAGE_CACHE_SECONDS = 0
    path = demo_release.get_absolute_url("en")
    assert reader.get(path).status_code == 200
    with outage(InterfaceError):
        assert_outage_page(reader.get(path), first="en")
    assert reader.get(path).status_code == 200


def test_a_signed_in_reader_meets_the_outage_in_the_session_and_gets_503(
    reader, demo_release, django_user_model
):
    """With a session cookie the page cache steps aside: the session or the user is read
    first, by middleware."""
    user = django_user_model.objects.create_superuser("staff", "s@example.org", "pw-staff-42!")
    reader.force_login(user)
    with outage():
        assert_outage_page(reader.get("/fr/communiques/"))
        assert_outage_page(reader.get("/admin/"), first="fr")
    assert reader.get("/admin/").status_code == 200


def test_the_outage_is_logged_in_one_line_not_as_an_error(reader, demo_release, caplog):
    with outage():
        reader.get("/fr/")
    records = [r for r in caplog.records if r.name.startswith(("django", "newsroom"))]
    assert [r.levelname for r in records] == ["WARNING"]
    assert records[0].exc_info is None


def broken(request):
    raise RuntimeError("boom")


# This module as a URL configuration: a view that fails without the database being involved.
urlpatterns = [path("broken/", broken)]
handler500 = server_error


@pytest.mark.urls("tests.site.test_db_outage")
def test_other_errors_keep_the_500_page(reader):
    response = reader.get("/broken/")
    assert response.status_code == 500 and "Erreur du serveur" in response.text
    assert "indisponible" not in response.text and "Retry-After" not in response


def test_only_database_outages_are_outages():
    assert not is_outage(RuntimeError("boom"))
    try:
        try:
            raise OperationalError("gone")
        except OperationalError as exc:
            raise RuntimeError("while rendering") from exc
    except RuntimeError as wrapped:
        assert is_outage(wrapped)


@on_postgresql
def test_a_connection_broken_by_the_server_is_dropped_at_the_end_of_the_request(db):
    """Persistent connections (CONN_MAX_AGE) without health checks: a statement that fails on
    a connection the server closed marks it, and Django's end-of-request clean-up
    (close_old_connections) drops it; the next request connects again. (A connection of its
    own, outside the test's transaction, as a request's is.)"""
    import psycopg
    from django.db import connections

    assert connection.settings_dict["CONN_MAX_AGE"] > 0
    request_connection = connections.create_connection("default")
    try:
        request_connection.ensure_connection()
        pid = request_connection.connection.info.backend_pid
        with psycopg.connect(**request_connection.get_connection_params(), autocommit=True) as o:
            o.execute("SELECT pg_terminate_backend(%s)", [pid])
        with pytest.raises(OperationalError), request_connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        request_connection.close_if_unusable_or_obsolete()  # what request_finished runs
        assert request_connection.connection is None
        with request_connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] != pid
    finally:
        request_connection.close()
