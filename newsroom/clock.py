"""The embargo clock: every embargo or scheduled time the newsroom shows, in one format
("3 December 2026, 14:00 Paris time (13:00 UTC)"), in one partial (a machine-readable
``<time datetime="…Z">`` that ``static/newsroom/clock.js`` gives in the reader's own zone),
and as an .ics event to put the lift in a calendar."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _


def paris_and_utc(moment):
    """``moment`` in Paris time and UTC, in the current language: "3 December 2026, 14:00
    Paris time (13:00 UTC)", "3 décembre 2026 à 14:00, heure de Paris (13:00 UTC)". The UTC
    date is added when it is not Paris's (a minute after midnight in Paris is still the day
    before in UTC)."""
    paris = timezone.localtime(moment)
    utc = moment.astimezone(UTC)
    universal = formats.time_format(utc, "H:i")
    if utc.date() != paris.date():
        universal = _("%(time)s UTC on %(date)s") % {
            "time": universal,
            "date": formats.date_format(utc, "j F"),
        }
    else:
        universal = _("%(time)s UTC") % {"time": universal}
    return _("%(date)s, %(time)s Paris time (%(utc)s)") % {
        "date": formats.date_format(paris, "j F Y"),
        "time": formats.time_format(paris, "H:i"),
        "utc": universal,
    }


def time_left(moment, now=None):
    """How long until ``moment``, to the minute: "in 3 h 12 min", "in 2 d 4 h"."""
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


def utc_iso(moment):
    """For ``<time datetime>`` and scripts: "2026-12-03T13:00:00Z"."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# A countdown is worth reading for what happens within a week; further out, the date says it.
COUNTDOWN_WITHIN = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Clock:
    moment: datetime
    lift: bool  # an embargo lifts (True) or a scheduled release goes public (False)
    now: datetime

    @property
    def text(self):
        return paris_and_utc(self.moment)

    @property
    def iso(self):
        return utc_iso(self.moment)

    @property
    def countdown(self):
        """ "lifts in 3 h 12 min", "goes public in 2 d 4 h", or "" when far off or past."""
        if not self.now < self.moment <= self.now + COUNTDOWN_WITHIN:
            return ""
        left = time_left(self.moment, self.now)
        if self.lift:
            return _("lifts %(time_left)s") % {"time_left": left}
        return _("goes public %(time_left)s") % {"time_left": left}


def upcoming(release, now=None):
    """The release's next public moment still ahead, as a Clock: its embargo lift, or its
    scheduled publication; None when it has none (public already, or no time planned)."""
    now = now or timezone.now()
    moment = release.made_public_at
    if moment is None or moment <= now:
        return None
    return Clock(moment=moment, lift=moment == release.embargo_until, now=now)


def calendar(release, url, now=None):
    """The .ics (bytes) of ``release``'s lift or scheduled publication, in the current
    language, or None when none is ahead. One event at the moment (UTC) with an alarm an
    hour before; its UID is the release's, so a second download updates the first."""
    from icalendar import Alarm, Calendar, Event

    clock = upcoming(release, now)
    if clock is None:
        return None
    with translation.override(release.display_language):
        title = release.title
    if clock.lift:
        summary = _("Embargo lifts: %(title)s") % {"title": title}
    else:
        summary = _("Goes public: %(title)s") % {"title": title}
    cal = Calendar()
    cal.add("prodid", "-//Newsroom//Embargo clock//EN")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"release-{release.pk}-public@newsroom")
    event.add("dtstamp", clock.now.astimezone(UTC))
    event.add("dtstart", clock.moment.astimezone(UTC))
    event.add("dtend", clock.moment.astimezone(UTC))
    event.add("summary", summary)
    event.add("description", f"{clock.text}\n{url}")
    event.add("url", url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(hours=-1))
    event.add_component(alarm)
    cal.add_component(event)
    return cal.to_ical()
