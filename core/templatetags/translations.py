from django import template
from django.conf import settings
from django.utils import translation

register = template.Library()


@register.filter
def lang_of(obj, field):
    """The language of a translated field's shown value: the reader's when it exists there,
    else the one modeltranslation fell back to. For ``lang`` attributes on fallback text."""
    current = translation.get_language()
    if getattr(obj, f"{field}_{current}", None):
        return current
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for code in fallbacks.get(current, fallbacks["default"]):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current
