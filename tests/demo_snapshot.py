"""The demo content built once per test session, copied into each test that asks for it.

``load_demo()`` draws logos and illustrations, makes renditions and saves about fifty rows
through every signal: a couple of seconds, and some 250 tests ask for it. The session builds
it once (in a transaction it rolls back), keeps the rows it added and the files it wrote, and
each test gets a copy of them in its own transaction and its own MEDIA_ROOT: what a test
writes is still rolled back and seen by no other test.

The copy is written raw (no ``save()``, no signals, like ``loaddata``); the search documents
and the page cache's content version are then made as saves would have made them. A test
whose database is no longer as migrations left it when it asks for the demo (it made rows of
those tables first, or flushed them) gets the real ``load_demo()`` instead.
"""

import shutil
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, router, transaction
from django.db.models import QuerySet
from django.test import override_settings

# Made again after the copy, as saves make them (their content depends on the moment).
REMADE = {"newsroom.searchdocument", "newsroom.contentversion"}


def tables():
    """Every model with a table of its own (auto-created many-to-many tables included)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in REMADE
    ]


def key_of(model):
    names = [f.attname for f in model._meta.pk_fields]
    return lambda row: tuple(row[name] for name in names)


def plain(model, using):
    """A queryset of the table as stored: no manager's rewriting (modeltranslation's would
    read ``title`` as the current language's)."""
    return QuerySet(model=model, using=using)


def rows_of(model, using):
    fields = [f.attname for f in model._meta.concrete_fields]
    key = key_of(model)
    return {key(row): row for row in plain(model, using).values(*fields)}


@dataclass
class Snapshot:
    media: object  # the folder holding the files load_demo() wrote
    release_pk: object = None
    added: dict = field(default_factory=dict)  # model -> [row values] load_demo() added
    baseline: dict = field(default_factory=dict)  # model -> number of rows before it

    def pristine(self, using):
        """The tables the copy writes hold what they held when the snapshot was made."""
        for model, rows in self.added.items():
            rows_now = plain(model, using)
            if rows_now.count() != self.baseline[model]:
                return False
            names = [f.attname for f in model._meta.pk_fields]
            keys = [row[names[0]] for row in rows]
            if len(names) == 1 and rows_now.filter(pk__in=keys).exists():
                return False
        return True

    def copy_into(self, media_root, using="default"):
        """The demo release in this test's database and MEDIA_ROOT; None if it cannot be
        copied (the caller runs load_demo())."""
        from newsroom import page_cache
        from newsroom.models import PressRelease
        from newsroom.search import index

        if not self.pristine(using):
            return None
        connection = connections[using]
        with transaction.atomic(using=using):
            for model, rows in self.added.items():
                fields = model._meta.concrete_fields
                # Raw: each column's value as read, never through the model's descriptors.
                objs = [SimpleNamespace(**row) for row in rows]
                size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
                for start in range(0, len(objs), size):
                    plain(model, using)._insert(
                        objs[start : start + size], fields=fields, raw=True, using=using
                    )
            statements = connection.ops.sequence_reset_sql(no_style(), list(self.added))
            if statements:
                with connection.cursor() as cursor:
                    for sql in statements:
                        cursor.execute(sql)
            index.refresh([self.release_pk])
            page_cache.change()
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)
        return PressRelease.objects.using(using).get(pk=self.release_pk)


def build(media):
    """Run load_demo() once in a transaction rolled back; what it added, kept aside."""
    from newsroom.demo import load_demo
    from newsroom.models import PressRelease

    using = router.db_for_write(PressRelease)
    models = tables()
    snapshot = Snapshot(media=media)
    with override_settings(MEDIA_ROOT=media), transaction.atomic(using=using):
        before = {model: rows_of(model, using) for model in models}
        snapshot.release_pk = load_demo().pk
        for model in models:
            after = rows_of(model, using)
            old = before[model]
            changed = [key for key in old if after.get(key) != old[key]]
            if changed:  # load_demo() only adds: anything else and the copy would be wrong
                raise AssertionError(f"load_demo() changed or deleted {model}: {changed[:5]}")
            added = [row for key, row in after.items() if key not in old]
            if added:
                snapshot.added[model] = added
                snapshot.baseline[model] = len(old)
        transaction.set_rollback(True, using=using)
    return snapshot
