"""Uploads are checked by content with Pillow: a renamed file or a refused format never passes."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from core.validators import validate_attachment, validate_image
from newsroom.models import PressRelease, ReleaseImage


def image_bytes(fmt="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/png")


def test_real_png_accepted():
    validate_image(upload("logo.png", image_bytes()))


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4 this is not an image",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'></svg>",
        b"",
        image_bytes()[:40],  # truncated PNG
    ],
)
def test_non_image_renamed_png_rejected(content):
    with pytest.raises(ValidationError) as error:
        validate_image(upload("logo.png", content))
    assert error.value.code == "invalid_image"


def test_format_outside_allow_list_rejected():
    with pytest.raises(ValidationError) as error:
        validate_image(upload("photo.png", image_bytes("BMP")))
    assert error.value.code == "image_format"
    assert "BMP" in str(error.value.messages)


def test_too_many_pixels_rejected(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 50
    with pytest.raises(ValidationError) as error:
        validate_image(upload("big.png", image_bytes(size=(10, 10))))
    assert error.value.code == "image_too_large"


@pytest.mark.django_db
def test_model_validation_refuses_fake_logo_and_fake_release_image(institution):
    institution.logo = upload("logo.png", b"GIF89a but not really")
    with pytest.raises(ValidationError) as error:
        institution.full_clean()
    assert "logo" in error.value.message_dict

    release = PressRelease.objects.create(title_fr="T")
    image = ReleaseImage(
        release=release, image=upload("x.png", b"not an image"), alt_text_fr="Une photo"
    )
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "image" in error.value.message_dict


def zip_bytes(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


def docx_bytes():
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n..."),
        ("kit.zip", zip_bytes(photo__jpg=b"...", readme=b"...")),
        ("letter.docx", docx_bytes()),
    ],
)
def test_documents_accepted_by_content(name, content):
    validate_attachment(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("page.html", b"<script>alert(1)</script>", "attachment_type"),
        ("image.svg", b"<svg onload=alert(1)>", "attachment_type"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "attachment_content"),
        ("fake.docx", b"MZ\x90\x00 an executable", "attachment_content"),
        ("empty.pdf", b"", "attachment_content"),
        ("broken.zip", b"PK\x03\x04 not an archive", "attachment_content"),
        ("renamed.docx", zip_bytes(readme=b"any archive"), "attachment_content"),
        ("renamed.docx", b"%PDF-1.7 a PDF", "attachment_content"),
    ],
)
def test_documents_refused_by_content_or_type(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile(name, content))
    assert error.value.code == code


def test_document_size_limited(settings):
    settings.NEWSROOM_ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 20))
    assert error.value.code == "attachment_too_large"


@pytest.mark.parametrize(("language", "unit"), [("en", "MB"), ("fr", "Mo")])
def test_image_bytes_limited(settings, language, unit):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error, translation.override(language):
        validate_image(upload("photo.png", image_bytes(size=(64, 64)) + b"x" * 200))
    assert error.value.code == "image_too_heavy"
    with translation.override(language):
        assert unit in str(error.value.messages)


def test_a_decompression_bomb_is_refused_before_it_is_unpacked():
    """A small file that would take 100 million pixels (the limit: 40 million)."""
    buffer = io.BytesIO()
    Image.new("1", (20_000, 5_000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 200_000
    with pytest.raises(ValidationError) as error:
        validate_image(upload("bomb.png", buffer.getvalue()))
    assert error.value.code == "image_too_large"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_stored_images_are_encoded_again_without_what_came_with_them(fmt, institution):
    """GPS position, camera and comments are dropped, and so is anything appended after the
    image (the other half of a polyglot file); the picture is kept, upright."""
    from PIL import PngImagePlugin

    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = {2: (48.0, 51.0, 0.0)}  # GPS latitude
    exif[0x0112] = 6  # shot rotated: shown 90° turned
    options = {"exif": exif.tobytes()}
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "secret notes")
        options["pnginfo"] = info
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "#336699").save(buffer, format=fmt, **options)
    content = buffer.getvalue() + b"<script>alert('polyglot')</script>"
    release = PressRelease.objects.create(title_fr="T")
    image = ReleaseImage.objects.create(
        release=release, image=upload("Dr Martin's home.jpg", content), alt_text_fr="Photo"
    )
    institution.logo = upload("logo-of-acme.png", content)
    institution.save()
    for stored in (image.image, institution.logo):
        data = stored.open("rb").read()
        stored.close()
        assert b"polyglot" not in data and b"secret notes" not in data
        assert b"Camera maker" not in data
        with Image.open(io.BytesIO(data)) as saved:
            assert saved.format == fmt and not saved.getexif()
            assert saved.size == (40, 60)  # turned upright
    assert "martin" not in image.image.name.lower()
    assert "acme" not in institution.logo.name.lower()  # random names for logos too
