"""The media gate: uploaded files are served only when what they belong to is public.

The newsroom's own logo (``identity/``, the current one only) is public; logos of listed
institutions are public, as are their media library images (``PartnerImage``,
``listing.offered_partner_images``) (``listing.py``), of others to whom one of their
releases is visible (an import's new institution, in a staff preview); images, renditions and
attachments, videos (their files, posters and subtitles) only to whom their release is visible
(``PressRelease.objects.visible_to``, the one visibility rule: staff for previews, accredited
journalists under embargo), and a video no longer once its rights expire. Files have random
names; attachments are always served as downloads, never rendered in the site's origin. Videos
are served in byte ranges, as players ask for them to start and to seek.
"""

import mimetypes
import posixpath

from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.http import content_disposition_header

from core.languages import in_any_language
from core.rights import Licensed
from partners.models import Institution, PartnerImage

from .listing import issuer_listed, offered_partner_images
from .models import (
    Attachment,
    NewsroomIdentity,
    PressRelease,
    PreviewLink,
    ReleaseImage,
    ReleaseVideo,
)
from .video_files import VIDEO_FOLDER, partial_response


def may_see_file(name, user, previews=()):
    """``previews``: tokens of review links opened in this browser (still checked valid)."""
    if name.startswith("identity/"):
        # The header's logo, on every page; a replaced one is no longer served.
        return NewsroomIdentity.objects.filter(pk=1, logo=name).exists()
    published = PressRelease.objects.visible_to(user)
    if previews:
        previewed = PreviewLink.objects.valid().filter(token__in=previews).values("release")
        published = PressRelease.objects.filter(
            Q(pk__in=published.values("pk")) | Q(pk__in=previewed)
        )
    # Past its expiry day an asset is no longer offered; staff still open it (the admin).
    staff = user is not None and user.is_staff
    offered = Q() if staff else Licensed.offered_filter()
    if name.startswith("partners/images/"):
        images = PartnerImage.objects.all() if staff else offered_partner_images()
        return images.filter(image=name).exists()
    if name.startswith("logos/"):
        shown = issuer_listed(timezone.now()) | Q(press_releases__in=published)
        return Institution.objects.filter(shown, Q(logo=name) | Q(logo_small=name)).exists()
    if name.startswith(("releases/images/", "releases/renditions/")):
        return (
            ReleaseImage.objects.filter(offered, release__in=published)
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
        return Attachment.objects.filter(offered, release__in=published, file=name).exists()
    if name.startswith(f"{VIDEO_FOLDER}/"):
        return (
            ReleaseVideo.objects.filter(release__in=published)
            .filter(ReleaseVideo.offered_filter())
            .filter(Q(file=name) | Q(poster=name) | in_any_language("subtitles", name))
            .exists()
        )
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
    if name.startswith(f"{VIDEO_FOLDER}/") and download:
        video = ReleaseVideo.objects.filter(file=name).first()
        filename = video.download_name if video else filename
    content_type, _encoding = mimetypes.guess_type(name)
    content_type = content_type or "application/octet-stream"
    file = default_storage.open(name)
    response = None
    if name.startswith(f"{VIDEO_FOLDER}/"):
        response = partial_response(request, file, default_storage.size(name), content_type)
        if response is not None and download:  # a download resumed
            response["Content-Disposition"] = content_disposition_header(True, filename)
    if response is None:
        response = FileResponse(
            file, as_attachment=download, filename=filename, content_type=content_type
        )
    if name.startswith(f"{VIDEO_FOLDER}/"):
        response["Accept-Ranges"] = "bytes"
    # Only what anyone may see can be kept by shared caches, and they must ask again each time:
    # a withdrawn release's files disappear at once.
    public = may_see_file(name, None)
    response["Cache-Control"] = "public, no-cache" if public else "private, no-store"
    return response
