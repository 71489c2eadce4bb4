from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

# Releases the importer is tested on (each with its expected reading, .json).
SAMPLES = Path(__file__).parent / "importer_samples"

# Examples a property draws in the "dev" and "ci" Hypothesis profiles (tests/conftest.py).
HYPOTHESIS_EXAMPLES = 30


def examples(n):
    """``n`` examples in the dev and CI profiles; proportionally more in a longer one
    (HYPOTHESIS_PROFILE=long: 1,000 where these draw 30)."""
    from hypothesis import settings

    return max(1, n * settings.default.max_examples // HYPOTHESIS_EXAMPLES)


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

    values = {
        "alt_text_fr": "Une photo",
        "alt_text_en": "A photo",
        "credit": "Studio",
        "licence": "cc-by-4.0",
    }
    upload = SimpleUploadedFile(name, image_bytes(fmt, size))
    return ReleaseImage.objects.create(release=release, image=upload, **(values | fields))


def add_attachment(release, name="dossier.pdf", content=b"%PDF-1.7 test", **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.models import Attachment

    values = {
        "title_fr": "Dossier de presse",
        "title_en": "Press kit",
        "credit": "Acme",
        "licence": "editorial",
    }
    return Attachment.objects.create(
        release=release, file=SimpleUploadedFile(name, content), **(values | fields)
    )


SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def read_sitemaps(client):
    """{path: parsed document} of every sitemap /sitemap.xml (the index) lists, each valid
    against the sitemaps.org schema, as ``client`` reads them."""
    from pathlib import Path

    from lxml import etree

    schemas = Path(__file__).parent / "schemas"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = etree.fromstring(response.content)
    etree.XMLSchema(etree.parse(str(schemas / "siteindex.xsd"))).assertValid(index)
    schema = etree.XMLSchema(etree.parse(str(schemas / "sitemap.xsd")))
    documents = {}
    for location in index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS):
        path = location.removeprefix("http://testserver")
        page = client.get(path)
        assert page.status_code == 200, path
        documents[path] = etree.fromstring(page.content)
        schema.assertValid(documents[path])
    return documents


def sitemap_locations(client):
    """Every URL the sitemaps list."""
    return [
        location
        for document in read_sitemaps(client).values()
        for location in document.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    ]


def ensure_roles():
    """The role groups as the migrations make them, for transactional tests: a test before may
    have emptied the database (a flush recreates permissions, not the migrations' data)."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    if Group.objects.filter(name__in=["Editor", "Publisher", "Administrator"]).count() == 3:
        return
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    roles = importlib.import_module("newsroom.migrations.0004_roles")
    alert_roles = importlib.import_module("alerts.migrations.0002_roles")

    def permissions(spec):
        return [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in roles.codenames(spec)
        ]

    videos = importlib.import_module("newsroom.migrations.0020_video_permissions")
    alerts = Permission.objects.filter(content_type__app_label="alerts")
    editor = permissions(roles.EDITOR) + permissions(videos.VIDEO)
    publisher = [
        *editor,
        *permissions(roles.PUBLISHER_EXTRA),
        *alerts.filter(codename__in=alert_roles.PUBLISHER),
    ]
    administrator = [
        *Permission.objects.filter(content_type__app_label__in=["newsroom", "partners", "auth"]),
        *alerts,
    ]
    for name, granted in (
        ("Editor", editor),
        ("Publisher", publisher),
        ("Administrator", administrator),
    ):
        Group.objects.get_or_create(name=name)[0].permissions.set(granted)


# A release in each state the public must not see (fields for ``make_release``); the times
# are an hour from when the tests are collected, so still ahead while they run.
HIDDEN_STATES = [
    {"status": "draft"},
    {"status": "in_review"},
    {"status": "approved"},
    {"publish_at": timezone.now() + timezone.timedelta(hours=1)},
    {"embargo_until": timezone.now() + timezone.timedelta(hours=1)},
]


def hidden_state_id(state):
    """A test id that is the same in every process (pytest-xdist's workers collect apart)."""
    ((key, value),) = state.items()
    return f"{key}={value}" if isinstance(value, str) else f"{key}=in-an-hour"


# Tiny video files, valid as far as the upload checks go (containers' signatures): an MP4's
# "ftyp" box then empty "moov" and "mdat" boxes; a WebM's EBML header (DocType "webm") then an
# empty Segment.
MP4_BYTES = (
    b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41"
    + b"\x00\x00\x00\x08moov"
    + b"\x00\x00\x00\x08mdat"
)
WEBM_BYTES = (
    b"\x1a\x45\xdf\xa3\x9f"
    b"\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
    b"\x42\x82\x84webm\x42\x87\x81\x02\x42\x85\x81\x02"
    b"\x18\x53\x80\x67\x80"
)
VTT_BYTES = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nBonjour à tous\n".encode()


def add_video(release, *, name="interview.mp4", content=MP4_BYTES, subtitles=True, **fields):
    """An uploaded video with its poster, French and English subtitles, credit and licence."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsroom.models import ReleaseVideo

    values = {
        "title_fr": "Entretien",
        "title_en": "Interview",
        "credit": "Studio Vidéo",
        "licence": "cc-by-4.0",
        "file": SimpleUploadedFile(name, content),
        "poster": SimpleUploadedFile("poster.png", image_bytes("PNG", (320, 180))),
    }
    if subtitles:
        values["subtitles_fr"] = SimpleUploadedFile("fr.vtt", VTT_BYTES)
        values["subtitles_en"] = SimpleUploadedFile("en.vtt", VTT_BYTES.replace(b"Bonjour", b"Hi"))
    return ReleaseVideo.objects.create(release=release, **(values | fields))


def add_video_link(release, url="https://www.youtube.com/watch?v=abc123", **fields):
    from newsroom.models import ReleaseVideo

    values = {"title_fr": "Sur YouTube", "title_en": "On YouTube", "external_url": url}
    return ReleaseVideo.objects.create(release=release, **(values | fields))


# The release change form in the back office, posted back as a browser would.


def admin_change(release):
    return reverse("admin:newsroom_pressrelease_change", args=[release.pk])


def form_data(client, url, **changes):
    """The change form's current values, as a browser would post them back."""
    response = client.get(url)
    data = {}
    for form in [response.context["adminform"].form]:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None:
                continue
            if hasattr(field.widget, "widgets"):  # split date and time
                for index, part in enumerate(field.widget.decompress(value)):
                    data[f"{name}_{index}"] = "" if part is None else str(part)
                continue
            if field.show_hidden_initial:  # fields with a callable default, as a browser posts
                data[form.add_initial_prefix(name)] = str(value)
            if isinstance(value, list | tuple):
                data[name] = [str(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[name] = "on"
            else:
                data[name] = str(value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for subform in formset.formset.forms:
            for name in subform.fields:
                value = subform[name].value()
                if value is not None and value is not False:
                    data[f"{subform.prefix}-{name}"] = str(value) if value is not True else "on"
    return data | changes
