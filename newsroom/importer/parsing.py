"""The parts of a press release found in its text, in French or English.

Documents arrive wrapped by PDF export (a line break, sometimes a blank line, in mid-sentence),
so lines are joined back into blocks first: a block ends where a sentence ends and the next
line starts a new one, at a bullet, or at a heading. Then the parts are told by their form: the
dateline (place and date), quotes (« … », “ … ”, "…") with the sentence that names the speaker,
"À propos de X" / "About X" sections, and the contacts block.
"""

import re
from dataclasses import asdict, dataclass, field
from datetime import date

import phonenumbers

from ..search.text import fold

MONTHS = {
    "fr": {
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    },
    "en": {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
}  # fmt: skip
FR_MONTH = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre"
)
EN_MONTH = "|".join(MONTHS["en"])
DATES = [
    ("fr", rf"(?:le\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{FR_MONTH})\s+(?P<year>\d{{4}})"),
    ("en", rf"(?P<month>{EN_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
    ("en", rf"(?P<day>\d{{1,2}})\s+(?P<month>{EN_MONTH})\s+(?P<year>\d{{4}})"),
]
DATES = [(language, re.compile(pattern, re.IGNORECASE)) for language, pattern in DATES]
DASHES = " \t–—-,:|"
LABELS = re.compile(
    r"^(communiqu[ée] de presse|information presse|press release|news release)$", re.I
)
BULLET = re.compile(r"^[-•–—*·▪◦]\s+(?P<text>.+)$")
ABOUT = re.compile(
    r"^(?:[àa]\s+propos\s+(?:de\s+|d[’']\s*|du\s+|des\s+)|about\s+)(?P<name>.+?)\s*:?$", re.I
)
CONTACTS = re.compile(
    r"^(?:contacts?(?:\s+(?:presse|m[ée]dias?|media|press))?|(?:media|press)\s+contacts?"
    r"|relations?\s+(?:presse|m[ée]dias?))\s*:?\s*(?P<rest>.*)$",
    re.I,
)
ARTICLES = re.compile(r"^(?:l[’']\s*|la\s+|le\s+|les\s+|the\s+)", re.I)
HONORIFICS = re.compile(
    r"^(?P<honorific>Pr\.?|Professeur|Professeure|Prof\.?|Professor|Dr\.?|Docteur|Docteure|"
    r"M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame)\s+",
)
VERBS = (
    r"d[ée]clare|a\s+d[ée]clar[ée]|explique|souligne|ajoute|pr[ée]cise|commente|indique|conclut|"
    r"affirme|estime|said|says|added|adds|explained|explains|commented|noted|stated"
)
# «…», déclare le Pr X, Titre.  /  …,” said Jane Doe, Title.  (closing mark optional: the seed)
SPEAKER_AFTER = re.compile(rf"[»”\"]?\s*,?\s*(?:{VERBS})\s+(?P<who>[^«“\"]+?)\s*$", re.I)
# …,” Jane Doe, Title, said.
SPEAKER_BEFORE_VERB = re.compile(rf"[»”\"]\s*,?\s*(?P<who>[^«“\"]+?),?\s+(?:{VERBS})\.?$", re.I)
# Jane Doe, Title, said: “…”
SPEAKER_FIRST = re.compile(
    rf"^(?P<who>[^«“\"]{{1,200}}?),?\s+(?:{VERBS})\s*:\s*[«“\"]\s*(?P<quote>.+?)\s*[»”\"]?\s*\.?$",
    re.I,
)
CLOSING = {"«": "»", "“": "”", '"': '"'}
MAX_QUOTE, ATTRIBUTION = 3000, 300  # characters
TICKER = re.compile(
    r"\b(?P<exchange>EURONEXT(?:\s+PARIS)?|NASDAQ|NYSE|EPA|LSE|SIX|XETRA)\s*:\s*"
    r"(?P<symbol>[A-Z]{1,6})\b"
)
WEBSITE = re.compile(r"\b(?:https?://\S+|www\.[\w-]+(?:\.[\w-]+)+(?:/\S*)?)", re.I)
LINKS_INTRO = re.compile(
    r"^(?:pour en savoir plus|plus d[’']informations|suivez|retrouvez|for more information"
    r"|to learn more|learn more|follow)\b",
    re.I,
)
NETWORKS = ("Twitter", "Facebook", "LinkedIn", "Instagram", "YouTube", "Bluesky", "Mastodon")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“\"])")
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
CONTACT_LABELS = re.compile(
    r"\b(?:e-?mail|mail|courriel|t[ée]l(?:[ée]phone)?|phone|tel|mobile|portable|m)\s*\.?\s*:\s*",
    re.I,
)
NAME = re.compile(r"^[A-ZÀ-Ý][\w’'-]+(?:\s+(?:de\s+|van\s+|von\s+)?[A-ZÀ-Ý][\w’'-]+){1,3}$")
FRENCH = {"le", "la", "les", "des", "et", "est", "une", "pour", "dans", "avec", "sur", "du"}
ENGLISH = {"the", "and", "of", "to", "is", "with", "for", "in", "on", "its", "their", "will"}


