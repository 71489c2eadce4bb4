from django import template

from newsroom.history import describe

register = template.Library()


@register.filter
def history_comment(revision):
    """A revision's comment in the reader's language."""
    return describe(revision.comment) if revision else ""
