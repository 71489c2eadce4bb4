"""The one-click media kit: the release as text in each language it is written in, its images at
their original resolution with captions and credits (in a credits file, and in each JPEG's and
PNG's XMP metadata), its attachments, and a README listing all of it. The release page's link
says what the kit holds (``summary``)."""

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Already compressed: stored as they are (deflating them costs time and saves nothing).
COMPRESSED = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".zip", ".docx"}


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


def build_media_kit(release, url=""):
    """ZIP bytes. Names inside are stable and readable; files are read from storage once.
    ``url``: the release page's, written in the README."""
    texts, images, documents = contents(release)
    buffer = io.BytesIO()
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
        readme = render_to_string(
            "newsroom/media_kit_readme.txt",
            {
                "release": release,
                "url": url,
                "texts": texts,
                "images": images,
                "documents": documents,
            },
        )
        write(archive, readme_name(), readme.encode())
    return buffer.getvalue()


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
    size = sum(len(release_text(release, entry.language).encode()) for entry in texts)
    size += sum(stored_size(entry.item.image) for entry in images)
    size += sum(stored_size(entry.item.file) for entry in documents)
    return _("ZIP, %(size)s: %(contents)s") % {
        "size": filesizeformat(size),
        "contents": ", ".join(parts),
    }
