"""Validators for uploaded files: the content decides, never the file name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError


def validate_image(file):
    """Open the upload with Pillow, check it decodes, and refuse formats not allow-listed."""
    allowed = settings.NEWSROOM_IMAGE_FORMATS
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a valid image. Upload a PNG, JPEG, WebP or GIF picture."),
            code="invalid_image",
        ) from None
    finally:
        file.seek(position)
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
