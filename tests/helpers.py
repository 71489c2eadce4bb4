import pytest
from django.db import IntegrityError, transaction


def assert_refused(create):
    """The database itself (not only form validation) refuses the row."""
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def image_bytes(fmt="PNG", size=(8, 8), color="#336699", exif=None):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def add_image(release, *, size=(2400, 1600), name="photo.jpg", fmt="JPEG", **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.models import ReleaseImage

    values = {"alt_text_fr": "Une photo", "alt_text_en": "A photo", "credit": "Studio"}
    upload = SimpleUploadedFile(name, image_bytes(fmt, size))
    return ReleaseImage.objects.create(release=release, image=upload, **(values | fields))


def add_attachment(release, name="dossier.pdf", content=b"%PDF-1.7 test", **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.models import Attachment

    values = {"title_fr": "Dossier de presse", "title_en": "Press kit"}
    return Attachment.objects.create(
        release=release, file=SimpleUploadedFile(name, content), **(values | fields)
    )
