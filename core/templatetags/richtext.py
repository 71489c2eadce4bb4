from html import unescape

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from core.richtext import sanitize_once

register = template.Library()


@register.filter
def richtext(value):
    """Output stored rich text, sanitised again: rows written by ``update()`` or raw SQL skip
    ``pre_save``. One pass makes it safe; passes until stable (``sanitize_html``) are for
    what is stored, so every page render does not pay twice."""
    return mark_safe(sanitize_once(value or ""))


@register.filter
def plaintext(value):
    """Stored rich text as one line of plain text (a meta description): tags gone, entities
    read ("&amp;" is "&", escaped once again on output), spaces and line breaks as one space."""
    return " ".join(unescape(strip_tags(value or "")).split())
