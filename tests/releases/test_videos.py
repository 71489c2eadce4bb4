"""Release videos: uploads checked by their content (messages in French, the back office's
language), one file or one https link, served by the media gate in byte ranges only while the
release is visible, shown with the browser's own player (subtitles, poster, credit) or as a link
card, in JSON-LD and in the media kit."""

import datetime
import io
import json
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import ReleaseVideo
from newsroom.video_files import byte_range, validate_video, validate_webvtt
from tests.helpers import (
    HIDDEN_STATES,
    MP4_BYTES,
    VTT_BYTES,
    WEBM_BYTES,
    add_video,
    add_video_link,
    assert_refused,
    image_bytes,
)

pytestmark = pytest.mark.django_db


def upload(name, content):
    return SimpleUploadedFile(name, content)


# Uploads


@pytest.mark.parametrize(("name", "content"), [("a.mp4", MP4_BYTES), ("b.webm", WEBM_BYTES)])
def test_mp4_and_webm_accepted(name, content):
    validate_video(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.mp4", b"Just some text, renamed.", "n’est pas une vidéo MP4 ou WebM"),
        ("page.webm", b"<html><script>alert(1)</script>", "n’est pas une vidéo MP4 ou WebM"),
        ("movie.mp4", b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "MP4 ou WebM"),
        ("clip.webm", MP4_BYTES, "avec l’extension .mp4"),
        ("clip.mov", MP4_BYTES, "avec l’extension .mp4"),
        ("clip.mp4", WEBM_BYTES, "avec l’extension .webm"),
    ],
)
def test_other_files_refused_whatever_their_name(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_video(upload(name, content))


def test_video_size_limit(settings):
    settings.NEWSROOM_VIDEO_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="trop lourde"):
        validate_video(upload("a.mp4", MP4_BYTES))


def test_webvtt_accepted():
    validate_webvtt(upload("fr.vtt", VTT_BYTES))
    validate_webvtt(
        upload(
            "fr.vtt",
            b"\xef\xbb\xbfWEBVTT - titre\r\n\r\n1\r\n"
            b"01:02.500 --> 01:04.000 align:start\r\nOui\r\n",
        )
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n", "première ligne doit"),
        (b"WEBVTTX\n\n00:00:00.000 --> 00:00:02.000\nx\n", "première ligne doit"),
        (b"WEBVTT\n\nNo cue here\n", "aucun sous-titre"),
        (b"WEBVTT\n\n00:00:00,000 --> 00:00:02,000\ncommas\n", "aucun sous-titre"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nété\n".encode("latin-1"), "pas du texte UTF-8"),
    ],
)
def test_bad_webvtt_refused(content, message):
    with pytest.raises(ValidationError, match=message):
        validate_webvtt(upload("fr.vtt", content))


def new_video(release, **fields):
    return ReleaseVideo(release=release, title_fr="Vidéo", **fields)


def test_external_link_must_be_https(make_release):
    video = new_video(make_release(), external_url="http://www.youtube.com/watch?v=x")
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert "https://" in str(error.value.message_dict["external_url"])
    new_video(make_release(), external_url="https://vimeo.com/123").full_clean()


def test_file_and_link_not_both_nor_neither(make_release):
    release = make_release()
    both = new_video(
        release,
        file=upload("a.mp4", MP4_BYTES),
        poster=upload("p.png", image_bytes()),
        credit="Studio",
        licence="cc-by-4.0",
        external_url="https://vimeo.com/123",
    )
    with pytest.raises(ValidationError, match="soit un fichier vidéo, soit l’adresse"):
        both.full_clean()
    with pytest.raises(ValidationError, match="soit un fichier vidéo, soit l’adresse"):
        new_video(release).full_clean()


def test_the_database_refuses_both_and_neither(make_release):
    release = make_release()
    assert_refused(lambda: ReleaseVideo.objects.create(release=release, title_fr="Rien"))
    assert_refused(
        lambda: ReleaseVideo.objects.create(
            release=release,
            file=upload("a.mp4", MP4_BYTES),
            external_url="https://vimeo.com/1",
        )
    )


def test_a_video_file_needs_poster_credit_and_licence(make_release):
    video = new_video(make_release(), file=upload("a.mp4", MP4_BYTES))
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert {"poster", "credit", "licence"} <= set(error.value.message_dict)


