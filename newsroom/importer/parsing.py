"""The parts of a press release found in its text, in French or English.

Documents arrive wrapped by PDF export (a line break, sometimes a blank line, in mid-sentence),
so lines are joined back into blocks first: a block ends where a sentence ends and the next
line starts a new one, at a bullet, or at a heading. Then the parts are told by their form:

- the head (``head``): headline, subtitle, dateline and date, labels and mastheads set aside;
- quotes (``quotes``), "À propos de X" / "About X" sections, also inline ("About the NIH: …");
- what ends the body ("Ends", "###", "-30-", "Notes to editors", "Forward-looking statements");
- contacts (``contacts``), in blocks or in prose, with phones read in E.164 (``phones``);
- websites, networks and stock listings (``links``).
"""

import re
from dataclasses import asdict, dataclass, field

from .contacts import (
    EMAIL,
    MAX_LINES,
    OFFICE,
    Contact,
    contacts_section,
    parse_contacts,
    prose_contact,
)
from .dates import find_dates
from .head import BULLET, LABELS, caps_place, groups_of, read_head
from .links import LINKS_INTRO, TICKER, WEBSITE, find_tickers, networks_in, read_links
from .phones import phone_numbers, regions
from .quotes import (
    ARTICLES,
    Quote,
    introduced_speaker,
    make_quote,
    parse_quote,
    quotation,
    signed_quote,
)

__all__ = ["Contact", "Quote", "Release", "parse"]

ABOUT = re.compile(
    r"^(?:[àa]\s+propos\s+(?:de\s+|d[’']\s*|du\s+|des\s+)|about\s+)(?P<name>.+?)\s*:?$", re.I
)
# "About the National Institutes of Health (NIH): NIH, the nation's …" on one line.
ABOUT_INLINE = re.compile(
    r"^(?:[àa]\s+propos\s+(?:de\s+|d[’']\s*|du\s+|des\s+)|about\s+)(?P<name>[^:]{2,100}?)\s*:"
    r"\s+(?P<rest>\S.*)$",
    re.I,
)
CONTACTS = re.compile(
    r"^(?:contacts?(?:\s+(?:presse|m[ée]dias?|media|press|chercheurs?|scientifiques?|researchers?)"
    r"(?:\s*(?:&|et|and)\s+\w+)?)?|(?:media|press|investors?)\s+(?:contacts?|inquiries|enquiries)"
    r"|relations?\s+(?:presse|m[ée]dias?)|for\s+media\s+inquiries"
    # "Media:" or "Investors" alone: "Media Relations" is an office's name, not a heading.
    r"|(?:investors?|media)(?=\s*:|$)"
    # Bare headings only: "For more information: www.curie.fr" is no contact.
    r"|(?:for\s+)?(?:further|more)\s+(?:public\s+)?information(?:,\s*contact)?(?=\s*:?$)"
    r"|pour\s+(?:de\s+)?plus\s+(?:amples\s+)?d?[’']?\s*informations?(?=\s*:?$))"
    r"(?![@\w.-])\s*:?\s*(?P<rest>.*)$",
    re.I,
)
END = re.compile(r"^(?:#{3,}|-\s*30\s*-|-*\s*(?:ends?|fin)\s*-*|\*{3,})$", re.I)
NOTES = re.compile(
    r"^(?:notes?\s+(?:to|for)\s+editors?|editors?[’']?\s*notes?|notes?\s+aux\s+r[ée]dactions?"
    r"|forward[- ]looking\s+statements?|safe\s+harbou?r(?:\s+statement)?|sources?|bibliographie"
    r"|r[ée]f[ée]rences?|disclaimer|avertissement)\s*:?$",
    re.I,
)
NOTE_NUMBER = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s+")
SOURCE_LINE = re.compile(r"^SOURCE\s+\S")  # PR Newswire's last line
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“\"])")
FRENCH = {"le", "la", "les", "des", "et", "est", "une", "pour", "dans", "avec", "sur", "du"}
ENGLISH = {"the", "and", "of", "to", "is", "with", "for", "in", "on", "its", "their", "will"}
AT = re.compile(
    r"(?<=\w)\s*[\[(]at[\])]\s*(?=\w)", re.I
)  # "m.greaves [at] ucl.ac.uk"  # non-blank lines searched for the dateline


