"""Partners' upload names, and the small copy of a logo pages show."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from core.uploads import ENCODINGS, random_name


def logo_path(instance, filename):
    return random_name("logos", filename)


def partner_image_path(instance, filename):
    return random_name("partners/images", filename)


# Longest side in pixels of the logo pages show (96 CSS pixels at most, on a 2x screen): an
# original of 2,000 pixels would otherwise be sent wherever a 32-pixel logo is shown. In WebP
# (every current browser), which keeps transparency and is a third of a PNG's size at this size.
SMALL_LOGO = 192


def small_logo(file):
    """``file``'s image no larger than ``SMALL_LOGO`` (never enlarged), in WebP, transparency
    kept."""
    file.seek(0)
    with Image.open(file) as image:
        image = ImageOps.exif_transpose(image)
        transparent = "A" in image.getbands() or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
        image.thumbnail((SMALL_LOGO, SMALL_LOGO), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="WEBP", **ENCODINGS["WEBP"])
    return ContentFile(buffer.getvalue())
