"""What hangs off a press release: its issuers and contacts (ordered), quotes, images with their
renditions, attachments, videos."""

import os
from typing import NamedTuple
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.images import RENDITIONS, make_rendition, rendition_name
from core.languages import LANGUAGE_CODES
from core.ordering import Ordered
from core.rights import Licensed
from core.uploads import ReencodedImageField
from core.validators import validate_attachment, validate_image
from partners.models import Institution, MediaContact, Person

from ..uploads import release_file_path, release_image_path
from ..video_files import (
    poster_path,
    subtitles_path,
    validate_video,
    validate_webvtt,
    video_path,
)


class ReleaseIssuer(Ordered):
    release = models.ForeignKey("newsroom.PressRelease", on_delete=models.CASCADE)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, verbose_name=_("institution"), db_index=False
    )
    # The institution as it stood when the release was published (newsroom/snapshots.py).
    snapshot = models.JSONField(null=True, blank=True, editable=False)

    class Meta(Ordered.Meta):
        verbose_name = _("issuing institution")
        verbose_name_plural = _("issuing institutions")
        constraints = [
            models.UniqueConstraint(fields=["release", "institution"], name="issuer_once")
        ]
        # An institution's releases by id: "has it a readable release?" (the list's filter
        # options) stops at the first, where the single-column index read all its releases.
        indexes = [models.Index(fields=["institution", "release"], name="issuer_releases")]

    def __str__(self):
        return str(self.institution)


class ReleaseContact(Ordered):
    release = models.ForeignKey("newsroom.PressRelease", on_delete=models.CASCADE)
    contact = models.ForeignKey(
        MediaContact, on_delete=models.PROTECT, verbose_name=_("media contact")
    )

    class Meta(Ordered.Meta):
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        constraints = [models.UniqueConstraint(fields=["release", "contact"], name="contact_once")]

    def __str__(self):
        return str(self.contact)


class ReleaseChild(Ordered):
    """A row of a release whose text must exist at least in the release's original language."""

    # Translated text fields that must be filled in the release's original language.
    required_in_original = ()

    class Meta(Ordered.Meta):
        abstract = True

    def clean(self):
        if not self.release_id:
            return
        language = self.release.original_language
        errors = {
            f"{field}_{language}": _("Required in the original language of the release.")
            for field in self.required_in_original
            if not getattr(self, f"{field}_{language}", None)
        }
        if errors:
            raise ValidationError(errors)


class QuoteQuerySet(models.QuerySet):
    def by(self, person):
        """``person``'s quotes with their releases, newest release first."""
        return (
            self.filter(person=person)
            .select_related("release")
            .order_by("-release__release_date", "order")
        )

    def visible_to(self, user=None, now=None):
        """Quotes in releases this viewer may read (``PressReleaseQuerySet.visible_to``): a
        draft's quote only for those who may read the draft."""
        releases = self.model._meta.get_field("release").related_model.objects  # no import cycle
        return self.filter(release__in=releases.visible_to(user, now))


class Quote(ReleaseChild):
    release = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="quotes"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="quotes", verbose_name=_("speaker")
    )
    text = models.TextField(_("quote"), blank=True)
    speaker_title = models.CharField(
        _("speaker's title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the person's current job title."),
    )

    required_in_original = ("text",)

    objects = QuoteQuerySet.as_manager()

    class Meta(ReleaseChild.Meta):
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self):
        return f"{self.person}: {self.text[:60]}"

    @property
    def title_shown(self):
        """The title given for this quote in the reader's language, else the person's own.

        Read without modeltranslation's fallback: a French-only override must not replace the
        person's English job title on the English page.
        """
        language = translation.get_language()
        return getattr(self, f"speaker_title_{language}", None) or self.person.job_title


class Rendition(NamedTuple):
    file: models.fields.files.FieldFile
    width: int | None
    height: int | None

    @property
    def url(self):
        return self.file.url


def dimension_field():
    return models.PositiveIntegerField(editable=False, null=True)


