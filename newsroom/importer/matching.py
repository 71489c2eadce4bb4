"""What an import would link to, and what it would create: institutions, people and media
contacts are matched accent- and case-insensitively; existing boilerplates and contacts are
never overwritten, their differences are listed for staff to see."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from partners.models import Institution, MediaContact, Person

from ..search.text import fold


@dataclass
class Match:
    label: str  # what the document says
    existing: object = None  # the row it is linked to, or None: created
    differences: list = field(default_factory=list)

    @property
    def action(self):
        return _("link to the existing one") if self.existing else _("create")


@dataclass
class Review:
    institutions: dict  # folded name → Match
    people: dict  # folded name → Match
    contacts: list  # Match per detected contact, in order


def same_text(a, b):
    return " ".join(fold(strip_tags(a or "")).split()) == " ".join(
        fold(strip_tags(b or "")).split()
    )


def known_institution_names():
    names = set()
    for institution in Institution.objects.all():
        names.update(
            getattr(institution, f"{field}_{code}") or ""
            for field in ("name", "short_name")
            for code in ("fr", "en")
        )
    return sorted(name for name in names if name)


def find_institution(name, institutions):
    key = fold(name)
    for institution in institutions:
        names = {
            fold(getattr(institution, f"{field}_{code}") or "")
            for field in ("name", "short_name")
            for code in ("fr", "en")
        }
        if key in names:
            return institution
    return None


def review(release):
    """The ``Review`` of a parsed ``Release`` against the database (nothing is written)."""
    language = release.language
    institutions = list(Institution.objects.all())
    matches = {}

    def institution(name):
        if name and fold(name) not in matches:
            matches[fold(name)] = Match(name, find_institution(name, institutions))
        return matches.get(fold(name))

    for boilerplate in release.boilerplates:
        match = institution(boilerplate["institution"])
        current = match.existing and getattr(match.existing, f"boilerplate_{language}")
        if current and not same_text(current, boilerplate["text"]):
            match.differences.append(
                _("Its boilerplate differs from the one on record, which is kept.")
            )
        elif match.existing and not current:
            match.differences.append(_("Its boilerplate, empty on record, will be filled."))
    for item in [*release.quotes, *release.contacts]:
        institution(item["institution"])
    people = {}
    everyone = list(Person.objects.all())
    for quote in release.quotes:
        key = fold(quote["speaker"])
        if key and key not in people:
            person = next(
                (p for p in everyone if fold(f"{p.first_name} {p.last_name}") == key), None
            )
            people[key] = Match(quote["speaker"], person)
    contacts = []
    for contact in release.contacts:
        existing = find_contact(contact)
        match = Match(contact["name"] or contact["email"], existing)
        if existing:
            recorded = existing.phone.as_e164 if existing.phone else ""
            if contact["phone_e164"] and recorded != contact["phone_e164"]:
                match.differences.append(
                    _("Phone on record: %(phone)s (kept).")
                    % {"phone": existing.phone.as_international if existing.phone else "—"}
                )
            if contact["email"] and existing.email.lower() != contact["email"]:
                match.differences.append(
                    _("Email on record: %(email)s (kept).") % {"email": existing.email or "—"}
                )
        contacts.append(match)
    return Review(institutions=matches, people=people, contacts=contacts)


def find_contact(contact):
    if contact["email"]:
        found = MediaContact.objects.filter(email__iexact=contact["email"]).first()
        if found:
            return found
    key = fold(contact["name"])
    if not key:
        return None
    for candidate in MediaContact.objects.select_related("person"):
        if fold(candidate.display_name) == key:
            return candidate
    return None
