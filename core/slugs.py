"""Translated slugs: one per language, made from a translated field, never colliding."""

from django.db.models import Q
from django.utils.text import slugify

from .languages import LANGUAGE_CODES


def slug_fields(language=None):
    """The slug columns a new slug must not collide with: one language's, or all of them."""
    codes = [language] if language else LANGUAGE_CODES
    return [f"slug_{code}" for code in codes]


def slug_taken(queryset, slug, fields):
    match = Q()
    for field in fields:
        match |= Q(**{field: slug})
    return queryset.filter(match).exists()


def fill_translated_slugs(
    obj, source, *, max_length, across_languages, every_language=False, default="item"
):
    """Give each language whose ``source`` is filled a slug, suffixed -2, -3 … when taken.

    ``across_languages``: the slug must not be used in any language by another row (release
    URLs fall back to the original language's slug, so they must be unambiguous).
    ``every_language``: languages without their own ``source`` take the first one filled, so
    the object has a URL (a filter value) in every language.
    """
    others = type(obj)._default_manager.exclude(pk=obj.pk)
    values = [getattr(obj, f"{source}_{code}", None) for code in LANGUAGE_CODES]
    fallback = next((value for value in values if value), None) if every_language else None
    for code, value in zip(LANGUAGE_CODES, values, strict=True):
        value = value or fallback
        if getattr(obj, f"slug_{code}", None) or not value:
            continue
        fields = slug_fields(None if across_languages else code)
        base = slugify(value)[: max_length - 6].strip("-") or default
        candidate, n = base, 1
        while slug_taken(others, candidate, fields):
            n += 1
            candidate = f"{base}-{n}"
        setattr(obj, f"slug_{code}", candidate)
