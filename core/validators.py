"""Validators for uploaded files: the content decides, never the file name."""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Pillow's own guard against decompression bombs, at our limit (it warns past it, refuses past
# twice it): for every image opened, uploads and renditions alike.
Image.MAX_IMAGE_PIXELS = settings.NEWSROOM_IMAGE_MAX_PIXELS


def is_stored(file):
    """A file already saved in storage was checked on upload; do not re-read it on every save."""
    return getattr(file, "_committed", False)


def read_head(file, size):
    position = file.tell()
    try:
        file.seek(0)
        return file.read(size)
    finally:
        file.seek(position)


def validate_image(file):
    """Open the upload with Pillow, check it decodes, and refuse formats not allow-listed
    (SVG among them), and images of too many bytes or pixels (a decompression bomb: a small
    file that would unpack to gigabytes)."""
    if is_stored(file):
        return
    allowed = settings.NEWSROOM_IMAGE_FORMATS
    limit = settings.NEWSROOM_IMAGE_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("This image is too large (%(size)s MB; at most %(limit)s MB)."),
            code="image_too_heavy",
            params={"size": round(file.size / 1_000_000, 1), "limit": limit // 1_000_000},
        )
    try:
        position = file.tell()
        file.seek(0)
        # Past twice its limit (ours), Pillow refuses to open the image at all; between once and
        # twice, the pixel check below refuses it (only the header has been read).
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
        file.seek(position)
    except Image.DecompressionBombError:
        raise ValidationError(
            _("This image has too many pixels to be opened safely."), code="image_too_large"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not a valid image. Upload a PNG, JPEG, WebP or GIF picture."),
            code="invalid_image",
        ) from None
    if image_format not in allowed:
        raise ValidationError(
            _("Images in %(format)s format are not accepted. Use one of: %(allowed)s."),
            code="image_format",
            params={"format": image_format, "allowed": ", ".join(allowed)},
        )
    if width * height > settings.NEWSROOM_IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("This image is too large (%(width)s×%(height)s pixels)."),
            code="image_too_large",
            params={"width": width, "height": height},
        )


# What each allowed document type starts with: an .html or .svg renamed .pdf never passes.
ATTACHMENT_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".zip": (b"PK\x03\x04", b"PK\x05\x06"),
}


# The part an Office document cannot lack: a ZIP of anything else renamed .docx never passes.
OFFICE_PARTS = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".pptx": "ppt/presentation.xml",
}


def is_package(file, extension):
    """The upload is a readable ZIP archive (and, for an Office document, has its parts)."""
    position = file.tell()
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(position)
    required = OFFICE_PARTS.get(extension)
    return required is None or {"[Content_Types].xml", required} <= names


def validate_attachment(file):
    """PDF, Office documents and ZIP archives only, as their content shows; a size limit."""
    if is_stored(file):
        return
    extension = os.path.splitext(file.name)[1].lower()
    signatures = ATTACHMENT_SIGNATURES.get(extension)
    if signatures is None:
        raise ValidationError(
            _("Only these documents are accepted: %(allowed)s."),
            code="attachment_type",
            params={"allowed": ", ".join(sorted(ATTACHMENT_SIGNATURES))},
        )
    try:
        head = read_head(file, 8)
    except OSError:
        head = b""
    if not head.startswith(signatures) or (extension != ".pdf" and not is_package(file, extension)):
        raise ValidationError(
            _("This file is not a valid %(type)s document."),
            code="attachment_content",
            params={"type": extension.lstrip(".").upper()},
        )
    if file.size > settings.NEWSROOM_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("This file is too large (%(size)s MB; at most %(limit)s MB)."),
            code="attachment_too_large",
            params={
                "size": round(file.size / 1_000_000, 1),
                "limit": settings.NEWSROOM_ATTACHMENT_MAX_BYTES // 1_000_000,
            },
        )
