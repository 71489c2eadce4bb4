"""Uploaded files: stored under random names, and images as a new encoding of what they show
(whatever came with the file, EXIF and GPS metadata, comments, appended bytes, a polyglot's
other half, is not kept)."""

import io
import os
import uuid

from django.core.files.base import ContentFile
from django.db import models
from PIL import Image, ImageOps


def random_name(folder, filename):
    """An unguessable name (a release's files must not be found before it is public, nor
    tell who sent them); the extension is kept, lower-cased."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"{folder}/{uuid.uuid4().hex}{extension}"


def logo_path(instance, filename):
    return random_name("logos", filename)


def partner_image_path(instance, filename):
    return random_name("partners/images", filename)


# How each accepted format is written again (the format is kept, so is transparency).
ENCODINGS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "GIF": {"save_all": True},  # every frame of an animation, without its comments
}


def reencoded(file):
    """The image of ``file`` (verified already: ``validators.validate_image``) encoded again,
    upright and without metadata."""
    file.seek(0)
    with Image.open(file) as image:
        image_format = image.format
        if image_format != "GIF":
            image = ImageOps.exif_transpose(image)  # the orientation it asked for, applied
        buffer = io.BytesIO()
        image.save(buffer, format=image_format, **ENCODINGS[image_format])
    return ContentFile(buffer.getvalue())


class ReencodedImageField(models.ImageField):
    """An ImageField whose new uploads are written again by Pillow before they are stored
    (``reencoded``), whatever path saves them: admin, importer, shell."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            name = file.name
            file.file = reencoded(file.file)
            file.name = name
        return super().pre_save(model_instance, add)


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
