"""Validators for uploaded files: the content decides, never the file name."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError


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
    """Open the upload with Pillow, check it decodes, and refuse formats not allow-listed."""
    if is_stored(file):
        return
    allowed = settings.NEWSROOM_IMAGE_FORMATS
    try:
        position = file.tell()
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
        file.seek(position)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
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


def validate_attachment(file):
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
    if not head.startswith(signatures):
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
