"""The one-click media kit: the release as text, its images with credits, its attachments."""

import io
import posixpath
import zipfile

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify


def release_text(release):
    """The release as plain text, in the language it is shown in."""
    with translation.override(release.display_language):
        return render_to_string("newsroom/release.txt", {"release": release})


def build_media_kit(release):
    """ZIP bytes. Names inside are stable and readable; files are read from storage once."""
    buffer = io.BytesIO()
    slug = release.slug_for(translation.get_language())
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{slug}.txt", release_text(release))
        credits = []
        for number, image in enumerate(release.images.all(), start=1):
            extension = posixpath.splitext(image.image.name)[1].lower()
            name = f"images/{number:02d}-{slugify(image.alt_text)[:60] or 'image'}{extension}"
            with image.image.open("rb") as source:
                archive.writestr(name, source.read())
            credits.append(f"{name}\n  {image.caption}\n  {image.credit_notice}".rstrip())
        if credits:
            archive.writestr("images/credits.txt", "\n\n".join(credits) + "\n")
        for attachment in release.attachments.all():
            name = f"documents/{attachment.download_name}"
            with attachment.file.open("rb") as source:
                archive.writestr(name, source.read())
    return buffer.getvalue()
