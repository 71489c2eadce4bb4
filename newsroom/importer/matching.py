"""What an import would link to, and what it would create: institutions, people, media contacts
and listings are matched accent- and case-insensitively; what is on record is never
overwritten (differences are listed); what the user may not add is not created (said so)."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from core.languages import LANGUAGE_CODES
from partners.models import Institution, MediaContact, Person, StockListing

from ..search.text import fold


@dataclass
class Match:
    label: str  # what the document says
    existing: object = None  # the row it is linked to
    allowed: bool = True  # whether a missing row will be created
    differences: list = field(default_factory=list)

    @property
    def action(self):
        if self.existing:
            return _("link to the existing one")
        return _("create") if self.allowed else _("leave out")


@dataclass
class Review:
    institutions: dict  # folded name → Match
    issuers: list  # folded names of the draft's issuers
    people: dict  # folded name → Match
    contacts: list  # Match per detected contact, in order
    listings: list  # (ticker dict, Match)
    fill_boilerplates: bool  # may empty boilerplates on record be filled


def may(user, permission):
    """The command runs as the site's operator; staff as their permissions say."""
    return user is None or user.has_perm(permission)


def names_of(institution):
    return {
        getattr(institution, f"{field}_{code}") or ""
        for field in ("name", "short_name")
        for code in LANGUAGE_CODES
    } - {""}


def known_institution_names():
    return sorted(set().union(*map(names_of, Institution.objects.all())))


def find_institution(name, institutions):
    key = fold(name)
    return next(
        (i for i in institutions if key in {fold(n) for n in names_of(i)}),
        None,
    )


def same_text(a, b):
    return " ".join(fold(strip_tags(a or "")).split()) == " ".join(
        fold(strip_tags(b or "")).split()
    )


def review(release, user=None):
    """The ``Review`` of a parsed ``Release`` against the database, for ``user`` (None: the
    command). Nothing is written."""
    language = release.language
    institutions = list(Institution.objects.all())
    add_institution = may(user, "partners.add_institution")
    matches = {}

    def institution(name):
        if name and fold(name) not in matches:
            found = find_institution(name, institutions)
            match = Match(name, found, allowed=add_institution)
            if not found and not add_institution:
                match.differences.append(_("You may not add institutions: left out."))
            matches[fold(name)] = match
        return matches.get(fold(name))

    fill = may(user, "partners.change_institution")
    for boilerplate in release.boilerplates:
        match = institution(boilerplate["institution"])
        current = match.existing and getattr(match.existing, f"boilerplate_{language}")
        if current and not same_text(current, boilerplate["text"]):
            match.differences.append(
                _("Its boilerplate differs from the one on record, which is kept.")
            )
        elif match.existing and not current and fill:
            match.differences.append(_("Its boilerplate, empty on record, will be filled."))
    for item in [*release.quotes, *release.contacts]:
        institution(item["institution"])
    issuers = issuers_for(release, matches, user)
    people = {}
    everyone = list(Person.objects.all())
    for quote in release.quotes:
        key = fold(quote["speaker"])
        if key and key not in people:
            person = next(
                (p for p in everyone if fold(f"{p.first_name} {p.last_name}") == key), None
            )
            people[key] = Match(quote["speaker"], person, allowed=may(user, "partners.add_person"))
            if not (person or people[key].allowed):
                people[key].differences.append(_("You may not add people: quote left out."))
    add_contact = may(user, "partners.add_mediacontact")
    contacts = [contact_match(contact, add_contact) for contact in release.contacts]
    add_listing = may(user, "partners.add_stocklisting")
    listings = []
    for ticker in release.tickers:
        found = StockListing.objects.filter(
            exchange__iexact=ticker["exchange"], ticker__iexact=ticker["symbol"]
        ).first()
        match = Match(f"{ticker['exchange']}: {ticker['symbol']}", found, allowed=add_listing)
        if found and fold(ticker["institution"]) not in {
            fold(n) for n in names_of(found.institution)
        }:
            match.differences.append(
                _("Listed on record for %(institution)s (kept).")
                % {"institution": found.institution.name}
            )
        listings.append((ticker, match))
    return Review(matches, issuers, people, contacts, listings, fill)


def issuers_for(release, matches, user):
    """The institutions of the "About" sections (else all those named), as issuers; editors
    issue in the name of their own institutions only (as in the release form)."""
    keys = [fold(b["institution"]) for b in release.boilerplates] or list(matches)
    keys = [
        key
        for key in dict.fromkeys(keys)
        if key in matches and (matches[key].existing or matches[key].allowed)
    ]
    if may(user, "newsroom.publish_pressrelease"):
        return keys
    own = set(user.institutions.values_list("pk", flat=True))
    for key in keys:
        existing = matches[key].existing
        if not (existing and existing.pk in own):
            matches[key].differences.append(
                _("Not an issuer: editors issue releases for their own institutions.")
            )
    return [key for key in keys if matches[key].existing and matches[key].existing.pk in own]


def contact_match(contact, allowed):
    existing = find_contact(contact)
    match = Match(contact["name"] or contact["email"] or contact["phone_e164"], existing)
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
    elif not (contact["name"] and (contact["email"] or contact["phone_e164"])):
        match.allowed = False
        match.differences.append(_("A name and a phone or email are needed: left out."))
    elif not allowed:
        match.allowed = False
        match.differences.append(_("You may not add media contacts: left out."))
    return match


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
