"""Keeping search documents in step with what pages show.

Every save that changes a release's searchable text (the release, its quotes and issuers, its
topics and projects, or the names of the institutions, people, topics and projects it shows)
refreshes its documents through these signal receivers, in the same transaction, so no code
path has to remember to do it. Bulk writes that skip signals (``QuerySet.update``,
``bulk_create``) call ``refresh`` themselves; ``manage.py rebuild_search_index`` redoes all.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from itertools import batched

from django.db import connections, router
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
)
from django.dispatch import receiver

from partners.models import Institution, Person, ResearchProject

from ..models import PressRelease, Quote, ReleaseIssuer, SearchDocument, Topic
from .backends import backend
from .documents import documents

BATCH = 500
pending = ContextVar("pending_search_refresh", default=None)


@contextmanager
def deferred():
    """Inside this block, refreshes wait for its end and each release is refreshed once (a
    release saved with its inlines would otherwise be indexed once per row)."""
    if pending.get() is not None:  # nested: the outer block refreshes
        yield
        return
    token = pending.set(set())
    try:
        yield
        release_ids = pending.get()
    finally:
        pending.reset(token)
    refresh(release_ids)


def refresh(release_ids):
    """Rewrite the documents of these releases (ids, or a queryset of releases)."""
    if hasattr(release_ids, "values_list"):
        release_ids = release_ids.values_list("pk", flat=True)
    waiting = pending.get()
    if waiting is not None:
        waiting.update(release_ids)
        return
    using = router.db_for_write(SearchDocument)
    engine = backend(using)
    for batch in batched(sorted(set(release_ids)), BATCH):
        engine.write(connections[using], documents(batch))


def rebuild():
    refresh(PressRelease.objects.all())


def skip(kwargs):
    return kwargs.get("raw", False)  # loaddata: related rows may not exist yet


@receiver(post_save, sender=PressRelease, dispatch_uid="search_release")
def release_saved(sender, instance, **kwargs):
    if not skip(kwargs):
        refresh([instance.pk])


@receiver(post_save, sender=Quote, dispatch_uid="search_quote_saved")
@receiver(post_delete, sender=Quote, dispatch_uid="search_quote_deleted")
@receiver(post_save, sender=ReleaseIssuer, dispatch_uid="search_issuer_saved")
@receiver(post_delete, sender=ReleaseIssuer, dispatch_uid="search_issuer_deleted")
def part_changed(sender, instance, **kwargs):
    if not skip(kwargs) and PressRelease.objects.filter(pk=instance.release_id).exists():
        refresh([instance.release_id])


@receiver(m2m_changed, sender=PressRelease.topics.through, dispatch_uid="search_topics")
@receiver(
    m2m_changed, sender=PressRelease.research_projects.through, dispatch_uid="search_projects"
)
def links_changed(sender, instance, action, reverse, pk_set, model, **kwargs):
    if action == "pre_clear" and reverse:
        # Cleared from the topic's or project's side: note its releases while they are known.
        instance._search_releases = releases_showing(instance)
    elif action == "post_clear" and reverse:
        refresh(getattr(instance, "_search_releases", []))
    elif action in ("post_add", "post_remove", "post_clear"):
        refresh([instance.pk] if not reverse else pk_set or [])


def releases_showing(instance):
    return list(
        PressRelease.objects.filter(**{NAMED[type(instance)]: instance})
        .distinct()
        .values_list("pk", flat=True)
    )


@receiver(pre_delete, sender=Topic, dispatch_uid="search_topic_deleting")
@receiver(pre_delete, sender=ResearchProject, dispatch_uid="search_project_deleting")
def link_deleting(sender, instance, **kwargs):
    """Deleting a topic or project removes its links without m2m_changed: note its releases."""
    instance._search_releases = releases_showing(instance)


@receiver(post_delete, sender=Topic, dispatch_uid="search_topic_deleted")
@receiver(post_delete, sender=ResearchProject, dispatch_uid="search_project_deleted")
def link_deleted(sender, instance, **kwargs):
    refresh(getattr(instance, "_search_releases", []))


@receiver(post_migrate, dispatch_uid="search_first_index")
def index_existing_releases(sender, using, **kwargs):
    """A database that had releases before search existed gets its documents once."""
    if (
        sender.name == "newsroom"
        and not SearchDocument.objects.using(using).exists()
        and PressRelease.objects.using(using).exists()
    ):
        rebuild()


NAMED = {
    Institution: "issuers",
    Person: "quotes__person",
    Topic: "topics",
    ResearchProject: "research_projects",
}


@receiver(post_save, dispatch_uid="search_names")
def name_changed(sender, instance, created, **kwargs):
    """A renamed institution, person, topic or project: the releases showing it."""
    if sender in NAMED and not created and not skip(kwargs):
        refresh(releases_showing(instance))


@receiver(post_delete, sender=SearchDocument, dispatch_uid="search_document_deleted")
def document_deleted(sender, instance, using, **kwargs):
    engine = backend(using)
    if hasattr(engine, "delete"):
        engine.delete(connections[using], [instance.pk])
