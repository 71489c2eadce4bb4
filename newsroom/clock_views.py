"""The .ics of a release's embargo lift (or scheduled publication), for those who may read
the release before its time: the visibility rule or a valid preview link, 404 for anyone
else (its title and time are the embargo's secret). Once public there is nothing ahead to
add to a calendar: 404 too. Never cached by the page cache (no ``cached_page``) nor by
anyone else."""

from django.http import Http404, HttpResponse
from django.utils import translation

from . import clock
from .models import PreviewLink
from .release_lookup import Withdrawn, find_visible


def release_calendar(request, slug):
    language = translation.get_language()
    try:
        release, _canonical = find_visible(slug, language, request.user)
    except Withdrawn:
        raise Http404 from None
    return calendar_response(release, release.get_absolute_url(language), request)


def preview_calendar(request, token):
    link = PreviewLink.find(token)
    if link is None:
        raise Http404
    return calendar_response(link.release, link.get_absolute_url(), request)


def calendar_response(release, path, request):
    body = clock.calendar(release, request.build_absolute_uri(path))
    if body is None:
        raise Http404
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="embargo.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