@dataclass
class Release:
    """What was found; ``blocks`` keeps the body's paragraphs and bullets in order."""

    language: str = ""
    headline: str = ""
    subtitle: str = ""
    dateline: str = ""
    date: str = ""  # ISO 8601
    paragraphs: list = field(default_factory=list)
    bullets: list = field(default_factory=list)
    quotes: list = field(default_factory=list)  # Quote fields, as dicts
    boilerplates: list = field(default_factory=list)  # {institution, text}
    tickers: list = field(default_factory=list)  # {exchange, symbol, institution}
    websites: list = field(default_factory=list)
    social: list = field(default_factory=list)
    contacts: list = field(default_factory=list)  # Contact fields, as dicts
    blocks: list = field(default_factory=list)  # ("paragraph" | "bullet", text)
    confidence: dict = field(default_factory=dict)  # part name → 0..1

    def as_json(self):
        """The dry run's structure (the keys ``import_release --dry-run`` prints)."""
        data = asdict(self)
        data["tickers"] = [{key: t[key] for key in ("exchange", "symbol")} for t in self.tickers]
        data["quotes"] = [
            {key: quote[key] for key in ("text", "speaker", "title", "institution")}
            for quote in self.quotes
        ]
        data["contacts"] = [
            {key: contact[key] for key in ("name", "institution", "phone_e164", "email")}
            for contact in self.contacts
        ]
        for internal in ("blocks", "confidence"):
            del data[internal]
        return data


def parse(text, language=None, known_institutions=()):
    """A ``Release`` from a document's text. ``known_institutions``: names the newsroom
    already holds, to recognise them in titles and contact blocks."""
    lines = clean(text)
    release = Release(language=language or guess_language(text))
    lead_bullets, rest = read_head(release, lines)
    release.confidence["dateline"] = 1.0 if release.dateline else 0.5 if release.date else 0.0
    release.confidence["headline"] = 1.0 if release.date and release.headline else 0.5
    if not release.dateline and rest:
        rest = caps_place(release, rest)
    body, sections = split_sections(rest)
    institutions = [name for kind, name, _l in sections if kind == "about"]
    institutions += list(known_institutions)
    organisations = " ".join(" ".join(lines) for kind, _n, lines in sections if kind == "about")
    order = regions(release.dateline, organisations, EMAIL.findall(text), release.language)
    contacts, quotes = [], []
    # Lines kept apart in ``lined``: a quotation may be signed by a name line and a title line.
    lined = [("bullet", item) for item in lead_bullets] + join_blocks(body, "\n")
    blocks = [(kind, text.replace("\n", " ")) for kind, text in lined]
    skip = 0
    for index, (kind, block) in enumerate(blocks):
        if skip:
            skip -= 1
            continue
        if kind == "paragraph" and (contact := prose_contact(block, order)):
            contacts.append(contact)
            continue
        # The paragraphs just before (a bounded slice: linear on hostile text).
        context = " ".join(text[-500:] for _kind, text in release.blocks[-4:])
        quote = kind == "paragraph" and parse_quote(
            block, institutions, quotes[-1] if quotes else None, context
        )
        if not quote and kind == "paragraph" and index + 1 < len(blocks):
            quote = signed_quote(block, lined[index + 1][1], institutions)
            skip = 1 if quote else 0
        who = kind == "paragraph" and index + 1 < len(blocks) and introduced_speaker(block)
        if who and not quote:
            words, skip = quotation(blocks, index + 1)
            quote = make_quote(words, who, institutions) if words else None
            skip = skip if quote else 0
        if quote:
            quotes.append(quote)
        else:
            release.blocks.append((kind, block))
    release.paragraphs = [text for kind, text in release.blocks if kind == "paragraph"]
    release.bullets = [text for kind, text in release.blocks if kind == "bullet"]
    release.confidence["quotes"] = min(
        (0.9 if quote.speaker and quote.title else 0.5 for quote in quotes), default=1.0
    )
    for kind, name, section in sections:
        if kind == "contacts":
            contacts += contacts_section(section, order, institutions)
        elif kind == "about":
            contacts += read_about(release, name, section, order, institutions)
        else:
            contacts += read_notes(section, order, institutions)
    # Addresses and networks also stand in notes and contact blocks ("Follow us on X"), and in
    # the body after "For more information visit".
    for kind, _name, section in sections:
        read_links(release, section[:MAX_LINES]) if kind != "about" else None
    intros = [g for _s, g in groups_of(body) if LINKS_INTRO.match(g[0])]
    read_links(release, [line for group in intros for line in [*group, ""]])
    find_tickers(release, body, institutions)
    issuers = [boilerplate["institution"] for boilerplate in release.boilerplates]
    for contact in contacts:
        if not contact.institution and len(issuers) == 1:
            contact.institution = issuers[0]
    release.quotes = [asdict(quote) for quote in quotes]
    release.contacts = [asdict(contact) for contact in contacts]
    complete = [bool(c.name and (c.email or c.phone_e164)) for c in contacts]
    release.confidence["contacts"] = sum(complete) / len(complete) if complete else 0.0
    return release


