"""Release cards: what lists, search results and "related" blocks show of a release.

A card is plain data (strings, numbers), built from a release and its prefetched issuers and
images, in the language the page is read in. Cards are kept for anonymous readers under the
content version (``page_cache.shared_many``): a page of search results or a list built for new
parameters reads its 20 cards in one cache read instead of three queries and twenty model
renderings. The ids always come from the viewer's visible releases, and a missing card is built
from them again, so the visibility rule still decides what is shown.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.utils import formats, translation
from django.utils.translation import gettext

from . import page_cache
from .clock import Clock, upcoming
from .models import ReleaseStatus


class Thumbnail(NamedTuple):
    src: str
    width: int
    height: int
    webp: str  # "" when it has none (an image stored before WebP renditions)
    # srcsets of every rendition, so that the home page's lead card can show it large
    srcset: str = ""
    webp_srcset: str = ""
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Card:
    pk: int
    url: str
    language: str  # the language its text is shown in (the page's, or the original)
    badge: str  # "Draft", "Embargoed"… for the readers who may see such releases
    date: str  # ISO, for <time datetime>
    date_shown: str
    dateline: str
    title: str
    subtitle: str
    issuers: tuple  # ((name, logo URL or ""), …) in the staff-set order
    image: Thumbnail | None
    text: str  # the body as plain text (search snippets)
    snippet: dict | None = None  # a search's marked title and text (``search.snippets``)
    clock: Clock | None = None  # the embargo lift or scheduled time still ahead (staff, press)


def card(release):
    """The card of ``release`` (with ``list_prefetches()``) for the current language."""
    url = release.get_absolute_url()
    image = release.lead_image
    with translation.override(release.display_language):
        if release.status != ReleaseStatus.PUBLISHED:
            badge = str(release.get_status_display())
        else:
            badge = gettext("Embargoed") if release.is_under_embargo else ""
        shown = image and image.thumbnail_or_original
        return Card(
            pk=release.pk,
            url=url,
            language=translation.get_language(),
            badge=badge,
            clock=upcoming(release),
            date=release.release_date.isoformat(),
            date_shown=formats.date_format(release.release_date),
            dateline=release.dateline,
            title=release.title,
            subtitle=release.subtitle,
            issuers=tuple(
                (institution.display_name, institution.logo_shown.url if institution.logo else "")
                for institution in release.issuers.all()
            ),
            image=shown
            and Thumbnail(
                shown.url,
                shown.width,
                shown.height,
                image.thumbnail_webp.url if image.thumbnail_webp else "",
                image.jpeg_srcset,
                image.webp_srcset,
                image.alt_text,
            ),
            text=release.body_as_text,
        )


def cards_of(request, releases, ids):
    """[Card] of ``ids`` (in that order), each one of ``releases`` (what the viewer may see,
    which the ids were taken from): from the cache where it holds them, the others built."""

    def build(missing):
        found = releases.filter(pk__in=missing).for_display()
        return {release.pk: card(release) for release in found}

    built = page_cache.shared_many(request, "card", list(ids), build)
    return [built[pk] for pk in ids if pk in built]


def cards(request, releases, limit):
    """[Card] of the first ``limit`` of ``releases`` (what the viewer may see, in order)."""
    return cards_of(request, releases, list(releases.values_list("pk", flat=True)[:limit]))
