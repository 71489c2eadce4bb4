"""Release videos' files: the containers accepted (MP4, WebM) and WebVTT subtitles, each
verified by its content, never its name; their random names; and the byte ranges browsers
ask for when they play or seek in a video (Django's FileResponse sends whole files only)."""

import os
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from core.uploads import random_name
from core.validators import is_stored, read_head

VIDEO_FOLDER = "releases/videos"

# ISO base media brands of MP4 files (QuickTime's "qt  ", 3GP… are not MP4 and are refused).
MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash",
    b"M4V ", b"M4VH", b"M4VP", b"MSNV", b"NDAS", b"mmp4", b"f4v ",
}  # fmt: skip
CONTAINER_NAMES = {"mp4": "MP4", "webm": "WebM"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
WEBM_DOCTYPE = b"\x42\x82\x84webm"  # the EBML DocType element, 4 bytes long: "webm"


def video_container(head):
    """ "mp4", "webm" or None, from the file's first bytes."""
    if head[4:8] == b"ftyp" and int.from_bytes(head[:4], "big") >= 16:
        brands = {head[8:12]} | {head[at : at + 4] for at in range(16, min(len(head), 64), 4)}
        return "mp4" if brands & MP4_BRANDS else None
    if head.startswith(EBML_MAGIC) and WEBM_DOCTYPE in head[:64]:
        return "webm"
    return None


def validate_video(file):
    """An MP4 or WebM video, as its first bytes show, under the size limit; the extension must
    say the same (it gives the type the file is served with)."""
    if is_stored(file):
        return
    limit = settings.NEWSROOM_VIDEO_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("This video is too large (%(size)s MB; at most %(limit)s MB)."),
            code="video_too_large",
            params={"size": round(file.size / 1_000_000, 1), "limit": limit // 1_000_000},
        )
    try:
        head = read_head(file, 64)
    except OSError:
        head = b""
    container = video_container(head)
    if container is None:
        raise ValidationError(
            _("This file is not an MP4 or WebM video. Export the video as MP4 (H.264) or WebM."),
            code="video_content",
        )
    extension = os.path.splitext(file.name)[1].lower()
    if extension != f".{container}":
        raise ValidationError(
            _("This video is a %(container)s file: name it with the .%(extension)s extension."),
            code="video_extension",
            params={"container": CONTAINER_NAMES[container], "extension": container},
        )


# A cue timing line: "00:00:01.000 --> 00:00:04.000" (hours optional), settings may follow.
TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
CUE_TIMING = re.compile(rf"^{TIMESTAMP}[ \t]+-->[ \t]+{TIMESTAMP}(?:[ \t]|$)", re.MULTILINE)


def validate_webvtt(file):
    """WebVTT subtitles: UTF-8 text that starts with "WEBVTT" and has at least one cue."""
    if is_stored(file):
        return
    limit = settings.NEWSROOM_SUBTITLES_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("This subtitle file is too large (at most %(limit)s kB)."),
            code="subtitles_too_large",
            params={"limit": limit // 1000},
        )
    try:
        text = read_head(file, limit + 1).decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        raise ValidationError(
            _("This subtitle file is not UTF-8 text. Save it as WebVTT in UTF-8."),
            code="subtitles_encoding",
        ) from None
    if not re.match(r"WEBVTT(?:[ \t]|\r?\n|\r|$)", text):
        raise ValidationError(
            _("This is not a WebVTT file: its first line must be “WEBVTT”."),
            code="subtitles_header",
        )
    if not CUE_TIMING.search(text):
        raise ValidationError(
            _(
                "This WebVTT file has no cue: add at least one timing line such as "
                "“00:00:01.000 --> 00:00:04.000” followed by its text."
            ),
            code="subtitles_cues",
        )


def video_path(instance, filename):
    return random_name(VIDEO_FOLDER, filename)


def poster_path(instance, filename):
    return random_name(VIDEO_FOLDER, filename)


def subtitles_path(instance, filename):
    return random_name(VIDEO_FOLDER, "subtitles.vtt")


RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def byte_range(header, size):
    """(start, end) inclusive of one "bytes=" range of a file of ``size`` bytes; None when the
    header asks for no range we serve (absent, several ranges, another unit: the whole file
    is sent); ValueError when the range cannot be satisfied."""
    match = RANGE.match((header or "").replace(" ", ""))
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
        if start >= size or (last and int(last) < start):
            raise ValueError
    else:  # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0 or size == 0:
            raise ValueError
        start, end = max(size - length, 0), size - 1
    return start, end


def file_part(file, start, length):
    try:
        file.seek(start)
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        file.close()


def partial_response(request, file, size, content_type):
    """206 with the one range asked for, 416 when it is out of the file; None when the request
    asks for no range (the caller sends the whole file)."""
    try:
        span = byte_range(request.headers.get("Range"), size)
    except ValueError:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    if span is None:
        return None
    start, end = span
    response = StreamingHttpResponse(
        file_part(file, start, end - start + 1), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    return response