def clean(text):
    """Lines without surrounding or repeated spaces ("" for a blank line), labels blanked,
    and what stands above the first lines' last label ("Agence régionale de santé / Communiqué
    de presse"): a masthead, dates apart."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for space in ("\u00a0", "\u202f", "\t"):
        text = text.replace(space, " ")
    text = AT.sub("@", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    first = [n for n, line in enumerate(lines) if line][:6]
    labels = [n for n in first if LABELS.match(lines[n])]
    last_label = labels[-1] if labels and labels[-1] != first[-1] else -1
    return [
        "" if LABELS.match(line) or (n < last_label and not find_dates(line[:160])) else line
        for n, line in enumerate(lines)
    ]


def guess_language(text):
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    french = sum(word in FRENCH for word in words)
    return "fr" if french >= sum(word in ENGLISH for word in words) else "en"


def split_sections(lines):
    """(body lines, [(kind, name, lines)]): kind "about" (name: the institution), "contacts"
    or "notes" (what follows "Ends", "Notes to editors", "Forward-looking statements"…)."""
    body, sections, current = [], [], None
    for index, line in enumerate(lines):
        # A heading starts with a capital: "about cancer, visit …" is a wrapped line.
        heading = line[:1].isupper()
        about, contacts = heading and ABOUT.match(line), CONTACTS.match(line)
        # In notes to editors, "2. About the Crick: …" is a boilerplate numbered as a note.
        in_notes = current is not None and current[0] == "notes"
        noted = NOTE_NUMBER.sub("", line) if in_notes else line
        inline = noted[:1].isupper() and ABOUT_INLINE.match(noted)
        if inline and ARTICLES.sub("", inline["name"]).strip()[:1].isupper():
            current = ("about", ARTICLES.sub("", inline["name"]).strip(), [inline["rest"]])
            sections.append(current)
        elif about and len(line) < 100 and ARTICLES.sub("", about["name"]).strip():
            current = ("about", ARTICLES.sub("", about["name"]).strip(), [])
            sections.append(current)
        elif contacts and (
            len(line) < (60 if not contacts["rest"] else 40)
            or EMAIL.search(line)
            or (len(line) < 90 and OFFICE.search(contacts["rest"]))  # "…: Acme – Service presse"
        ):
            current = ("contacts", None, [contacts["rest"]] if contacts["rest"] else [])
            sections.append(current)
        elif END.match(line) or NOTES.match(line) or SOURCE_LINE.match(line):
            current = ("notes", None, [])
            sections.append(current)
        elif current and current[0] == "contacts" and prose_after(lines, index):
            # Contacts given above the lead (FDA): the body goes on after them.
            current = None if all(s[0] == "contacts" for s in sections) else ("notes", None, [])
            (current[2] if current else body).append(line)
            if current:
                sections.append(current)
        else:
            (current[2] if current else body).append(line)
    return body, sections


def prose_after(lines, index):
    """Whether ``lines[index]`` begins, after a blank line, a paragraph of prose without
    contact details."""
    if index == 0 or lines[index - 1] or not lines[index]:
        return False
    group = []
    for line in lines[index:]:
        if not line:
            break
        group.append(line)
    text = " ".join(group)
    return len(text) > 100 and not (EMAIL.search(text) or re.search(r"\d{2}[\s.-]?\d{2}", text))


def join_blocks(lines, sep=" "):
    """[(kind, text)]: paragraphs and bullet items, wrapped lines joined back with ``sep``."""
    blocks, blank = [], False  # [kind, [lines]]: joined once at the end
    for line in lines:
        if not line:
            blank = True
            continue
        # After a blank line, a capital ends a list item even without a full stop.
        item_ends = blank and blocks and blocks[-1][0] == "bullet" and not line[0].islower()
        # After a blank line, a quotation opens a paragraph, and short lines ("Quotes", a
        # name over a title) stand apart: a headline or a signature, not a wrapped sentence.
        item_ends = item_ends or (
            blank
            and blocks
            and (
                line[:1] in '«“"'
                or (len(blocks[-1][1]) <= 3 and all(len(part) <= 60 for part in blocks[-1][1]))
            )
            and not line[0].islower()
        )
        blank = False
        if bullet := BULLET.match(line):
            blocks.append(["bullet", [bullet["text"]]])
        elif (
            blocks
            and not item_ends
            and not (ends_sentence(blocks[-1][1][-1]) and not line[0].islower())
        ):
            blocks[-1][1].append(line)
        else:
            blocks.append(["paragraph", [line]])
    return [(kind, sep.join(parts)) for kind, parts in blocks]


def ends_sentence(text):
    return text.rstrip()[-1:] in '.!?:;»”"…)'


def contact_group(group, order):
    """Whether a group of lines is a contact block given without a heading: short lines, some
    with an email or a phone ("Roche Media Relations / Phone: … / e-mail: …")."""
    details = [bool(EMAIL.search(line) or phone_numbers(line, order)) for line in group]
    return any(details) and all(
        d or len(line) <= 60 for d, line in zip(details, group, strict=True)
    )


def read_about(release, name, lines, order, institutions):
    """An "About X" section: its boilerplate, and the websites and networks in it (lines of
    links or networks are not boilerplate text). Returns the contacts given in it, in prose
    or in a block of their own."""
    text_lines, contacts = [], []
    lines = list(lines)
    for start, group in groups_of(lines):
        if not prose_contact(" ".join(group), order) and contact_group(group, order):
            contacts += parse_contacts(group, order, institutions)
            lines[start : start + len(group)] = [""] * len(group)
    for line in lines:
        websites = [m.group(0).rstrip(".,;)") for m in WEBSITE.finditer(line)]
        networks = networks_in(line)
        release.websites += [site for site in websites if site not in release.websites]
        release.social += [net for net in networks if net not in release.social]
        if not (websites or len(networks) >= 2 or LINKS_INTRO.match(line)):
            text_lines.append(line)
        elif websites and not (len(networks) >= 2 or LINKS_INTRO.match(line)):
            # "… please visit the NCI website at www.cancer.gov.": the sentence before the
            # address stays.
            kept = WEBSITE.sub("", line).strip(" .,;:")
            text_lines.append(kept) if len(kept.split()) > 6 else None
    paragraphs = []
    for _kind, block in join_blocks(text_lines):
        if contact := prose_contact(block, order):
            contacts.append(contact)
            continue
        kept = " ".join(s for s in SENTENCE.split(block) if not TICKER.search(s))
        if kept:
            paragraphs.append(kept)
    release.boilerplates.append({"institution": name, "text": "\n\n".join(paragraphs)})
    release.boilerplates[-1]["lines"] = lines
    return contacts


def read_notes(lines, order, institutions):
    """Contacts found after the body ("Notes to editors", after "Ends"): in prose, or in
    groups of lines with a phone or an email. The rest (legal notices, sources) is left."""
    contacts = []
    for _start, group in groups_of(lines[:MAX_LINES]):
        text = " ".join(group)
        if contact := prose_contact(text, order):
            contacts.append(contact)
        elif EMAIL.search(text) or phone_numbers(text, order):
            contacts += parse_contacts(group, order, institutions)
    return contacts
