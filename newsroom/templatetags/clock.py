"""The embargo clock in templates: ``{{ moment|paris_utc }}`` in text, ``{% clock moment %}``
in pages (the one partial), ``{% upcoming_clock release as clock %}`` for a release's next
public moment."""

from django import template
from django.utils import timezone

from newsroom import clock as clocks

register = template.Library()


@register.filter
def paris_utc(moment):
    """ "3 December 2026, 14:00 Paris time (13:00 UTC)"; "" for no moment."""
    return clocks.paris_and_utc(moment) if moment else ""


@register.simple_tag
def upcoming_clock(release):
    return clocks.upcoming(release)


@register.inclusion_tag("newsroom/partials/clock.html")
def clock(moment, lift=True, ics="", now=None, countdown=True):
    """The partial for a moment: ``moment`` a datetime, or a ``Clock`` already made;
    ``countdown=False`` where the page says how long already."""
    if not isinstance(moment, clocks.Clock):
        moment = clocks.Clock(moment=moment, lift=lift, now=now or timezone.now())
    return {"clock": moment, "ics": ics, "countdown": countdown}