@dataclass
class Quote:
    text: str
    speaker: str
    title: str
    institution: str
    honorific: str = ""


@dataclass
class Contact:
    name: str = ""
    institution: str = ""
    phone_e164: str = ""
    email: str = ""
    role: str = ""


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
    head, dated, body_start = find_dateline(lines)
    if dated:
        release.dateline, release.date, first_words = dated
        release.confidence["dateline"] = 1.0 if release.dateline else 0.5
    groups = []
    for group in split_groups(head):
        if groups and group[0][0].islower():  # a headline wrapped across a blank line
            groups[-1] += " " + " ".join(group)
        else:
            groups.append(" ".join(group))
    release.headline = groups[0] if groups else ""
    release.subtitle = " ".join(groups[1:])
    release.confidence["headline"] = 1.0 if dated and len(groups) <= 2 else 0.5
    rest = ([first_words] if dated and first_words else []) + lines[body_start:]
    body, sections = split_sections(rest)
    institutions = [name for name, _lines in sections if name] + list(known_institutions)
    quotes = []
    for kind, block in join_blocks(body):
        quote = parse_quote(block, institutions) if kind == "paragraph" else None
        if quote:
            quotes.append(quote)
        else:
            release.blocks.append((kind, block))
    release.paragraphs = [text for kind, text in release.blocks if kind == "paragraph"]
    release.bullets = [text for kind, text in release.blocks if kind == "bullet"]
    release.confidence["quotes"] = min(
        (0.9 if quote.speaker and quote.title else 0.5 for quote in quotes), default=1.0
    )
    contacts = []
    for name, section in sections:
        if name is None:
            contacts += parse_contacts(section, release.language, institutions)
        else:
            read_about(release, name, section)
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
    """Lines without surrounding or repeated spaces ("" for a blank line), labels dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for space in ("\u00a0", "\u202f", "\t"):
        text = text.replace(space, " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return [line for line in lines if not LABELS.match(line)]


def guess_language(text):
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    french = sum(word in FRENCH for word in words)
    return "fr" if french >= sum(word in ENGLISH for word in words) else "en"


def find_dateline(lines):
    """(lines before it, (place, ISO date, the words after it) or None, index after it)."""
    seen = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > 12:
            break
        for language, pattern in DATES:
            match = pattern.search(line)
            if match and match.start() < 100:
                place = line[: match.start()].strip(DASHES)
                after = line[match.end() :]
                # "PARIS, January 19, 2023 –": a dash (or the line's end) follows the date;
                # "Rendez-vous le 5 mars 2024 à Paris" is a headline.
                if len(place) > 80 or (after.strip() and after.lstrip()[:1] not in "–—-:,"):
                    continue
                month = MONTHS[language][fold(match["month"])]
                try:
                    day = date(int(match["year"]), month, int(match["day"])).isoformat()
                except ValueError:  # "31 février": not a date, so not a dateline
                    continue
                return lines[:index], (place, day, after.strip(DASHES)), index + 1
    # No dateline: the first block is the headline, the rest the body.
    groups = split_groups(lines)
    if not groups:
        return [], None, 0
    end = lines.index(groups[0][-1]) + 1
    return lines[:end], None, end


def split_groups(lines):
    """Runs of non-blank lines."""
    groups, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    return groups + ([current] if current else [])


def split_sections(lines):
    """(body lines, [(institution name, lines) for each "About" section, (None, lines) for
    the contacts])."""
    body, sections, current = [], [], None
    for line in lines:
        about, contacts = ABOUT.match(line), CONTACTS.match(line)
        if about and len(line) < 100 and ARTICLES.sub("", about["name"]).strip():
            current = (ARTICLES.sub("", about["name"]).strip(), [])
            sections.append(current)
        elif contacts and (len(line) < 40 or EMAIL.search(line)):
            current = (None, [contacts["rest"]] if contacts["rest"] else [])
            sections.append(current)
        else:
            (current[1] if current else body).append(line)
    return body, sections


def ends_sentence(text):
    return text.rstrip()[-1:] in '.!?:;»”"…)'


def join_blocks(lines):
    """[(kind, text)]: paragraphs and bullet items, wrapped lines joined back."""
    blocks = []  # [kind, [lines]]: joined once at the end
    for line in lines:
        if not line:
            continue
        if bullet := BULLET.match(line):
            blocks.append(["bullet", [bullet["text"]]])
        elif blocks and not (ends_sentence(blocks[-1][1][-1]) and not line[0].islower()):
            blocks[-1][1].append(line)
        else:
            blocks.append(["paragraph", [line]])
    return [(kind, " ".join(parts)) for kind, parts in blocks]


def parse_quote(text, institutions):
    """A ``Quote`` when the paragraph is one (a quotation and who said it), else None.

    The speaker is looked for in the paragraph's last ``ATTRIBUTION`` characters, and overlong
    paragraphs are not quotes: the patterns stay linear on hostile text."""
    if len(text) > MAX_QUOTE:
        return None
    tail = max(0, len(text) - ATTRIBUTION)
    if match := SPEAKER_FIRST.match(text):
        words, who = match["quote"], match["who"]
    elif text[:1] in CLOSING:
        match = SPEAKER_BEFORE_VERB.search(text, tail) or SPEAKER_AFTER.search(text, tail)
        if not match:
            return None
        words, who = text[1 : match.start()], match["who"]
    else:
        return None
    words = words.strip().rstrip(",").strip().rstrip('»”"').strip().rstrip(",").strip()
    honorific, name, title = split_speaker(who)
    if not (words and NAME.match(name)):
        return None  # «Ensemble» est le nom…: a quoted word in a sentence, not a quote
    return Quote(
        text=words,
        speaker=name,
        title=title,
        institution=institution_in(title, institutions),
        honorific=honorific,
    )


def split_speaker(who):
    """("Pr", "Fabrice Barlesi", "Directeur Général de Gustave Roussy") from "le Pr Fabrice
    Barlesi, Directeur Général de Gustave Roussy."."""
    who = who.strip().rstrip(".").strip()
    name, _comma, title = who.partition(",")
    name = ARTICLES.sub("", name.strip())
    honorific = ""
    if match := HONORIFICS.match(name):
        honorific, name = match["honorific"], name[match.end() :]
    return honorific, name.strip(), title.strip().rstrip(",").strip()


