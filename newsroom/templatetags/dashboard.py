from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.dashboard import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_dashboard(context):
    return dashboard(context["request"].user)


@register.filter
def time_left(moment, now=None):
    """How long until ``moment``, rounded to the minute: "in 3 h 20 min", "in 2 d 4 h"."""
    minutes = round(((moment - (now or timezone.now())).total_seconds()) / 60)
    if minutes < 1:
        return _("in less than a minute")
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("in %(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return _("in %(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("in %(minutes)d min") % {"minutes": minutes}
