from django.conf import settings
from django.urls import translate_url


def alternates(request):
    """The same page in each language, for hreflang links and the language switch.

    Views whose URLs carry translated slugs (a release) pass their own ``alternates``.
    """
    return {
        "alternates": [
            (code, translate_url(request.get_full_path(), code)) for code, _n in settings.LANGUAGES
        ]
    }