def institution_in(text, institutions):
    """The known institution named in ``text`` (the longest name found), or ""."""
    folded = fold(text)
    found = [name for name in institutions if name and fold(name) in folded]
    return max(found, key=len) if found else ""


def read_about(release, name, lines):
    """An "About X" section: its boilerplate, and the tickers, websites and networks in it.
    Lines of links or networks, and sentences giving a listing, are not boilerplate text."""
    text_lines = []
    for line in lines:
        websites = [m.group(0).rstrip(".,;)") for m in WEBSITE.finditer(line)]
        networks = [network for network in NETWORKS if re.search(rf"\b{network}\b", line, re.I)]
        release.websites += [site for site in websites if site not in release.websites]
        release.social += [net for net in networks if net not in release.social]
        if not (websites or len(networks) >= 2 or LINKS_INTRO.match(line)):
            text_lines.append(line)
    paragraphs = []
    for _kind, block in join_blocks(text_lines):
        sentences = SENTENCE.split(block)
        release.tickers += [
            {"exchange": m["exchange"], "symbol": m["symbol"], "institution": name}
            for sentence in sentences
            for m in TICKER.finditer(sentence)
        ]
        kept = " ".join(sentence for sentence in sentences if not TICKER.search(sentence))
        if kept:
            paragraphs.append(kept)
    release.boilerplates.append({"institution": name, "text": "\n\n".join(paragraphs)})


def parse_contacts(lines, language, institutions):
    """[Contact] from a contacts block: an institution line, then each person's name with
    their phone and email, on one line or several, or all on one line."""
    contacts, institution, current = [], "", None
    for line in filter(None, lines):
        emails = EMAIL.findall(line)
        phones = phone_numbers(EMAIL.sub(" ", line), language)
        plain = CONTACT_LABELS.sub(" ", EMAIL.sub(" ", line))
        for written, _e164 in phones:
            plain = plain.replace(written, " ")
        parts = [part.strip(DASHES + ".") for part in re.split(r"[,|:–—]|\s-\s", plain)]
        parts = [part for part in parts if part]
        named = institution_in(line, institutions)
        names = [part for part in parts if NAME.match(part) and fold(part) != fold(named)]
        # "Agence Relais – Marc Petit": the person comes last, after their organisation.
        person = names[-1] if names else ""
        if len(names) > 1 and not named:
            named = names[0]
        if not (emails or phones):
            if current and not (current.email or current.phone_e164):
                # The line under a name: a role, and perhaps the institution.
                current.institution = current.institution or named or institution
                current.role = current.role or ", ".join(p for p in parts if p != named)
            elif person:
                current = Contact(name=person, institution=named or institution)
                contacts.append(current)
            elif named or line.endswith(":"):
                institution = named or line.rstrip(" :")
            continue
        starts_new = person or current is None or (current.email and emails)
        if starts_new or (current.phone_e164 and phones and not emails):
            current = Contact(name=person, institution=named or institution)
            contacts.append(current)
        current.institution = current.institution or named
        current.email = current.email or (emails[0].lower() if emails else "")
        current.phone_e164 = current.phone_e164 or (phones[0][1] if phones else "")
    return contacts


def phone_numbers(text, language):
    """[(as written, E.164)] of the phone numbers in ``text``."""
    for region in ("FR", "US") if language == "fr" else ("US", "FR"):
        found = [
            (
                match.raw_string,
                phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164),
            )
            for match in phonenumbers.PhoneNumberMatcher(text, region)
        ]
        if found:
            return found
    return []
