"""The text of an uploaded document: ``.txt``, ``.docx`` or a text-based ``.pdf``.

Every refusal is an ``UnreadableDocument`` whose message is meant for the person who sent it.
"""

import io
import zipfile

from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024  # a press release with its logos is well under this
MAX_UNZIPPED = 20 * 1024 * 1024  # what a .docx may expand to (a zip bomb expands to far more)
MAX_RATIO = 100  # uncompressed / compressed size, per member: text compresses ~10×
MAX_PAGES = 50
MAX_TEXT = 300_000  # characters: a long press release has ~20,000
KINDS = {"txt": "text", "docx": "Word", "pdf": "PDF"}


class UnreadableDocument(ValueError):
    pass


def read_document(name, data):
    """The text of ``data`` (bytes) named ``name``, lines separated by newlines and blocks by
    blank lines. Raises ``UnreadableDocument``."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in KINDS:
        raise UnreadableDocument(_("Send a .txt, .docx or .pdf file."))
    check_size(len(data))
    if not data.strip():
        raise UnreadableDocument(_("The file is empty."))
    text = {"txt": read_text, "docx": read_docx, "pdf": read_pdf}[extension](data)
    if len(text) > MAX_TEXT:
        raise UnreadableDocument(_("This document holds far more text than a press release."))
    if len(text.split()) < 5:
        raise UnreadableDocument(
            _("No text could be read from this %(kind)s file.") % {"kind": KINDS[extension]}
            + (" " + _("A scanned PDF needs OCR first.") if extension == "pdf" else "")
        )
    return text


def check_size(size):
    if size > MAX_BYTES:
        raise UnreadableDocument(
            _("The file is too large (%(size)s MB; at most %(limit)s MB).")
            % {"size": size // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)}
        )


def read_text(data):
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument(_("This is not a text file."))
    # UTF-16 only with its byte-order mark: any even-length bytes would decode.
    bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ["utf-8-sig"] + (["utf-16"] if bom else []):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("cp1252", errors="replace")
    if sum(not (char.isprintable() or char.isspace()) for char in text) > len(text) // 20:
        raise UnreadableDocument(_("This is not a text file."))
    return text


def read_docx(data):
    import docx

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # zipfile raises several kinds for a damaged archive
        raise UnreadableDocument(_("This is not a Word (.docx) file.")) from error
    # Checked before anything is decompressed: sizes as the archive declares them.
    if sum(member.file_size for member in members) > MAX_UNZIPPED or any(
        member.file_size > MAX_RATIO * max(member.compress_size, 1024) for member in members
    ):
        raise UnreadableDocument(_("This Word file expands to an unreasonable size."))
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a broken package
        raise UnreadableDocument(_("This Word (.docx) file could not be read.")) from error
    blocks = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:  # contacts are often laid out in a table
        for row in table.rows:
            blocks.extend(cell.text for cell in row.cells)
    return "\n\n".join(block for block in blocks if block.strip())


def read_pdf(data):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PAGES:
            raise UnreadableDocument(_("This PDF has too many pages for a press release."))
        # Layout mode keeps the blank lines between blocks, which the parts are told by.
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise UnreadableDocument(_("This PDF file could not be read.")) from error
    return "\n\n".join(pages)
