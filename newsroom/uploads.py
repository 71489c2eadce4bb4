"""Upload paths: random, unguessable names (the release's files must not be found by guessing
before it is public); the extension is kept, lower-cased."""

import os
import uuid


def random_name(folder, filename):
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"{folder}/{uuid.uuid4().hex}{extension}"


def release_image_path(instance, filename):
    return random_name("releases/images", filename)


def release_file_path(instance, filename):
    return random_name("releases/files", filename)
