"""Two workers at once on PostgreSQL: each alert sent once. The rows are committed for real
(the workers' connections must see them): a transactional test, whose flush empties every
table, the roles a migration made too; they are made again for the tests after it."""

import importlib
import threading

import pytest
from django.apps import apps
from django.db import connection

from alerts import dispatch
from tests.alerts.test_alerts import many, recipients


def make_roles_again():
    """Migrations' rows: the role groups and their permissions (newsroom 0004, alerts 0002),
    with the project's own models (the migrations' code, which the flush's post_migrate made
    the permissions for already)."""
    saved = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        importlib.import_module("newsroom.migrations.0004_roles").create_roles(apps, None)
        importlib.import_module("alerts.migrations.0002_roles").grant(apps, None)
    finally:
        for config in apps.get_app_configs():
            config.models_module = saved[config.label]


@pytest.fixture(scope="module")
def roles_made_again(django_db_blocker):
    yield
    with django_db_blocker.unblock():  # after the test's flush (module scope: torn down last)
        make_roles_again()


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_alert_once(roles_made_again, make_release):
    """Two threads, each with its own connection, claiming from the same rows at once
    (SQLite writes one at a time: test_alerts.py runs two workers one after the other)."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent workers need PostgreSQL's row locks")
    readers = many(60)
    assert dispatch.dispatch(make_release().pk) == 60
    barrier = threading.Barrier(2)
    counts = []

    def work():
        try:
            barrier.wait()
            counts.append(dispatch.send_pending())
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Both returned (a worker that raised would be missing), both took part, 60 in all.
    assert len(counts) == 2 and all(counts) and sum(counts) == 60, counts
    assert recipients() == sorted(reader.email for reader in readers)
