"""The media library: every image and document a journalist may download now, with its rights.

Assets come from ``SOURCES``: release images and attachments of releases visible to the
reader (``PressRelease.objects.visible_to``), and partners' logos, headshots and site photos
(``listing.offered_partner_images``), never past their expiry day. A page is built in a fixed
number of queries whatever the number of assets: one count per source, then one query per
source for the rows of the page.

A new kind of asset is one more ``Source`` in ``SOURCES`` and its kinds in ``KINDS``. Videos are
the files stored here; a video on a host is the host's to offer, shown on its release only.
"""

import datetime
import posixpath
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.rights import Licensed
from partners.models import Institution, PartnerImage

from .listing import offered_partner_images
from .models import Attachment, PressRelease, ReleaseImage, ReleaseIssuer, ReleaseVideo

PAGE_SIZE = 24

# The type filter's values, in the order offered.
KINDS = {
    "image": _("Release images"),
    "document": _("Documents"),
    "video": _("Videos"),
    "logo": _("Logos"),
    "headshot": _("Headshots"),
    "site": _("Site photos"),
    "other": _("Other images"),
}


@dataclass
class Asset:
    """One downloadable file as the library shows it."""

    kind: str
    item: object  # the model row (Licensed)
    title: str
    caption: str
    file: object  # the original's FieldFile
    owner_name: str
    owner_url: str
    download_url: str
    thumbnail: object = None  # a Rendition-like (url, width, height), None for documents
    width: int | None = None
    height: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def schema_type(self):
        """schema.org's type, for JSON-LD; images are the assets given XMP rights on download."""
        if self.kind == "video":
            return "VideoObject"
        return "MediaObject" if self.thumbnail is None else "ImageObject"

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def extension(self):
        return posixpath.splitext(self.file.name)[1].lstrip(".").upper()

    @property
    def size(self):
        try:
            return self.file.size
        except OSError:  # storage lost the file: the rest is still worth showing
            return None


@dataclass
class Thumb:
    url: str
    width: int | None
    height: int | None


def download_url(source, pk):
    return reverse("newsroom:media_download", kwargs={"source": source, "pk": pk})


class ReleaseImages:
    name = "image"
    kinds = ("image",)
    model = ReleaseImage

    def rows(self, user, now, institution=None):
        rows = self.model.objects.filter(
            Licensed.offered_filter(timezone.localdate(now)),
            release__in=PressRelease.objects.visible_to(user, now).values("pk"),
        )
        if institution is not None:
            rows = rows.filter(release__issuers=institution)
        return rows

    def counts(self, rows):
        return {self.kinds[0]: rows.count()}

    def page(self, rows, kinds, start, stop):
        rows = rows.select_related("release").order_by(
            "-release__release_date", "-release__pk", "order", "pk"
        )
        return [self.asset(row) for row in rows[start:stop]]

    def asset(self, image):
        thumbnail = image.thumbnail_or_original
        return Asset(
            kind="image",
            item=image,
            title=image.alt_text or image.release.title,
            caption=image.caption,
            file=image.image,
            owner_name=image.release.title,
            owner_url=image.release.get_absolute_url(),
            download_url=download_url(self.name, image.pk),
            thumbnail=Thumb(thumbnail.url, thumbnail.width, thumbnail.height),
            width=image.width,
            height=image.height,
        )


class ReleaseDocuments(ReleaseImages):
    name = "document"
    kinds = ("document",)
    model = Attachment

    def asset(self, attachment):
        return Asset(
            kind="document",
            item=attachment,
            title=attachment.title or attachment.download_name,
            caption="",
            file=attachment.file,
            owner_name=attachment.release.title,
            owner_url=attachment.release.get_absolute_url(),
            download_url=download_url(self.name, attachment.pk),
        )


class ReleaseVideos(ReleaseImages):
    name = "video"
    kinds = ("video",)
    model = ReleaseVideo

    def rows(self, user, now, institution=None):
        return super().rows(user, now, institution).exclude(file="")

    def asset(self, video):
        return Asset(
            kind="video",
            item=video,
            title=video.title or video.release.title,
            caption=video.description,
            file=video.file,
            owner_name=video.release.title,
            owner_url=video.release.get_absolute_url(),
            download_url=download_url(self.name, video.pk),
            thumbnail=Thumb(video.poster.url, video.poster_width, video.poster_height),
            extra={"duration": video.duration_iso, "uploadDate": video.release.release_date},
        )


