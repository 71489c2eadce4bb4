"""Issuers frozen on publication: a published release keeps each institution's boilerplate, key
facts, listings, links and contacts as they stood that day, whatever is edited later."""

from html import unescape

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from phonenumber_field.phonenumber import PhoneNumber

from core.languages import LANGUAGE_CODES


def translated(obj, field):
    return {code: getattr(obj, f"{field}_{code}", None) or "" for code in LANGUAGE_CODES}


def snapshot_contact(contact):
    return {
        "pk": contact.pk,
        "name": contact.display_name,
        "person_slug": contact.person.slug if contact.person else None,
        "role": translated(contact, "role"),
        "phone": contact.phone.as_e164 if contact.phone else "",
        "email": contact.email,
        "languages": list(contact.languages),
        "is_public": contact.is_public,
    }


def snapshot_institution(institution, contacts):
    return {
        "frozen_at": timezone.now().isoformat(),
        "boilerplate": translated(institution, "boilerplate"),
        "key_facts": [translated(fact, "text") for fact in institution.key_facts.all()],
        "website": institution.website,
        "listings": [[item.exchange, item.ticker] for item in institution.stock_listings.all()],
        "social": [
            [item.get_network_display(), item.url] for item in institution.social_profiles.all()
        ],
        "contacts": [snapshot_contact(contact) for contact in contacts],
    }


def in_language(values):
    """The reader's language, else the first language that has a value."""
    language = translation.get_language()
    return values.get(language) or next((value for value in values.values() if value), "")


class Items(list):
    """A list that templates can read like a related manager (``.all``)."""

    def all(self):
        return self


class Listing:
    def __init__(self, exchange, ticker):
        self.exchange, self.ticker = exchange, ticker


class Profile:
    def __init__(self, label, url):
        self.label, self.url = label, url

    def get_network_display(self):
        return self.label


class FrozenPerson:
    """Enough of a person for a contact card: the link to the spokesperson's page."""

    def __init__(self, slug):
        self.slug = slug

    def get_absolute_url(self):
        return reverse("newsroom:person_detail", kwargs={"slug": self.slug})


class FrozenContact:
    def __init__(self, data, institution, live=None):
        self.pk = data["pk"]
        # The live contact, for its out-of-office note: about who answers now, not then.
        self.live = live
        self.display_name = data["name"]
        self.person_slug = data["person_slug"]
        self.person = FrozenPerson(self.person_slug) if self.person_slug else None
        # Only public contacts are frozen; snapshots made before the flag was kept hold no key.
        self.is_public = data.get("is_public", True)
        self.role = in_language(data["role"])
        self.phone = PhoneNumber.from_string(data["phone"]) if data["phone"] else None
        self.email = data["email"]
        self.languages = data["languages"]
        self.institution = institution

    @property
    def language_names(self):
        return [translation.get_language_info(code)["name_translated"] for code in self.languages]

    @property
    def is_away(self):
        return bool(self.live and self.live.is_away)

    @property
    def away_until(self):
        return self.live and self.live.away_until

    @property
    def away_note(self):
        return self.live.away_note if self.live else ""


class FrozenInstitution:
    """The live institution (name, logo, page) with the frozen parts of its snapshot."""

    def __init__(self, institution, snapshot):
        self._institution = institution
        self.frozen_boilerplate = snapshot["boilerplate"]
        for code, text in snapshot["boilerplate"].items():
            setattr(self, f"boilerplate_{code}", text)
        self.key_facts = Items(in_language(fact) for fact in snapshot["key_facts"])
        self.website = snapshot["website"]
        self.stock_listings = Items(Listing(*item) for item in snapshot["listings"])
        self.social_profiles = Items(Profile(*item) for item in snapshot["social"])
        # Its listed contacts as they are now (``detail_prefetches``), for their absences.
        live = {contact.pk: contact for contact in getattr(institution, "public_contacts", [])}
        self.public_contacts = [
            contact
            for contact in (
                FrozenContact(data, self, live.get(data["pk"])) for data in snapshot["contacts"]
            )
            if contact.is_public
        ]

    def __getattr__(self, name):
        return getattr(self._institution, name)

    @property
    def boilerplate(self):
        return in_language(self.frozen_boilerplate)

    @property
    def boilerplate_text(self):
        return unescape(strip_tags(self.boilerplate or "")).strip()

    @property
    def website_label(self):
        return self.website.split("://", 1)[-1].rstrip("/")
