"""Uploads are checked by content with Pillow: a renamed file or a refused format never passes."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from newsroom.models import PressRelease, ReleaseImage
from partners.validators import validate_attachment, validate_image


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


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n..."),
        ("kit.zip", b"PK\x03\x04rest"),
        ("letter.docx", b"PK\x03\x04rest"),
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
