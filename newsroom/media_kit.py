"""The one-click media kit: the release as text in each language it is written in, its images at
their original resolution with captions and credits (in a credits file, and in each JPEG's and
PNG's XMP metadata), its attachments, its videos with their posters and subtitles (the links
to those on a video host in the README), and a README listing all of it. The release page's
link says what the kit holds (``summary``)."""

import io
import posixpath
import shutil
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Already compressed: stored as they are (deflating them costs time and saves nothing).
COMPRESSED = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".zip", ".docx", ".mp4", ".webm"}
# A kit up to this size is built in memory, a larger one in a temporary file.
MEDIA_KIT_IN_MEMORY = 20 * 1024 * 1024
# Bytes copied at a time from a stored video into the ZIP (never a whole video in memory).
COPY_CHUNK = 1024 * 1024


def release_text(release, language=None):
    """The release as plain text, in ``language`` (default: the language it is shown in)."""
    with translation.override(language or release.display_language):
        return render_to_string("newsroom/release.txt", {"release": release})


@dataclass
class Entry:
    """A file of the kit: its name in the ZIP, and what it is made from."""

    name: str
    item: object = None  # the ReleaseImage or Attachment
    language: str = ""  # of a text
    size: int | None = None  # bytes, once read (None: the file could not be read)


def unique(name, taken):
    """``name``, or ``name-2.ext``… when another file of the kit has it already."""
    stem, extension = posixpath.splitext(name)
    number = 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}{extension}"
    taken.add(name)
    return name


def contents(release):
    """(texts, images, documents): the kit's files, named in the current language. Uses
    ``detail_prefetches()`` data only; reads no file."""
    language = translation.get_language()
    taken = set()
    languages = sorted(release.translated_languages, key=lambda code: code != language)
    texts = [
        Entry(unique(f"{release.slug_for(code)}.txt", taken), language=code) for code in languages
    ]
    images = []
    for number, image in enumerate(release.images.all(), start=1):
        extension = posixpath.splitext(image.image.name)[1].lower()
        stem = f"{number:02d}-{slugify(image.alt_text)[:60] or 'image'}"
        images.append(Entry(unique(f"images/{stem}{extension}", taken), image))
    documents = [
        Entry(unique(f"documents/{attachment.download_name}", taken), attachment)
        for attachment in release.attachments.all()
    ]
    return texts, images, documents


@dataclass
class VideoEntry(Entry):
    """A video file of the kit, with its poster and subtitle files (``Entry`` each)."""

    poster: Entry | None = None
    subtitles: list = field(default_factory=list)


def video_contents(release):
    """(files, links): the release's uploaded videos (``VideoEntry``) and those on a host (the
    ``ReleaseVideo`` rows), from ``detail_prefetches()`` data (videos still offered)."""
    files, links = [], []
    for video in release.videos.all():
        if not video.file:
            links.append(video)
            continue
        stem = f"videos/{len(files) + 1:02d}-{slugify(video.title)[:60] or 'video'}"
        extension = posixpath.splitext(video.file.name)[1].lower()
        entry = VideoEntry(f"{stem}{extension}", video)
        if video.poster:
            poster_extension = posixpath.splitext(video.poster.name)[1].lower()
            entry.poster = Entry(f"{stem}-poster{poster_extension}", video.poster)
        entry.subtitles = [
            Entry(f"{stem}.{code}.vtt", file, language=code) for code, file in video.subtitles
        ]
        files.append(entry)
    return files, links


def copy(archive, name, file):
    """Stream the stored ``file`` into the archive as ``name``; its size, or None when storage
    has lost it."""
    info = zipfile.ZipInfo(name, date_time=timezone.localtime().timetuple()[:6])
    info.compress_type = (
        zipfile.ZIP_STORED
        if posixpath.splitext(name)[1].lower() in COMPRESSED
        else zipfile.ZIP_DEFLATED
    )
    try:
        source = file.open("rb")
    except OSError:
        return None
    with source, archive.open(info, "w", force_zip64=True) as target:
        shutil.copyfileobj(source, target, COPY_CHUNK)
    return info.file_size


def read(file):
    """The stored file's bytes, or None when storage has lost it (the README says so: a kit
    with a missing file is better than no kit)."""
    try:
        with file.open("rb") as source:
            return source.read()
    except OSError:
        return None


