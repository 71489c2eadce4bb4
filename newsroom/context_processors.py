from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

# Open Graph locales of our languages.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def site(request):
    """What every page's <head> and language switch need.

    ``alternates``: the same page in each language; views whose URLs carry translated slugs
    (a release) pass their own.
    """
    language = translation.get_language()
    if getattr(request, "is_error_page", False):
        # Offer each language's home, not this missing page again.
        alternates = []
        for code, _n in settings.LANGUAGES:
            with translation.override(code):
                alternates.append((code, reverse("newsroom:home")))
    else:
        path = request.get_full_path()
        alternates = [(code, translate_url(path, code)) for code, _n in settings.LANGUAGES]
    return {
        "alternates": alternates,
        "canonical_url": request.build_absolute_uri(request.get_full_path()),
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [locale for code, locale in OG_LOCALES.items() if code != language],
    }
