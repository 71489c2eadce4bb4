"""Which institutions, people, media contacts and partnerships the public may know of now.

A row is listed when staff list it (``listing = "public"``), or once a release naming it is
public (``published_at``, the one rule for releases): an import's new institution, speaker or
contact stays unknown until its release is out, and appears at that release's minute with no
job running, as the release does. Internal contacts (``is_public`` unticked) are never listed.
Every public surface asks these functions; ``partners`` cannot, as it knows nothing of
releases.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
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


def people_with_institution(now=None):
    """``listed_people`` with their institution, annotated ``institution_listed``: whether it
    may be named with them (a speaker's new institution waits until it is listed too)."""
    now = now or timezone.now()
    shown = ExpressionWrapper(issuer_listed(now, "institution"), output_field=BooleanField())
    return listed_people(now).select_related("institution").annotate(institution_listed=shown)


def spokespeople(now=None):
    """People quoted in a release anyone may read at ``now``, by name: an institution's
    spokespeople on its page (staff listing alone makes no one a spokesperson)."""
    return Person.objects.filter(quoted_in_public(now)).order_by("last_name", "first_name")


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


def institution_contacts(now=None):
    """Prefetch of an institution's listed media contacts as ``public_contacts``: on its page,
    and on a release's for an issuer the release names none of (``contacts_by_issuer``)."""
    return Prefetch(
        "media_contacts",
        queryset=listed_contacts(now).select_related("person", "institution"),
        to_attr="public_contacts",
    )


def release_contacts(contacts=None):
    """A release's own media contacts as its page shows them: never an internal one, in the
    order staff set; not ``listed_contacts``, as a preview shows them before the release is
    out. ``contacts``: one release's (``release.contacts``); by default all, for a prefetch."""
    contacts = MediaContact.objects.all() if contacts is None else contacts
    return contacts.filter(is_public=True).order_by("releasecontact__order", "releasecontact__pk")


def directory(contacts, now=None):
    """The contacts directory: by name, the institutions with one of ``contacts`` (those the
    viewer may see, ``contacts_for``) or a listed spokesperson, each with its ``contacts`` and
    ``spokespeople``: three queries whatever their number."""
    now = now or timezone.now()
    people = listed_people(now)
    return (
        Institution.objects.filter(
            Q(pk__in=contacts.values("institution"))
            # A listed spokesperson's institution only if it is itself known.
            | Q(pk__in=people.values("institution"))
            & Q(pk__in=listed_institutions(now).values("pk"))
        )
        .order_by("name")
        .prefetch_related(
            Prefetch("media_contacts", queryset=contacts, to_attr="contacts"),
            Prefetch("people", queryset=people, to_attr="spokespeople"),
        )
    )


def offered_partner_images(now=None):
    """Logos, headshots and site photos the public may download at ``now``: of a listed
    institution (and of a listed person, for a headshot), not past their expiry day."""
    now = now or timezone.now()
    return PartnerImage.objects.filter(
        issuer_listed(now, "institution"),
        Q(person__isnull=True) | Q(person__in=listed_people(now).values("pk")),
        Licensed.offered_filter(timezone.localdate(now)),
    )