def test_title_required_in_the_original_language(make_release):
    video = ReleaseVideo(
        release=make_release(), title_en="Only English", external_url="https://vimeo.com/1"
    )
    with pytest.raises(ValidationError) as error:
        video.full_clean()
    assert "title_fr" in error.value.message_dict


def test_files_stored_under_random_names(make_release):
    video = add_video(make_release(), name="Secret Interview.mp4")
    for file in (video.file, video.poster, video.subtitles_fr, video.subtitles_en):
        assert re.fullmatch(r"releases/videos/[0-9a-f]{32}\.(mp4|png|vtt)", file.name), file.name
    video.refresh_from_db()
    assert video.poster_width == 320 and video.poster_height == 180


def test_admin_release_form_has_the_video_inline(staff_client):
    html = staff_client.get("/admin/newsroom/pressrelease/add/").text
    assert 'name="videos-TOTAL_FORMS"' in html
    assert "Sous-titres français (WebVTT)" in html or "French subtitles (WebVTT)" in html


# The media gate


def test_video_files_served_while_public(client, make_release):
    video = add_video(make_release())
    response = client.get(video.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "video/mp4"
    assert response["Accept-Ranges"] == "bytes"
    assert response.getvalue() == MP4_BYTES
    assert client.get(video.poster.url)["Content-Type"] == "image/png"
    subtitles = client.get(video.subtitles_fr.url)
    assert subtitles["Content-Type"] == "text/vtt"
    assert subtitles.getvalue() == VTT_BYTES
    download = client.get(video.file.url + "?download")
    assert download["Content-Disposition"] == 'attachment; filename="entretien.mp4"'


@pytest.mark.parametrize(
    ("header", "status", "content_range", "body"),
    [
        ("bytes=0-7", 206, f"bytes 0-7/{len(MP4_BYTES)}", MP4_BYTES[:8]),
        ("bytes=8-", 206, f"bytes 8-39/{len(MP4_BYTES)}", MP4_BYTES[8:]),
        ("bytes=-8", 206, f"bytes 32-39/{len(MP4_BYTES)}", MP4_BYTES[-8:]),
        ("bytes=30-1000", 206, f"bytes 30-39/{len(MP4_BYTES)}", MP4_BYTES[30:]),
        ("bytes=40-", 416, f"bytes */{len(MP4_BYTES)}", b""),
        ("bytes=9-3", 416, f"bytes */{len(MP4_BYTES)}", b""),
        ("bytes=-0", 416, f"bytes */{len(MP4_BYTES)}", b""),
    ],
)
def test_byte_ranges(client, make_release, header, status, content_range, body):
    assert len(MP4_BYTES) == 40
    video = add_video(make_release())
    response = client.get(video.file.url, HTTP_RANGE=header)
    assert response.status_code == status
    assert response["Content-Range"] == content_range
    assert response["Accept-Ranges"] == "bytes"
    assert response.getvalue() == body
    if status == 206:
        assert response["Content-Type"] == "video/mp4"
        assert response["Content-Length"] == str(len(body))


@pytest.mark.parametrize("header", ["bytes=0-1,4-5", "items=0-1", "bytes=-", "nonsense"])
def test_ranges_not_served_give_the_whole_file(client, make_release, header):
    video = add_video(make_release())
    response = client.get(video.file.url, HTTP_RANGE=header)
    assert response.status_code == 200 and response.getvalue() == MP4_BYTES


def test_byte_range_parsing():
    assert byte_range(None, 100) is None
    assert byte_range("bytes=0-0", 100) == (0, 0)
    assert byte_range("bytes=99-", 100) == (99, 99)
    assert byte_range("bytes=-500", 100) == (0, 99)
    with pytest.raises(ValueError):
        byte_range("bytes=100-", 100)


def test_a_range_of_a_hidden_release_is_404_too(client, make_release):
    video = add_video(make_release(status="draft"))
    assert client.get(video.file.url, HTTP_RANGE="bytes=0-3").status_code == 404


@pytest.mark.parametrize("fields", HIDDEN_STATES)
def test_hidden_release_video_files_not_served(make_release, staff_client, fields):
    video = add_video(make_release(**fields))
    files = [video.file, video.poster, video.subtitles_fr, video.subtitles_en]
    anonymous = Client()
    for file in files:
        assert anonymous.get(file.url).status_code == 404, file.name
        assert anonymous.get(file.url, HTTP_RANGE="bytes=0-3").status_code == 404
    # Staff see them in the preview; never kept by a shared cache.
    response = staff_client.get(video.file.url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"


def test_expired_video_no_longer_offered(client, make_release):
    release = make_release()
    video = add_video(release, expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert client.get(video.file.url).status_code == 404
    assert client.get(video.poster.url).status_code == 404
    html = client.get(release.get_absolute_url("fr")).text
    assert video.file.url not in html and "Entretien" not in html
    names = zipfile.ZipFile(
        io.BytesIO(client.get(release.get_absolute_url("fr") + "kit-media/").getvalue())
    ).namelist()
    assert not [name for name in names if name.startswith("videos/")]


# The release page, JSON-LD


def test_release_page_plays_the_video_with_subtitles(client, make_release):
    release = make_release()
    video = add_video(
        release,
        description_fr="Le directeur explique.",
        transcript_fr="Bonjour.",
        duration=datetime.timedelta(seconds=125),
    )
    html = client.get(release.get_absolute_url("fr")).text
    player = re.search(r"<video [^>]*>", html).group(0)
    assert 'controls preload="none"' in player
    assert f'poster="{video.poster.url}"' in player and 'width="320" height="180"' in player
    assert f'<source src="{video.file.url}" type="video/mp4">' in html
    french = f'<track kind="subtitles" src="{video.subtitles_fr.url}" srclang="fr"'
    assert f'{french} label="Français" default>' in html
    assert (
        f'<track kind="subtitles" src="{video.subtitles_en.url}" srclang="en" label="English">'
        in html
    )
    assert "© Studio Vidéo" in html and 'rel="license">CC BY 4.0' in html
    assert '<time datetime="PT2M5S">(2:05)</time>' in html
    assert "<summary>Transcription</summary>" in html
    assert f'href="{video.file.url}?download" download' in html
    assert "<iframe" not in html
    # In English, the English track is the default one.
    html = client.get(release.get_absolute_url("en")).text
    assert 'srclang="en" label="English" default>' in html
    assert 'srclang="fr" label="Français">' in html


def test_external_video_is_a_link_card_without_embed(client, make_release):
    release = make_release()
    add_video_link(release, description_fr="Au laboratoire.")
    html = client.get(release.get_absolute_url("fr")).text
    assert (
        'href="https://www.youtube.com/watch?v=abc123" rel="external noopener noreferrer"' in html
    )
    assert "Regarder sur youtube.com" in html and "Au laboratoire." in html
    assert "<iframe" not in html and "<video" not in html
    assert "ytimg" not in html and "youtube.com/embed" not in html


def jsonld(client, release):
    html = client.get(release.get_absolute_url("fr")).text
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_jsonld_video_objects(client, make_release):
    release = make_release()
    video = add_video(release, duration=datetime.timedelta(seconds=90))
    add_video_link(release)
    videos = jsonld(client, release)["video"]
    uploaded, linked = videos
    assert uploaded["@type"] == "VideoObject" and uploaded["name"] == "Entretien"
    assert uploaded["contentUrl"] == f"http://testserver{video.file.url}"
    assert uploaded["thumbnailUrl"] == f"http://testserver{video.poster.url}"
    assert uploaded["duration"] == "PT1M30S" and uploaded["uploadDate"]
    assert uploaded["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert uploaded["creditText"] == "Studio Vidéo"
    assert linked["url"] == "https://www.youtube.com/watch?v=abc123"
    assert "contentUrl" not in linked


# The media kit


def test_media_kit_holds_the_videos(client, make_release):
    release = make_release()
    video = add_video(release, usage_restriction="Pas de publicité")
    add_video_link(release)
    page = client.get(release.get_absolute_url("fr")).text
    assert re.search(r"Télécharger le kit média \(ZIP, [^)]*1 vidéo\)", page)
    response = client.get(release.get_absolute_url("fr") + "kit-media/")
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    assert archive.read("videos/01-entretien.mp4") == MP4_BYTES
    assert archive.read("videos/01-entretien.fr.vtt") == VTT_BYTES
    assert archive.read("videos/01-entretien.en.vtt").startswith(b"WEBVTT")
    assert archive.read("videos/01-entretien-poster.png") == video.poster.open("rb").read()
    readme = archive.read("LISEZMOI.txt").decode()
    assert "videos/01-entretien.mp4 (40\xa0octets)" in readme
    assert "Crédit : © Studio Vidéo" in readme or "© Studio Vidéo" in readme
    assert "Pas de publicité" in readme
    assert "Sur YouTube: https://www.youtube.com/watch?v=abc123" in readme


def test_media_kit_copies_videos_without_reading_them_whole(client, make_release, monkeypatch):
    """A video is copied in chunks: never read in one piece."""
    from newsroom import media_kit

    monkeypatch.setattr(media_kit, "COPY_CHUNK", 8)
    reads = []
    original = media_kit.shutil.copyfileobj

    def counting(source, target, length):
        reads.append(length)
        return original(source, target, length)

    monkeypatch.setattr(media_kit.shutil, "copyfileobj", counting)
    release = make_release()
    add_video(release, subtitles=False)
    response = client.get(release.get_absolute_url("fr") + "kit-media/")
    assert (
        zipfile.ZipFile(io.BytesIO(response.getvalue())).read("videos/01-entretien.mp4")
        == MP4_BYTES
    )
    assert reads and set(reads) == {8}


def test_the_release_page_query_count_does_not_grow_with_videos(
    client, make_release, django_assert_num_queries, uncached
):
    release = make_release()
    add_video(release)
    url = release.get_absolute_url("fr")
    client.get(url)
    uncached()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    for _ in range(4):
        add_video(release)
        add_video_link(release)
    uncached()
    with django_assert_num_queries(len(captured)):
        html = client.get(url).text
    assert html.count("<video ") == 5 and html.count("Regarder sur youtube.com") == 4


# The back office


@pytest.fixture
def release_form(client, make_staff, make_release):
    """The change form of a draft, as a Publisher posts it, with one new video row."""
    from tests.helpers import admin_change, form_data

    release = make_release(status="draft", publish_at=None, title_fr="Brouillon")
    client.force_login(make_staff("Publisher"))
    url = admin_change(release)

    def post(**video):
        data = form_data(client, url) | {"videos-TOTAL_FORMS": "1", "videos-0-order": "0"}
        data |= {f"videos-0-{name}": value for name, value in video.items()}
        return client.post(url, data)

    post.release = release
    return post


def inline_errors(response):
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "videos"
    )
    return formset.errors[0]


def test_admin_saves_an_uploaded_video(release_form):
    response = release_form(
        title_fr="Entretien",
        file=upload("entretien.mp4", MP4_BYTES),
        poster=upload("affiche.png", image_bytes("PNG", (64, 36))),
        subtitles_fr=upload("fr.vtt", VTT_BYTES),
        credit="Studio",
        licence="editorial",
    )
    assert response.status_code == 302, inline_errors(response)
    video = release_form.release.videos.get()
    assert video.file.read() == MP4_BYTES and video.poster_width == 64
    assert video.subtitles_fr.name.endswith(".vtt") and not video.subtitles_en


@pytest.mark.parametrize(
    ("video", "field", "message"),
    [
        (
            {"file": ("faux.mp4", b"Ceci est du texte."), "credit": "S", "licence": "editorial"},
            "file",
            "n’est pas une vidéo MP4 ou WebM",
        ),
        ({"external_url": "http://vimeo.com/1"}, "external_url", "https://"),
        (
            {"file": ("a.mp4", MP4_BYTES), "external_url": "https://vimeo.com/1"},
            "file",
            "soit un fichier vidéo, soit l’adresse",
        ),
        ({"file": ("a.mp4", MP4_BYTES)}, "poster", "demande une image d’affiche"),
        ({"file": ("a.mp4", MP4_BYTES)}, "licence", "Choisissez la licence"),
        (
            {"external_url": "https://vimeo.com/1", "subtitles_fr": ("fr.vtt", b"WEBVTT\n")},
            "subtitles_fr",
            "aucun sous-titre",
        ),
    ],
)
def test_admin_refuses_bad_videos_with_a_clear_message(release_form, video, field, message):
    values = {"title_fr": "Vidéo"}
    for name, value in video.items():
        values[name] = upload(*value) if isinstance(value, tuple) else value
    response = release_form(**values)
    assert response.status_code == 200  # the form again, with what was typed
    assert any(message in error for error in inline_errors(response)[field]), inline_errors(
        response
    )
    assert not ReleaseVideo.objects.exists()
