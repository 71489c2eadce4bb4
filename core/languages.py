"""The site's languages, from ``settings.LANGUAGES``: code lists and the default language are
read here rather than written out (French first, English the equal second, today)."""

from django.conf import settings
from django.db.models import Q

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
# The language every required translated field must be filled in: LANGUAGE_CODE, which is also
# modeltranslation's default language (config/settings/base.py sets one from the other).
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def required_in_every_language(*fields):
    """modeltranslation's ``required_languages`` for fields no language may leave empty."""
    return dict.fromkeys(LANGUAGE_CODES, fields)


def required_in_default_language(*fields):
    return {DEFAULT_LANGUAGE: fields}


def in_any_language(field, value):
    """Condition: ``field``'s column holds ``value`` in one language or another."""
    return Q.create([(column, value) for column in localized(field)], connector=Q.OR)


def localized(*fields, prefix=""):
    """A translated field's columns in every language: ``localized("name")`` is
    ``("name_fr", "name_en")``; ``prefix`` follows a relation ("institution__")."""
    return tuple(f"{prefix}{field}_{code}" for field in fields for code in LANGUAGE_CODES)