def xmp(asset):
    """An XMP packet with the asset's caption, credit and rights (IPTC's and XMP Rights
    Management's fields, as photo desks and picture editors read them): ``dc:rights`` the
    copyright notice, ``xmpRights:UsageTerms`` the licence and restriction,
    ``xmpRights:WebStatement`` the licence's page."""

    def alt(name, text):
        return (
            f'<{name}><rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'
            f"</{name}>"
        )

    caption = getattr(asset, "caption", "") or ""
    parts = [
        f"<photoshop:Credit>{escape(asset.credit or '')}</photoshop:Credit>",
        alt("dc:rights", asset.credit_notice),
        alt("dc:description", caption),
    ]
    if asset.licence:
        # Marked: rights-managed; CC0 gives them up (public domain).
        marked = "False" if asset.licence == "cc0-1.0" else "True"
        parts += [f"<xmpRights:Marked>{marked}</xmpRights:Marked>"]
        parts += [alt("xmpRights:UsageTerms", str(asset.usage_terms))]
    if asset.licence_url:
        parts.append(
            f"<xmpRights:WebStatement>{escape(asset.licence_url)}</xmpRights:WebStatement>"
        )
    if asset.credit:
        parts.append(
            f'<plus:CopyrightOwner><rdf:Seq><rdf:li rdf:parseType="Resource">'
            f"<plus:CopyrightOwnerName>{escape(asset.credit)}</plus:CopyrightOwnerName>"
            "</rdf:li></rdf:Seq></plus:CopyrightOwner>"
        )
    if asset.expires_on:
        parts.append(f"<plus:LicenseEndDate>{asset.expires_on.isoformat()}</plus:LicenseEndDate>")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"'
        ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/">'
        + "".join(parts)
        + "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def with_rights(data, asset):
    """The image's bytes with its caption, credit and rights in XMP metadata, for JPEG and
    PNG (a segment or chunk added: the pixels are not encoded again). Other formats as they
    are."""
    if not (getattr(asset, "caption", "") or asset.credit or asset.licence):
        return data
    packet = xmp(asset)
    if data[:2] == b"\xff\xd8" and len(packet) < 65000:  # JPEG: an APP1 segment
        segment = b"http://ns.adobe.com/xap/1.0/\x00" + packet
        at = 2
        if data[2:4] == b"\xff\xe0":  # after the JFIF header, which must come first
            at = 4 + int.from_bytes(data[4:6], "big")
        return data[:at] + b"\xff\xe1" + (len(segment) + 2).to_bytes(2, "big") + segment + data[at:]
    if data[:8] == b"\x89PNG\r\n\x1a\n":  # PNG: an iTXt chunk after the header chunk
        body = b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + packet
        chunk = b"iTXt" + body
        chunk = len(body).to_bytes(4, "big") + chunk + zlib.crc32(chunk).to_bytes(4, "big")
        at = 8 + 12 + int.from_bytes(data[8:12], "big")  # signature, then IHDR
        return data[:at] + chunk + data[at:]
    return data


def write(archive, name, data):
    compression = (
        zipfile.ZIP_STORED
        if posixpath.splitext(name)[1].lower() in COMPRESSED
        else zipfile.ZIP_DEFLATED
    )
    archive.writestr(name, data, compress_type=compression)


def build_media_kit(release, url="", out=None):
    """The ZIP, written to ``out`` (a file open for writing), or returned as bytes without it.
    Names inside are stable and readable; files are read from storage once, videos copied in
    chunks. ``url``: the release page's, written in the README."""
    texts, images, documents = contents(release)
    videos, video_links = video_contents(release)
    buffer = out if out is not None else io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in texts:
            data = release_text(release, entry.language).encode()
            write(archive, entry.name, data)
            entry.size = len(data)
        for entry in images:
            if (data := read(entry.item.image)) is not None:
                data = with_rights(data, entry.item)
                write(archive, entry.name, data)
                entry.size = len(data)
        if images:
            credits = [
                "\n  ".join(
                    line
                    for line in (
                        entry.name,
                        entry.item.caption,
                        entry.item.credit_notice,
                        str(entry.item.usage_terms),
                        entry.item.licence_url,
                    )
                    if line
                )
                for entry in images
            ]
            write(archive, "images/credits.txt", ("\n\n".join(credits) + "\n").encode())
        for entry in documents:
            if (data := read(entry.item.file)) is not None:
                write(archive, entry.name, data)
                entry.size = len(data)
        for entry in videos:
            for part in (entry, entry.poster, *entry.subtitles):
                if part is not None:
                    item = part.item.file if part is entry else part.item
                    part.size = copy(archive, part.name, item)
        readme = render_to_string(
            "newsroom/media_kit_readme.txt",
            {
                "release": release,
                "url": url,
                "texts": texts,
                "images": images,
                "documents": documents,
                "videos": videos,
                "video_links": video_links,
            },
        )
        write(archive, readme_name(), readme.encode())
    return None if out is not None else buffer.getvalue()


def readme_name():
    return _("README.txt")


def stored_size(file):
    try:
        return file.size
    except OSError:
        return 0


def summary(release):
    """What the kit holds, for its link: "ZIP, 2.3 MB: text in French and English, 3 images
    with their credits, 1 document". The size is its files' (the ZIP adds little and saves
    little: images are compressed already)."""
    texts, images, documents = contents(release)
    names = [translation.get_language_info(entry.language)["name_translated"] for entry in texts]
    parts = [
        _("text in %(first)s and %(second)s") % {"first": names[0], "second": names[1]}
        if len(names) > 1
        else _("text in %(language)s") % {"language": names[0]}
    ]
    if images:
        count = len(images)
        parts.append(
            ngettext(
                "%(count)s image with its credit",
                "%(count)s images with their credits",
                count,
            )
            % {"count": count}
        )
    if documents:
        parts.append(
            ngettext("%(count)s document", "%(count)s documents", len(documents))
            % {"count": len(documents)}
        )
    videos, _links = video_contents(release)
    if videos:
        parts.append(
            ngettext("%(count)s video", "%(count)s videos", len(videos)) % {"count": len(videos)}
        )
    size = sum(len(release_text(release, entry.language).encode()) for entry in texts)
    size += sum(stored_size(entry.item.image) for entry in images)
    size += sum(stored_size(entry.item.file) for entry in documents)
    size += sum(
        stored_size(file)
        for entry in videos
        for file in (entry.item.file, entry.item.poster, *(part.item for part in entry.subtitles))
        if file
    )
    return _("ZIP, %(size)s: %(contents)s") % {
        "size": filesizeformat(size),
        "contents": ", ".join(parts),
    }
