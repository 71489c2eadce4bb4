"""Load the demo content idempotently: a second run finds everything in place and writes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

from core.rights import Licence
from partners.models import (
    Institution,
    KeyFact,
    Listing,
    MediaContact,
    Milestone,
    PartnerImage,
    Partnership,
    Person,
    ResearchProject,
    Site,
    SocialProfile,
    StockListing,
)

from . import demo_content as content
from . import demo_images, page_cache
from .models import (
    NewsroomIdentity,
    PressRelease,
    Quote,
    ReleaseContact,
    ReleaseImage,
    ReleaseIssuer,
    Topic,
    identity,
)
from .search import index

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translated(field, values):
    """``{"fr": a, "en": b}`` → ``{"field_fr": a, "field_en": b}``."""
    return {f"{field}_{code}": values[code] for code in LANGUAGES}


def upsert(model, lookup, values):
    """Get or create the row matching ``lookup``; save only the fields that differ."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


def placeholder_logo(text, colour):
    """A generated wordmark (a simple mark above the name): no copied trademark."""
    return demo_images.wordmark(text, colour)


def load_institution(data):
    institution = upsert(
        Institution,
        {"slug": data["slug"]},
        {
            "kind": data["kind"],
            "website": data["website"],
            "listing": Listing.PUBLIC,
            **translated("name", data["name"]),
            **translated("short_name", data["short_name"]),
            **translated("boilerplate", data["boilerplate"]),
        },
    )
    if not institution.logo or not institution.logo.storage.exists(institution.logo.name):
        png = placeholder_logo(data["name"]["fr"], data["colour"])
        institution.logo.save(f"{data['slug']}.png", ContentFile(png), save=True)
    load_logo_image(institution, data)
    for order, fact in enumerate(data.get("key_facts", []), start=1):
        upsert(KeyFact, {"institution": institution, "order": order}, translated("text", fact))
    for order, site in enumerate(data.get("sites", []), start=1):
        upsert(
            Site,
            {"institution": institution, "city": site["city"]},
            {"order": order, **translated("name", site["name"])},
        )
    for exchange, ticker in data.get("listings", []):
        upsert(StockListing, {"exchange": exchange, "ticker": ticker}, {"institution": institution})
    for order, (network, url) in enumerate(data.get("social", []), start=1):
        upsert(
            SocialProfile,
            {"institution": institution, "network": network},
            {"url": url, "order": order},
        )
    return institution


def load_logo_image(institution, data):
    """The logo offered in the media library, with its rights: the institution's, for
    editorial use (the generated logo file, copied once)."""
    name = data["short_name"]
    logo = upsert(
        PartnerImage,
        {"institution": institution, "kind": PartnerImage.Kind.LOGO},
        {
            "credit": data["name"]["fr"],
            "licence": Licence.EDITORIAL,
            **translated("alt_text", {"fr": f"Logo {name['fr']}", "en": f"{name['en']} logo"}),
            **translated("usage_restriction", content.LOGO_RESTRICTION),
        },
    )
    if not logo.image or not logo.image.storage.exists(logo.image.name):
        with institution.logo.open("rb") as source:
            logo.image.save(f"{data['slug']}.png", ContentFile(source.read()), save=True)
    return logo


def load_partnership(institutions):
    data = content.PARTNERSHIP
    partnership = upsert(
        Partnership,
        {"slug": data["slug"]},
        {
            "listing": Listing.PUBLIC,
            **translated("name", data["name"]),
            **translated("description", data["description"]),
        },
    )
    partnership.institutions.set([institutions[slug] for slug in data["institutions"]])
    for milestone in data["milestones"]:
        upsert(
            Milestone,
            {"partnership": partnership, "date": milestone["date"]},
            {
                "date_precision": milestone["precision"],
                **translated("title", milestone["title"]),
                **translated("text", milestone["text"]),
            },
        )
    projects = []
    for order, project in enumerate(data["projects"], start=1):
        projects.append(
            upsert(
                ResearchProject,
                {"partnership": partnership, "order": order},
                {
                    **translated("title", project["title"]),
                    **translated("summary", project["summary"]),
                },
            )
        )
    return projects


