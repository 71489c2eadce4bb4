"""The draft an import creates once staff confirm, with what it links to or creates."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partners.models import Institution, MediaContact, Person, StockListing

from .. import page_cache
from ..models import PressRelease, Quote, ReleaseContact, ReleaseIssuer
from ..search import index
from ..search.text import fold
from .matching import review as review_of

KINDS = [
    ("research_cluster", ("cluster", "biocluster")),
    ("cancer_centre", ("institut", "institute", "hopital", "hospital", "centre", "center")),
    ("public_body", ("ministere", "ministry", "agence", "agency", "inserm", "cnrs")),
]


def as_html(text):
    """Paragraphs separated by blank lines, as <p> elements (escaped)."""
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n") if part.strip())


def body_html(blocks):
    html, bullets = [], []
    for kind, text in [*blocks, ("end", "")]:
        if kind == "bullet":
            bullets.append(f"<li>{escape(text)}</li>")
            continue
        if bullets:
            html.append("<ul>\n" + "\n".join(bullets) + "\n</ul>")
            bullets = []
        if kind == "paragraph":
            html.append(f"<p>{escape(text)}</p>")
    return "\n".join(html)


def unique_slug(model, value):
    base = slugify(value)[:70].strip("-") or "item"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def guess_kind(name):
    words = fold(name).split()
    return next((kind for kind, hints in KINDS if any(w in hints for w in words)), "company")


def create_draft(release, user=None):
    """A draft ``PressRelease`` in the document's language from a parsed ``Release``, as its
    ``review`` says: links what exists, creates what is missing and ``user`` may add, never
    overwrites what is on record. Raises ``PermissionDenied`` (and writes nothing) when
    ``user`` could not edit the draft."""
    language = release.language
    with transaction.atomic(), index.deferred(), page_cache.deferred():
        review = review_of(release, user)
        institutions = {}
        for key, match in review.institutions.items():
            if match.existing:
                institutions[key] = match.existing
            elif match.allowed:
                institutions[key] = Institution.objects.create(
                    kind=guess_kind(match.label),
                    slug=unique_slug(Institution, match.label),
                    **{f"name_{language}": match.label[:200]},
                )
        for boilerplate in release.boilerplates:
            key = fold(boilerplate["institution"])
            institution = institutions.get(key)
            # Filled only where empty: in a new institution, or if the user may change it.
            fillable = review.fill_boilerplates or not review.institutions[key].existing
            if institution and fillable and not getattr(institution, f"boilerplate_{language}"):
                setattr(institution, f"boilerplate_{language}", as_html(boilerplate["text"]))
                institution.save()
        for ticker, match in review.listings:
            institution = institutions.get(fold(ticker["institution"]))
            if not match.existing and match.allowed and institution:
                StockListing.objects.create(
                    institution=institution, exchange=ticker["exchange"], ticker=ticker["symbol"]
                )
        draft = PressRelease.objects.create(
            status=PressRelease.Status.DRAFT,
            original_language=language,
            created_by=user,
            updated_by=user,
            **({"release_date": release.date} if release.date else {}),
            **{
                f"title_{language}": release.headline[:300],
                f"subtitle_{language}": release.subtitle[:300],
                f"dateline_{language}": release.dateline[:120],
                f"body_{language}": body_html(release.blocks),
            },
        )
        for order, key in enumerate(review.issuers):
            ReleaseIssuer.objects.create(release=draft, institution=institutions[key], order=order)
        for order, quote in enumerate(release.quotes):
            match = review.people.get(fold(quote["speaker"]))
            if match and not match.existing and match.allowed:
                match.existing = create_person(
                    quote, language, institutions.get(fold(quote["institution"]))
                )
            if match and match.existing:
                person = match.existing
                title = quote["title"][:200]
                shown = title if title != getattr(person, f"job_title_{language}") else ""
                Quote.objects.create(
                    release=draft,
                    person=person,
                    order=order,
                    **{f"text_{language}": quote["text"], f"speaker_title_{language}": shown},
                )
        issuer = institutions[review.issuers[0]] if review.issuers else None
        for order, (contact, match) in enumerate(
            zip(release.contacts, review.contacts, strict=True)
        ):
            media = match.existing
            institution = institutions.get(fold(contact["institution"])) or issuer
            if media is None and match.allowed and institution is not None:
                # A contact may give several numbers ("Out of hours: …"): the record holds
                # one, the first given; the others stay in the document.
                media = MediaContact.objects.create(
                    name=contact["name"][:160],
                    institution=institution,
                    role=contact.get("role", "")[:160],
                    phone=contact["phone_e164"],
                    email=contact["email"],
                )
            if media is not None:
                ReleaseContact.objects.create(release=draft, contact=media, order=order)
        if user is not None and not PressRelease.objects.editable_by(user).filter(pk=draft.pk):
            # An editor imports for their own institutions: nothing is kept otherwise.
            raise PermissionDenied(_("You may import the releases of your own institutions only."))
    return draft


def create_person(quote, language, institution):
    first, _space, last = quote["speaker"].partition(" ")
    return Person.objects.create(
        first_name=first[:80],
        last_name=(last or first)[:80],
        slug=unique_slug(Person, quote["speaker"]),
        institution=institution,
        **{
            f"honorific_{language}": quote.get("honorific", ""),
            f"job_title_{language}": quote["title"][:200],
        },
    )
