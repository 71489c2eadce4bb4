"""Image renditions, made once with Pillow when an image is uploaded, then stored."""

import io
import os

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Longest side in pixels of each rendition; the original is kept as uploaded.
RENDITIONS = {"thumbnail": 480, "web": 1600}


# Each rendition in two formats: WebP for browsers that take it (most), JPEG for the others and
# for downloads.
FORMATS = {"JPEG": {"quality": 85, "optimize": True, "progressive": True}, "WEBP": {"quality": 80}}


def make_rendition(file, longest_side):
    """{format: file} of the image no larger than ``longest_side``, upright, without EXIF/GPS
    metadata, in JPEG and WebP."""
    file.seek(0)
    with Image.open(file) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
        if image.mode not in ("RGB", "L"):
            # Transparent areas become white rather than black in a JPEG.
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.convert("RGBA").getchannel("A"))
            image = background
        encoded = {}
        for name, options in FORMATS.items():
            buffer = io.BytesIO()
            image.save(buffer, format=name, **options)
            encoded[name] = ContentFile(buffer.getvalue())
    return encoded


def rendition_name(original_name, rendition, extension="jpg"):
    stem = os.path.splitext(os.path.basename(original_name))[0]
    return f"{stem}-{rendition}.{extension}"
