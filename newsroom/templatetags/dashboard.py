from django import template

from newsroom import clock
from newsroom.dashboard import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_dashboard(context):
    return dashboard(context["request"].user)


@register.filter
def time_left(moment, now=None):
    """How long until ``moment``, rounded to the minute: "in 3 h 20 min", "in 2 d 4 h"."""
    return clock.time_left(moment, now)