class PartnerImages:
    name = "partner"
    kinds = ("logo", "headshot", "site", "other")

    def rows(self, user, now, institution=None):
        rows = offered_partner_images(now)
        if institution is not None:
            rows = rows.filter(institution=institution)
        return rows

    def counts(self, rows):
        found = dict(rows.order_by().values_list("kind").annotate(Count("pk")))
        return {kind: found.get(kind, 0) for kind in self.kinds}

    def page(self, rows, kinds, start, stop):
        rows = rows.filter(kind__in=kinds).select_related("institution", "person")
        rows = rows.order_by("institution__slug", "kind", "order", "pk")
        return [self.asset(row) for row in rows[start:stop]]

    def asset(self, image):
        owner = image.institution.display_name
        if image.person is not None:
            owner = f"{image.person.full_name}, {owner}"
        return Asset(
            kind=image.kind,
            item=image,
            title=image.alt_text or image.get_kind_display(),
            caption=image.caption,
            file=image.image,
            owner_name=owner,
            owner_url=reverse("newsroom:institution_detail", args=[image.institution.slug]),
            download_url=download_url(self.name, image.pk),
            thumbnail=Thumb(image.image.url, image.width, image.height),
            width=image.width,
            height=image.height,
        )


SOURCES = {
    source.name: source
    for source in (ReleaseImages(), ReleaseDocuments(), ReleaseVideos(), PartnerImages())
}


def institution_choices(user, now=None):
    """[(slug, name)]: institutions with at least one asset this reader may download."""
    now = now or timezone.now()
    offered = Licensed.offered_filter(timezone.localdate(now))
    visible = PressRelease.objects.visible_to(user, now).values("pk")
    with_assets = PressRelease.objects.filter(pk__in=visible).filter(
        Q(pk__in=ReleaseImage.objects.filter(offered).values("release"))
        | Q(pk__in=Attachment.objects.filter(offered).values("release"))
        | Q(pk__in=ReleaseVideo.objects.filter(offered).exclude(file="").values("release"))
    )
    issuers = ReleaseIssuer.objects.filter(release__in=with_assets.values("pk"))
    institutions = Institution.objects.filter(
        Q(pk__in=issuers.values("institution"))
        | Q(pk__in=offered_partner_images(now).values("institution"))
    )
    return [(row.slug, row.display_name) for row in institutions.order_by("slug")]


class Library:
    """The assets this reader may download, under the filters: ``counts`` per kind (under the
    institution filter, for the type filter's labels), ``total`` of the kinds chosen, and
    ``assets(start, stop)``, a slice in the library's order (sources one after the other)."""

    def __init__(self, user, *, institution=None, kind=None, now=None):
        now = now or timezone.now()
        self.chosen = [kind] if kind else list(KINDS)
        self.rows, self.counts = {}, {}
        for source in SOURCES.values():
            self.rows[source.name] = source.rows(user, now, institution)
            self.counts |= source.counts(self.rows[source.name])
        self.total = sum(self.counts.get(name, 0) for name in self.chosen)

    def __len__(self):
        return self.total

    def assets(self, start, stop):
        found, offset = [], 0
        for source in SOURCES.values():
            kinds = [name for name in source.kinds if name in self.chosen]
            size = sum(self.counts.get(name, 0) for name in kinds)
            if kinds and size and start < offset + size and stop > offset:
                begin, end = max(start - offset, 0), min(stop - offset, size)
                found += source.page(self.rows[source.name], kinds, begin, end)
            offset += size
        return found

    def __getitem__(self, index):
        """Slices only (for the paginator): assets in the library's order."""
        return self.assets(index.start or 0, index.stop if index.stop is not None else self.total)


def find_asset(user, source, pk, now=None):
    """The asset ``source``/``pk`` if this reader may download it now, else None."""
    source = SOURCES.get(source)
    if source is None:
        return None
    row = source.rows(user, now or timezone.now()).filter(pk=pk).first()
    return source.asset(row) if row is not None else None


def next_expiry(now=None):
    """The next moment an asset stops being offered (the start of the day after its expiry
    day, Paris time), or None: the page cache changes its content version then."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    days = [
        model.objects.filter(expires_on__gte=today).aggregate(day=Min("expires_on"))["day"]
        for model in (ReleaseImage, Attachment, ReleaseVideo, PartnerImage)
    ]
    days = [day for day in days if isinstance(day, datetime.date)]
    return Licensed.expiry_moment(min(days)) if days else None
