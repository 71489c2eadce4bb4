"""The media gate: uploaded files are served only when what they belong to is public.

Logos of listed institutions are public (``listing.py``), of others to whom one of their
releases is visible (an import's new institution, in a staff preview); images, renditions and
attachments only to whom their release is visible (``PressRelease.objects.visible_to``, the one
visibility rule: staff for previews, accredited journalists under embargo). Files have random
names; attachments are always served as downloads, never rendered in the site's origin.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, Http404
from django.utils import timezone

from partners.models import Institution

from .listing import issuer_listed
from .models import Attachment, PressRelease, PreviewLink, ReleaseImage


def may_see_file(name, user, previews=()):
    """``previews``: tokens of review links opened in this browser (still checked valid)."""
    published = PressRelease.objects.visible_to(user)
    if previews:
        previewed = PreviewLink.objects.valid().filter(token__in=previews).values("release")
        published = PressRelease.objects.filter(
            Q(pk__in=published.values("pk")) | Q(pk__in=previewed)
        )
    if name.startswith("logos/"):
        shown = issuer_listed(timezone.now()) | Q(press_releases__in=published)
        return Institution.objects.filter(shown, Q(logo=name) | Q(logo_small=name)).exists()
    if name.startswith(("releases/images/", "releases/renditions/")):
        return (
            ReleaseImage.objects.filter(release__in=published)
            .filter(
                Q(image=name)
                | Q(thumbnail=name)
                | Q(web=name)
                | Q(thumbnail_webp=name)
                | Q(web_webp=name)
            )
            .exists()
        )
    if name.startswith("releases/files/"):
        return Attachment.objects.filter(release__in=published, file=name).exists()
    return False


def serve_media(request, path):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path:
        raise Http404
    if not may_see_file(name, request.user, request.session.get("previews", ())):
        # 404, not 403: the existence of an unpublished file is not revealed.
        raise Http404
    if not default_storage.exists(name):
        raise Http404
    download = name.startswith("releases/files/") or "download" in request.GET
    filename = posixpath.basename(name)
    if name.startswith("releases/files/"):
        attachment = Attachment.objects.filter(file=name).first()
        filename = attachment.download_name if attachment else filename
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(
        default_storage.open(name),
        as_attachment=download,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    # Only what anyone may see can be kept by shared caches, and they must ask again each time:
    # a withdrawn release's files disappear at once.
    public = may_see_file(name, None)
    response["Cache-Control"] = "public, no-cache" if public else "private, no-store"
    return response
