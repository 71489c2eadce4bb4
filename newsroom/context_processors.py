from django.conf import settings
from django.urls import translate_url
from django.utils import translation

# Open Graph locales of our languages.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def site(request):
    """What every page's <head> and language switch need.

    ``alternates``: the same page in each language; views whose URLs carry translated slugs
    (a release) pass their own.
    """
    language = translation.get_language()
    return {
        "alternates": [
            (code, translate_url(request.get_full_path(), code)) for code, _n in settings.LANGUAGES
        ],
        "canonical_url": request.build_absolute_uri(request.path),
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [locale for code, locale in OG_LOCALES.items() if code != language],
    }
