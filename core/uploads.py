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
