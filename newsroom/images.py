"""Image renditions, made once with Pillow when an image is uploaded, then stored."""

import io
import os

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Longest side in pixels of each rendition; the original is kept as uploaded.
RENDITIONS = {"thumbnail": 480, "web": 1600}


def make_rendition(file, longest_side):
    """A JPEG no larger than ``longest_side``, upright, without EXIF/GPS metadata."""
    file.seek(0)
    with Image.open(file) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
        if image.mode not in ("RGB", "L"):
            # Transparent areas become white rather than black in a JPEG.
            background = Image.new("RGB", image.size, "white")
            background.paste(image, mask=image.convert("RGBA").getchannel("A"))
            image = background
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue())


def rendition_name(original_name, rendition):
    stem = os.path.splitext(os.path.basename(original_name))[0]
    return f"{stem}-{rendition}.jpg"
