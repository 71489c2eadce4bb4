from django import template
from django.utils.safestring import mark_safe

from partners.richtext import sanitize_html

register = template.Library()


@register.filter
def richtext(value):
    """Output stored rich text, sanitised again: rows written by ``update()`` or raw SQL skip
    ``pre_save``, and a second pass of the allow-list costs microseconds."""
    return mark_safe(sanitize_html(value or ""))
