"""The newsroom identity where pages, feeds, emails and the admin show it
(``models.identity.NewsroomIdentity``), and its accent colour as a stylesheet."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from .models import current_identity
from .models.identity import forget


def identity_of(request=None):
    """This process's copy, checked against the version the page cache read for ``request``
    (no query when it matches)."""
    return current_identity(getattr(request, "identity_version", None))


def identity(request):
    """Context processor: ``identity`` (``.name``, ``.logo_url``, ``.footer_text``,
    ``.accent``, ``.css_version``) for every template."""
    return {"identity": identity_of(request)}


@require_safe
def identity_css(request):
    """The accent as custom properties, after site.css: the CSP forbids inline styles. Its
    URL carries the colour (``?v=``), so a matching request may be kept a year."""
    current = identity_of(request)
    if request.GET.get("v", current.css_version) != current.css_version:
        # A page built elsewhere with a newer colour than this process's copy: read it again.
        forget()
        current = identity_of(request)
    css = f":root{{--accent:{current.accent};--accent-dark:{current.accent_dark}}}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == current.css_version:
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:  # an old or no version: the current colour, not kept
        response["Cache-Control"] = "public, no-cache"
    return response