def load_release(institutions, people, contacts, topics, projects):
    data = content.RELEASE
    release = upsert(
        PressRelease,
        {"slug_fr": data["slug"]["fr"]},
        {
            "slug_en": data["slug"]["en"],
            "release_date": data["release_date"],
            "publish_at": data["publish_at"],
            "status": PressRelease.Status.PUBLISHED,
            "original_language": data["original_language"],
            **translated("title", data["title"]),
            **translated("dateline", data["dateline"]),
            **translated("body", data["body"]),
        },
    )
    for order, slug in enumerate(data["issuers"], start=1):
        upsert(
            ReleaseIssuer, {"release": release, "institution": institutions[slug]}, {"order": order}
        )
    for order, email in enumerate(data["contacts"], start=1):
        upsert(ReleaseContact, {"release": release, "contact": contacts[email]}, {"order": order})
    for order, quote in enumerate(data["quotes"], start=1):
        upsert(
            Quote,
            {"release": release, "order": order},
            {"person": people[quote["person"]], **translated("text", quote["text"])},
        )
    release.topics.set([topics[slug] for slug in data["topics"]])
    release.research_projects.set(projects)
    load_illustrations(release)
    return release


def load_illustrations(release):
    """The release's generated illustrations, each drawn only when missing (like the logos)."""
    for order, (name, draw, alt_text, caption) in enumerate(demo_images.ILLUSTRATIONS, start=1):
        values = {
            "credit": demo_images.CREDIT,
            "licence": Licence.CC_BY,
            **translated("alt_text", alt_text),
            **translated("caption", caption),
        }
        image = ReleaseImage.objects.filter(release=release, order=order).first()
        if image and image.image and image.image.storage.exists(image.image.name):
            upsert(ReleaseImage, {"pk": image.pk}, values)
            continue
        image = image or ReleaseImage(release=release, order=order)
        for field, value in values.items():
            setattr(image, field, value)
        image.image.save(name, ContentFile(draw()), save=True)


@transaction.atomic
@transaction.atomic
def load_demo():
    """Create or complete the demo content; returns the press release. All or nothing, and one
    new content version for the page cache (``page_cache.deferred``)."""
    with page_cache.deferred():
        return _load_demo()


def _load_demo():
    # The identity as the migration made it, if a flush took it; an edited one is kept.
    if not NewsroomIdentity.objects.filter(pk=1).exists():
        NewsroomIdentity(**identity.DEFAULTS).save()
    institutions = {}
    for data in content.INSTITUTIONS:
        institutions[data["slug"]] = load_institution(data)
    for data in content.INSTITUTIONS:
        institutions[data["slug"]].member_of.set(
            [institutions[slug] for slug in data.get("member_of", [])]
        )
    people = {
        data["slug"]: upsert(
            Person,
            {"slug": data["slug"]},
            {
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "institution": institutions[data["institution"]],
                "listing": Listing.PUBLIC,
                **translated("honorific", data["honorific"]),
                **translated("job_title", data["job_title"]),
            },
        )
        for data in content.PEOPLE
    }
    contacts = {}
    for order, data in enumerate(content.MEDIA_CONTACTS, start=1):
        contacts[data["email"]] = upsert(
            MediaContact,
            {"email": data["email"]},
            {
                "name": data["name"],
                "institution": institutions[data["institution"]],
                "phone": data["phone"],
                "order": order,
                "is_public": True,
                "listing": Listing.PUBLIC,
            },
        )
    topics = {
        data["slug"]["fr"]: upsert(
            Topic,
            {"slug_fr": data["slug"]["fr"]},
            {"slug_en": data["slug"]["en"], **translated("name", data["name"])},
        )
        for data in content.TOPICS
    }
    projects = load_partnership(institutions)
    with index.deferred():
        release = load_release(institutions, people, contacts, topics, projects)
        # Saves keep the index in step; this covers a database older than search.
        index.refresh([release.pk])
    return release


def ensure_demo_admin():
    """With DEBUG on, a known superuser so a newcomer reaches the back office in one step."""
    if not settings.DEBUG:
        return None
    User = get_user_model()
    password = content.DEMO_ADMIN["password"]
    user = User.objects.filter(username=content.DEMO_ADMIN["username"]).first()
    if user is None:
        user = User.objects.create_superuser(
            username=content.DEMO_ADMIN["username"], password=password, email=""
        )
    for username, role in content.DEMO_ROLES:
        if not User.objects.filter(username=username).exists():
            member = User.objects.create_user(username, password=password, is_staff=True)
            member.groups.add(Group.objects.get(name=role))
            for slug in content.RELEASE["issuers"]:
                Institution.objects.get(slug=slug).staff.add(member)
    return user