def rendition_field(name):
    """A stored rendition with its size kept in ``<name>_width`` / ``<name>_height``."""
    return models.ImageField(
        upload_to="releases/renditions/",
        editable=False,
        blank=True,
        width_field=f"{name}_width",
        height_field=f"{name}_height",
    )


class ReleaseImage(ReleaseChild, Licensed):
    release = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="images"
    )
    image = ReencodedImageField(
        _("image"),
        upload_to=release_image_path,
        validators=[validate_image],
        width_field="width",
        height_field="height",
    )
    width = dimension_field()
    height = dimension_field()
    # Renditions made once from ``image`` (core/images.py); ``renditions_of`` records which
    # upload they were made from, so a replaced image gets new ones.
    thumbnail = rendition_field("thumbnail")
    thumbnail_width = dimension_field()
    thumbnail_height = dimension_field()
    web = rendition_field("web")
    web_width = dimension_field()
    web_height = dimension_field()
    # The same renditions in WebP (same sizes); empty for images stored before WebP.
    thumbnail_webp = models.FileField(upload_to="releases/renditions/", editable=False, blank=True)
    web_webp = models.FileField(upload_to="releases/renditions/", editable=False, blank=True)
    renditions_of = models.CharField(max_length=255, editable=False, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for screen readers."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    required_in_original = ("alt_text",)

    class Meta(ReleaseChild.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text or self.image.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)  # Licensed.save drops a typed "©" from the credit
        if self.image and self.renditions_of != self.image.name:
            self.make_renditions()

    @property
    def web_or_original(self):
        return self.rendition_or_original("web")

    @property
    def thumbnail_or_original(self):
        return self.rendition_or_original("thumbnail")

    def rendition_or_original(self, field):
        """(file, width, height) to show: the rendition, or the original if it has none (an
        image stored before renditions existed, or one whose rendition failed)."""
        if rendition := getattr(self, field):
            return Rendition(
                rendition, getattr(self, f"{field}_width"), getattr(self, f"{field}_height")
            )
        return Rendition(self.image, self.width, self.height)

    @property
    def webp_srcset(self):
        """``srcset`` of the WebP renditions (empty when the image has none)."""
        pairs = ((self.thumbnail_webp, self.thumbnail_width), (self.web_webp, self.web_width))
        return ", ".join(f"{file.url} {width}w" for file, width in pairs if file and width)

    @property
    def jpeg_srcset(self):
        """``srcset`` of the JPEG renditions, or of the original when it has none."""
        pairs = {rendition.url: rendition.width for rendition in self.renditions()}
        return ", ".join(f"{url} {width}w" for url, width in pairs.items() if width)

    def renditions(self):
        return [self.rendition_or_original(field) for field in RENDITIONS]

    def make_renditions(self):
        for field, longest_side in RENDITIONS.items():
            encoded = make_rendition(self.image, longest_side)
            getattr(self, field).save(
                rendition_name(self.image.name, field), encoded["JPEG"], save=False
            )
            getattr(self, f"{field}_webp").save(
                rendition_name(self.image.name, field, "webp"), encoded["WEBP"], save=False
            )
        self.renditions_of = self.image.name
        fields = ["renditions_of", *RENDITIONS, *(f"{field}_webp" for field in RENDITIONS)]
        fields += [f"{field}_{side}" for field in RENDITIONS for side in ("width", "height")]
        super().save(update_fields=fields)


class Attachment(ReleaseChild, Licensed):
    release = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"), upload_to=release_file_path, validators=[validate_attachment]
    )
    title = models.CharField(_("title"), max_length=200, blank=True)

    required_in_original = ("title",)

    class Meta(ReleaseChild.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.file.name

    @property
    def download_name(self):
        """A readable file name (stored names are random): "dossier-de-presse.pdf"."""
        extension = os.path.splitext(self.file.name)[1].lower()
        return f"{slugify(self.title)[:80] or 'document'}{extension}"


def validate_https(url):
    if url and urlsplit(url).scheme.lower() != "https":
        raise ValidationError(
            _("Give the video's secure address (it starts with https://)."), code="not_https"
        )


class ReleaseVideo(Licensed, ReleaseChild):
    """A video of the release: a file stored here (played by the browser's own player, with a
    poster and subtitles), or a page of a video host, shown as a link (no embedded player:
    no third-party script or tracker on the newsroom's pages)."""

    release = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="videos"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("What is said and shown, for those who cannot watch or hear the video."),
    )
    file = models.FileField(
        _("video file"),
        upload_to=video_path,
        validators=[validate_video],
        blank=True,
        max_length=255,
        help_text=_("MP4 (H.264) or WebM."),
    )
    poster = ReencodedImageField(
        _("poster image"),
        upload_to=poster_path,
        validators=[validate_image],
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
        help_text=_("Shown before the video plays; its size gives the player's."),
    )
    poster_width = dimension_field()
    poster_height = dimension_field()
    # One column per language of LANGUAGES, as modeltranslation makes for translated fields
    # (``subtitles`` reads them by code): a new language needs its column and migration.
    subtitles_fr = models.FileField(
        _("French subtitles (WebVTT)"),
        upload_to=subtitles_path,
        validators=[validate_webvtt],
        blank=True,
    )
    subtitles_en = models.FileField(
        _("English subtitles (WebVTT)"),
        upload_to=subtitles_path,
        validators=[validate_webvtt],
        blank=True,
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("e.g. 00:02:30")
    )
    external_url = models.URLField(
        _("address on a video host"),
        max_length=500,
        blank=True,
        validators=[validate_https],
        help_text=_("Instead of a file: the video's page on YouTube, Vimeo, Dailymotion…"),
    )

    required_in_original = ("title",)

    class Meta(ReleaseChild.Meta):
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(file="") & ~models.Q(external_url=""))
                | (~models.Q(file="") & models.Q(external_url="")),
                name="video_file_or_link",
            )
        ]

    def __str__(self):
        return self.title or self.external_url or self.file.name

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if bool(self.file) == bool(self.external_url):
            errors.setdefault("file", []).append(
                ValidationError(
                    _("Give either a video file or the address of the video on a host, not both."),
                    code="file_or_link",
                )
            )
        if self.file:
            required = {
                "poster": _("A video file needs a poster image."),
                "credit": _("Say who holds the rights of the video."),
                "licence": _("Choose the licence of the video."),
            }
            for field, message in required.items():
                if not getattr(self, field):
                    errors.setdefault(field, []).append(ValidationError(message, code="file_needs"))
        if errors:
            raise ValidationError(errors)

    @property
    def is_external(self):
        return not self.file and bool(self.external_url)

    @property
    def host(self):
        """The video host's name, as shown on the link: "youtube.com"."""
        return (urlsplit(self.external_url).hostname or "").removeprefix("www.")

    @property
    def subtitles(self):
        """[(language, file)] of the subtitle tracks it has."""
        return [
            (code, file) for code in LANGUAGE_CODES if (file := getattr(self, f"subtitles_{code}"))
        ]

    @property
    def file_size(self):
        """Bytes of the stored video (0 when storage has lost it)."""
        try:
            return self.file.size if self.file else 0
        except OSError:
            return 0

    @property
    def duration_clock(self):
        """ "2:05", "1:02:05": the duration as players show it (empty when unknown)."""
        if self.duration is None:
            return ""
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    @property
    def duration_iso(self):
        """ "PT2M5S": for ``<time datetime>`` and JSON-LD (empty when unknown)."""
        if self.duration is None:
            return ""
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        return f"PT{hours}H{minutes}M{seconds}S" if hours else f"PT{minutes}M{seconds}S"

    @property
    def format_name(self):
        return "WebM" if self.content_type == "video/webm" else "MP4"

    @property
    def content_type(self):
        return "video/webm" if self.file.name.lower().endswith(".webm") else "video/mp4"

    @property
    def download_name(self):
        """A readable file name (stored names are random): "entretien.mp4"."""
        extension = os.path.splitext(self.file.name)[1].lower()
        return f"{slugify(self.title)[:80] or 'video'}{extension}"
