"""Which institutions, people, media contacts and partnerships the public may know of now.

A row is listed when staff list it (``listing = "public"``), or once a release naming it is
public (``published_at``, the one rule for releases): an import's new institution, speaker or
contact stays unknown until its release is out, and appears at that release's minute with no
job running, as the release does. Internal contacts (``is_public`` unticked) are never listed.
Every public surface asks these functions; ``partners`` cannot, as it knows nothing of
releases.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.rights import Licensed
from partners.models import Institution, Listing, MediaContact, PartnerImage, Partnership, Person

from .models import PressRelease, Quote, ReleaseContact, ReleaseIssuer, published_at


def issuer_listed(now, field="pk"):
    """Condition: the institution at ``field`` ("pk", or "institution" from a contact) is
    listed at ``now``."""
    prefix = "" if field == "pk" else f"{field}__"
    issued = ReleaseIssuer.objects.filter(
        published_at(now, "release__"), institution=OuterRef(field)
    )
    return Q(**{f"{prefix}listing": Listing.PUBLIC}) | Exists(issued)


def contact_listed(now):
    """Condition on a media contact: public (not internal), and named by a public release or
    listed by staff, with its institution listed (its name shows with the contact)."""
    named = ReleaseContact.objects.filter(published_at(now, "release__"), contact=OuterRef("pk"))
    chosen = Q(listing=Listing.PUBLIC) & issuer_listed(now, "institution")
    return Q(is_public=True) & (Exists(named) | chosen)


def quoted_in_public(now=None):
    """Condition on a person: quoted in a release anyone may read at ``now``."""
    quotes = Quote.objects.filter(
        published_at(now or timezone.now(), "release__"), person=OuterRef("pk")
    )
    return Exists(quotes)


def listed_institutions(now=None):
    return Institution.objects.filter(issuer_listed(now or timezone.now()))


def listed_contacts(now=None):
    return MediaContact.objects.filter(contact_listed(now or timezone.now()))


def listed_people(now=None):
    """People listed by staff, quoted in a public release, or a listed media contact. Someone
    quoted only in a draft (a future appointment, say) stays unknown."""
    now = now or timezone.now()
    contact = Exists(MediaContact.objects.filter(contact_listed(now), person=OuterRef("pk")))
    return Person.objects.filter(Q(listing=Listing.PUBLIC) | quoted_in_public(now) | contact)


def listed_partnerships(now=None):
    """Partnerships listed by staff, or a project of which a public release is about."""
    links = PressRelease.research_projects.through.objects.filter(
        published_at(now or timezone.now(), "pressrelease__"),
        researchproject__partnership=OuterRef("pk"),
    )
    return Partnership.objects.filter(Q(listing=Listing.PUBLIC) | Exists(links))


def contacts_for(user):
    """The media contacts this viewer may see: every one for staff (internal ones and those
    not yet listed), listed ones for everyone else."""
    contacts = MediaContact.objects.all() if user.is_staff else listed_contacts()
    return contacts.select_related("person", "institution")


def offered_partner_images(now=None):
    """Logos, headshots and site photos the public may download at ``now``: of a listed
    institution (and of a listed person, for a headshot), not past their expiry day."""
    now = now or timezone.now()
    return PartnerImage.objects.filter(
        issuer_listed(now, "institution"),
        Q(person__isnull=True) | Q(person__in=listed_people(now).values("pk")),
        Licensed.offered_filter(timezone.localdate(now)),
    )
