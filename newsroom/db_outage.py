"""A clear 503 page, not a 500, while the database cannot be reached.

Django turns an exception into a response at every layer of the middleware stack, so no outer
middleware ever sees one raised by the page cache, sessions, authentication or a view: the
project's ``handler500`` (``server_error``) is the one place they all reach. There, a database
``OperationalError`` or ``InterfaceError`` (server stopped, restarting, refusing connections)
answers 503 with ``Retry-After``, never cached, from a template that needs no database.

Recovery needs nothing: Django closes a connection that raised such an error at the end of the
request (``close_old_connections``), and the next request opens a new one.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_outage(exc):
    """Whether ``exc``, or an exception it was raised from, says the database is unreachable."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def outage_response(request):
    # The URL's language first; rendered without the request: context processors and the
    # site's base template read the session and the database.
    first = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    languages = [first, *(code for code, _name in settings.LANGUAGES if code != first)]
    html = render_to_string("503.html", {"languages": languages})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # One line per request, not a traceback each (Django would log this 503 as an error).
    response._has_been_logged = True
    return response


def server_error(request, template_name="500.html"):
    """``handler500``: called by Django with the exception being handled."""
    exc = sys.exception()
    if is_outage(exc):
        logger.warning("Database unavailable (%s): 503 for %s", type(exc).__name__, request.path)
        return outage_response(request)
    return defaults.server_error(request, template_name)
