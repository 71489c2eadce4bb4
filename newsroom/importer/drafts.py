"""The draft an import creates once staff confirm, with what it links to or creates."""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from partners.models import Institution, MediaContact, Person, StockListing

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
            html.append(f"<ul>{''.join(bullets)}</ul>")
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
    """A draft ``PressRelease`` in the document's language from a parsed ``Release``: links
    what exists, creates what does not, never overwrites a boilerplate or a contact."""
    language = release.language
    with transaction.atomic(), index.deferred():
        review = review_of(release)
        institutions = {}
        for key, match in review.institutions.items():
            institution = match.existing or Institution(
                kind=guess_kind(match.label),
                slug=unique_slug(Institution, match.label),
                **{f"name_{language}": match.label},
            )
            institution.save()
            institutions[key] = institution
        for boilerplate in release.boilerplates:
            institution = institutions[fold(boilerplate["institution"])]
            if not getattr(institution, f"boilerplate_{language}"):
                setattr(institution, f"boilerplate_{language}", as_html(boilerplate["text"]))
                institution.save()
        for ticker in release.tickers:
            StockListing.objects.get_or_create(
                institution=institutions[fold(ticker["institution"])],
                exchange=ticker["exchange"],
                ticker=ticker["symbol"],
            )
        draft = PressRelease.objects.create(
            status=PressRelease.Status.DRAFT,
            original_language=language,
            release_date=release.date or None,
            created_by=user,
            updated_by=user,
            **{
                f"title_{language}": release.headline[:300],
                f"subtitle_{language}": release.subtitle[:300],
                f"dateline_{language}": release.dateline[:120],
                f"body_{language}": body_html(release.blocks),
            },
        )
        issuers = [fold(b["institution"]) for b in release.boilerplates] or list(institutions)
        for order, key in enumerate(dict.fromkeys(issuers)):
            ReleaseIssuer.objects.create(release=draft, institution=institutions[key], order=order)
        for order, quote in enumerate(release.quotes):
            match = review.people.get(fold(quote["speaker"]))
            if match is None:
                continue  # a quotation whose speaker was not found: left in the review
            person = match.existing or create_person(
                quote, language, institutions.get(fold(quote["institution"]))
            )
            review.people[fold(quote["speaker"])].existing = person
            shown = (
                quote["title"] if quote["title"] != getattr(person, f"job_title_{language}") else ""
            )
            Quote.objects.create(
                release=draft,
                person=person,
                order=order,
                **{f"text_{language}": quote["text"], f"speaker_title_{language}": shown},
            )
        first_issuer = institutions[issuers[0]] if issuers else None
        for order, (contact, match) in enumerate(
            zip(release.contacts, review.contacts, strict=True)
        ):
            media = match.existing
            institution = institutions.get(fold(contact["institution"])) or first_issuer
            if media is None and institution is not None:
                media = MediaContact.objects.create(
                    name=contact["name"],
                    institution=institution,
                    phone=contact["phone_e164"],
                    email=contact["email"],
                )
            if media is not None:
                ReleaseContact.objects.create(release=draft, contact=media, order=order)
    return draft


def create_person(quote, language, institution):
    first, _space, last = quote["speaker"].partition(" ")
    return Person.objects.create(
        first_name=first,
        last_name=last or first,
        slug=unique_slug(Person, quote["speaker"]),
        institution=institution,
        **{
            f"honorific_{language}": quote.get("honorific", ""),
            f"job_title_{language}": quote["title"],
        },
    )
