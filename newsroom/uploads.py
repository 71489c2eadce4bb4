"""Upload paths of releases' files: random, unguessable names (``core.uploads``)."""

from core.uploads import random_name


def release_image_path(instance, filename):
    return random_name("releases/images", filename)


def release_file_path(instance, filename):
    return random_name("releases/files", filename)
