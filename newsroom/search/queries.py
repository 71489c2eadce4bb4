"""Releases narrowed by a search: ranked for readers, unranked for the back office. Here rather
than on the queryset, so that models never import search (search imports models)."""

from django.utils import translation

from core.languages import LANGUAGE_CODES

from .backends import backend


def ranked(releases, query, language=None):
    """``releases`` matching ``query`` (web-search syntax) in ``language``'s text, annotated
    with ``search_rank`` and ordered best first, newest first among equals."""
    language = language or translation.get_language()
    found = backend(releases.db).ranked(releases, query, language)
    return found.order_by("-search_rank", *releases.model._meta.ordering)


def matching(releases, query, languages=LANGUAGE_CODES):
    """``releases`` matching ``query`` in any of ``languages``, unranked (the back office)."""
    return releases.filter(pk__in=backend(releases.db).matching_ids(query, languages))
