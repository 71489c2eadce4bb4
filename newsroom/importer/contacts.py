"""Media contacts: blocks of lines (a name, a role, an institution, phones and emails, on one
line or several), press-office blocks with several numbers ("Out of hours: …", "Standard : …"),
and contacts given in prose ("To schedule interviews, please contact Jane Doe, (301) 555-0100,
jane@example.org")."""

import re
from dataclasses import dataclass, field

from ..search.text import fold
from .phones import phone_numbers
from .quotes import DEGREE, HONORIFICS, NAME, institution_in

DASHES = " \t–—-,:|"
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
CONTACT_LABELS = re.compile(
    r"\b(?:e-?mail|mail|courriel|t[ée]l(?:[ée]phone)?|telephone|phone|tel|mobile|portable|m|t)"
    r"\s*\.?\s*:\s*",
    re.I,
)
# Lines that name a press office or a kind of contact rather than a person.
OFFICE = re.compile(
    r"\b(?:press|presse|media|m[ée]dias?|relations|office|team|[ée]quipe|service|cabinet|"
    r"investors?|investisseurs|communications?|enquiries|inquiries|newsroom|bureau)\b",
    re.I,
)
# "please contact the Wellcome press office on 020 …", "merci de contacter X au 01 …".
PROSE = re.compile(
    r"\b(?:please\s+)?(?:contact|contacter|contactez|joindre)\s+"
    r"(?!(?:presse|press|media|m[ée]dias?)?\s*:)(?P<who>.{2,120}?)"
    r"(?=\s*(?:,|\bon\b|\bat\b|\bby\b|\bvia\b|\bau\b|\bpar\b|\bin\s+the\b|\bdans\b|\(|\+|\d|$)"
    r"|\s*[\w.+-]+@)",
    re.I,
)
# Words that make a capitalised phrase an organisation's name, not a person's.
ORGANISATION = re.compile(
    r"\b(?:universit[ée]|university|institut|institute|h[ôo]pital|hospital|centre|center|group|"
    r"groupe|consulting|inc|ltd|plc|agence|agency|minist[èe]re|ministry|foundation|fondation|"
    r"laboratoire|laboratory|department|d[ée]partement|school|[ée]cole|college|clinic|clinique|"
    r"pharma|therapeutics|biosciences|partners|associates)\b",
    re.I,
)
MAX_LINES = 200
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")
LEADING_ARTICLE = re.compile(r"^(?:the|l[’']|le|la|les)\s*", re.I)


@dataclass
class Contact:
    name: str = ""
    institution: str = ""
    phone_e164: str = ""  # the first of ``phones``
    email: str = ""
    role: str = ""
    phones: list = field(default_factory=list)

    def add_phones(self, numbers):
        self.phones += [e164 for _written, e164 in numbers if e164 not in self.phones]
        self.phone_e164 = self.phones[0] if self.phones else ""


def person_name(part):
    """The person's name in a part of a contact line ("Dr. Sven Albrecht", "Joshua Drumm"),
    or ""."""
    part = part.strip(DASHES + ".")
    if match := HONORIFICS.match(part):
        part = part[match.end() :]
    return (
        part if NAME.match(part) and not (OFFICE.search(part) or ORGANISATION.search(part)) else ""
    )


def prose_contact(text, regions):
    """A ``Contact`` from a sentence inviting journalists to get in touch, else None."""
    if not (match := PROSE.search(text)):
        return None
    emails = EMAIL.findall(text)
    phones = phone_numbers(EMAIL.sub(" ", text), regions)
    if not (emails or phones):
        return None
    contact = Contact(name=LEADING_ARTICLE.sub("", match["who"].strip(DASHES)).strip())
    contact.email = emails[0].lower() if emails else ""
    contact.add_phones(phones)
    return contact


