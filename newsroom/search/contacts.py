"""Looking up media contacts and spokespeople: "parisel", "Gustave", "baude sanofi".

Every word must be found, accent- and case-insensitively, in the person's name, job title or
role, institution, or in the topics of the releases the viewer may read that quote them or list
them as contact. Contacts and people are few, so a folded ``contains`` per word is enough; it
runs on both databases (``Fold`` below).
"""

from django.db import models
from django.db.backends.signals import connection_created
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.dispatch import receiver

from core.languages import localized

from ..models import Topic
from .text import fold, words


class Fold(models.Func):
    """Lower case without accents, in the database (``text.fold`` in Python)."""

    output_field = models.TextField()

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="lower(unaccent(%(expressions)s))")

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="newsroom_fold(%(expressions)s)")


@receiver(connection_created, dispatch_uid="sqlite_fold")
def add_sqlite_fold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "newsroom_fold", 1, lambda text: fold(text) if text else text, deterministic=True
        )


class Joined(models.Func):
    """field1 || ' ' || field2 …, flat (Concat nests one level per field, too deep for SQLite's
    parser with a dozen fields)."""

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = models.TextField()


def folded(*fields):
    """The fields' text, joined and folded; NULLs (absent person, say) count as empty."""
    return Fold(Joined(*(Coalesce(field, models.Value("")) for field in fields)))


INSTITUTION = localized("name", "short_name")
PERSON = ("first_name", "last_name", *localized("job_title"))


def contact_haystack(prefix=""):
    return folded(
        f"{prefix}name",
        *(f"{prefix}person__{field}" for field in PERSON),
        *(f"{prefix}institution__{field}" for field in INSTITUTION),
        *localized("role", prefix=prefix),
    )


def person_haystack():
    """A person's words, and their institution's only where it may be named with them
    (``institution_listed``, from ``listing.people_with_institution``): a search for a name
    not yet public must not find who belongs to it."""
    named = (
        Case(When(institution_listed=True, then=F(f"institution__{field}")), default=Value(""))
        for field in INSTITUTION
    )
    return folded(*PERSON, *named)


def topic_match(word, releases, link):
    """Whether a release the viewer may read, tied to the row by ``link``, has a topic whose
    name contains ``word``."""
    topics = Topic.objects.annotate(folded=folded(*localized("name"))).filter(
        folded__contains=word,
        press_releases__in=releases.filter(**{link: OuterRef(OuterRef("pk"))}),
    )
    return Exists(topics)


def look_up(rows, query, haystack, releases, link):
    """The rows where every word of ``query`` is in the haystack or a topic's name."""
    terms = words(query)
    if not terms:
        return rows.none()
    rows = rows.annotate(haystack=haystack)
    for word in terms:
        rows = rows.filter(Q(haystack__contains=word) | topic_match(word, releases, link))
    return rows


def matching_contacts(contacts, query, releases):
    return look_up(contacts, query, contact_haystack(), releases, "contacts")


def matching_people(people, query, releases):
    """``people``: annotated ``institution_listed`` (``listing.people_with_institution``)."""
    return look_up(people, query, person_haystack(), releases, "quotes__person")