def parse_contacts(lines, regions, institutions):
    """[Contact] from a contacts block: an institution line, then each person's name with
    their phones and email, on one line or several, or all on one line."""
    contacts, institution, current, named_only = [], "", None, False
    # A real contacts block is short; the cap keeps hostile documents fast (phones are read
    # in up to eight regions).
    for line in [line for line in lines if line][:MAX_LINES]:
        after_name, named_only = named_only, False
        emails = EMAIL.findall(line)
        phones = phone_numbers(EMAIL.sub(" ", line), regions)
        plain = CONTACT_LABELS.sub(" ", EMAIL.sub(" ", line))
        for written, _e164 in phones:
            plain = plain.replace(written, " ")
        plain = re.sub(r"\([^)]*\)", " ", plain)  # "(London)", "(Monday to Friday)"
        parts = [part.strip(DASHES + ".") for part in re.split(r"[,|:–—/]|\s-\s", plain)]
        parts = [part for part in parts if part and not DEGREE.match(part)]
        named = institution_in(line, institutions)
        names = [
            person_name(part) for part in parts if fold(person_name(part)) not in ("", fold(named))
        ]
        honoured = [person_name(p) for p in parts if HONORIFICS.match(p) and person_name(p)]
        # "Agence Relais – Marc Petit", "Institut Curie: Sophie Martin": the person comes after
        # their organisation; "Lee Roth, Burns McClellan": before it, a comma between them.
        between = (
            line[line.find(names[0]) + len(names[0]) : line.find(names[1])]
            if len(names) > 1
            else ""
        )
        comma_first = "," in between and not re.search(r"[–—|:]", between)
        person = (honoured or names or [""])[0 if comma_first else -1]
        if len(names) > 1 and not named:
            named = next(n for n in names if n != person)
        if not named:  # "Agence Relais – Marc Petit"
            named = next((p for p in parts if ORGANISATION.search(p) and NAME.match(p)), "")
        office = next((p for p in parts if OFFICE.search(p) and len(p) < 80), "")
        office = office if not named or fold(office) != fold(named) else ""
        if not (emails or phones):
            if current and not (current.email or current.phones):
                if person and current.role == "office":  # "Media Relations", then the person
                    current.name, current.role = person, ""
                    continue
                if person and after_name and person_name(parts[0]) == person:
                    current.institution, current.name = current.name, person
                    continue
                # The line under a name: a role, and perhaps the institution.
                current.institution = current.institution or named or institution
                current.role = current.role or ", ".join(p for p in parts if p != named)
            elif person:
                current = Contact(name=person, institution=named or institution)
                contacts.append(current)
                named_only = not honoured  # "Professor Anna Svensson" is no organisation
            elif office and len(line) < 80:
                current = Contact(name=line.strip(DASHES), role="office", institution=named)
                contacts.append(current)
            elif named or line.endswith(":"):
                institution = named or line.rstrip(" :")
            continue
        starts_new = (
            person or current is None or (current.email and emails) or (office and current.email)
        )
        if starts_new:
            current = Contact(name=person or office, institution=named or institution)
            contacts.append(current)
        elif current.role == "office" and person:
            current.name = person
        current.role = "" if current.role == "office" else current.role
        current.institution = current.institution or named
        current.email = current.email or (emails[0].lower() if emails else "")
        current.add_phones(phones)
    return [c for c in contacts if c.email or c.phones]


def contacts_section(lines, regions, institutions):
    """[Contact] under a contacts heading. When it is prose with a later sentence inviting
    contact ("… presse@x.fr. For filming, contact Jane Doe on 06 …"), each sentence is read
    on its own: the numbers after the second name are not the first contact's."""
    text = " ".join(line for line in lines[:MAX_LINES] if line)
    sentences = SENTENCE_END.split(text) if len(text) < 2000 else []  # prose contacts are short
    if len(sentences) < 2 or not any(PROSE.search(s) for s in sentences[1:]):
        return parse_contacts(lines, regions, institutions)
    contacts = []
    for sentence in sentences:
        found = prose_contact(sentence, regions)
        contacts += [found] if found else parse_contacts([sentence], regions, institutions)
    return contacts
