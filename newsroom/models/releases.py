"""Press releases and what hangs off them: quotes, images, attachments, topics."""

import hashlib
import os
import re
from html import unescape
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from partners.models import Institution, MediaContact, Ordered, Person, ResearchProject
from partners.richtext import RichTextField, sanitize_html
from partners.validators import validate_attachment, validate_image

from ..images import RENDITIONS, make_rendition, rendition_name
from ..slugs import LANGUAGE_CODES, fill_translated_slugs, slug_fields, slug_taken
from ..snapshots import FrozenInstitution
from ..uploads import release_file_path, release_image_path


def is_accredited(user):
    """An approved journalist (see newsroom.models.journalists)."""
    journalist = getattr(user, "journalist", None)
    return bool(journalist and journalist.is_approved)


DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")


def validate_doi(value):
    if not DOI_PATTERN.match(value):
        raise ValidationError(
            _("Enter a DOI such as 10.1038/s41586-023-01234-5 (without “https://doi.org/”)."),
            code="invalid_doi",
        )


def unique_per_language(model_name):
    """One UniqueConstraint per translated slug column (the untranslated column is not used)."""
    return [
        models.UniqueConstraint(
            fields=[f"slug_{code}"],
            name=f"{model_name}_slug_{code}_unique",
            violation_error_message=_("This slug is already used."),
        )
        for code in LANGUAGE_CODES
    ]


class TopicQuerySet(models.QuerySet):
    def public(self):
        """Topics of releases anyone may read now (a topic's name can itself be news)."""
        return self.filter(press_releases__in=PressRelease.objects.published()).distinct()


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, null=True, blank=True)  # noqa: DJ001

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = unique_per_language("topic")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        fill_translated_slugs(
            self,
            "name",
            max_length=100,
            across_languages=False,
            every_language=True,
            default="theme",
        )
        super().save(*args, **kwargs)


class PressReleaseQuerySet(models.QuerySet):
    def published(self, now=None):
        """Releases anyone may read at ``now``: published, due, and out of embargo.

        Computed at query time so a scheduled release appears at its minute without a job.
        """
        now = now or timezone.now()
        return self.filter(
            status=ReleaseStatus.PUBLISHED,
            publish_at__lte=now,
        ).filter(models.Q(embargo_until__isnull=True) | models.Q(embargo_until__lte=now))

    def under_embargo(self, now=None):
        """Released to accredited journalists, not yet to the public."""
        now = now or timezone.now()
        return self.filter(
            status=ReleaseStatus.PUBLISHED, publish_at__lte=now, embargo_until__gt=now
        )

    def editable_by(self, user):
        """What this staff member may open in the back office: everything for publishers and
        administrators, the releases of their own institutions for editors."""
        if user.is_superuser or user.has_perm("newsroom.publish_pressrelease"):
            return self.all()
        return self.filter(pk__in=PressRelease.objects.filter(issuers__staff=user).values("pk"))

    def visible_to(self, user=None, now=None):
        """THE visibility rule: which releases this viewer may read at ``now``.

        Anonymous readers: published and out of embargo. Accredited journalists: also those
        under embargo. Staff: also what they may edit (drafts, for previews). Computed at query
        time, so a scheduled release appears at its minute without any job running.
        """
        now = now or timezone.now()
        public = self.published(now)
        if user is None or not user.is_authenticated:
            return public
        if user.is_staff:
            editable = PressRelease.objects.editable_by(user).values("pk")
            return self.filter(Q(pk__in=public.values("pk")) | Q(pk__in=editable))
        if is_accredited(user):
            return public | self.under_embargo(now)
        return public

    def public_since(self, moment):
        """Releases that became public at or after ``moment``: published then, or whose
        embargo lifted then (an embargoed release is news when the embargo lifts)."""
        made_public = Greatest("publish_at", Coalesce("embargo_until", "publish_at"))
        return self.alias(made_public_at=made_public).filter(made_public_at__gte=moment)

    def for_display(self):
        """What a list shows, fetched in a fixed number of queries whatever the page size."""
        return self.prefetch_related(*list_prefetches())

    def filtered(self, *, institution=None, topic=None, year=None):
        """The public list's filters, combinable; ``None`` means "any"."""
        releases = self
        if institution is not None:
            releases = releases.filter(issuers=institution)
        if topic is not None:
            releases = releases.filter(topics=topic)
        if year is not None:
            releases = releases.filter(release_date__year=year)
        return releases

    def related_to(self, release, limit=3):
        """Other releases sharing an issuer or a topic, newest first."""
        issuers = [institution.pk for institution in release.issuers.all()]
        topics = [topic.pk for topic in release.topics.all()]
        match = models.Q(issuers__in=issuers) | models.Q(topics__in=topics)
        ids = self.filter(match).exclude(pk=release.pk).values("pk")
        return self.filter(pk__in=ids)[:limit]


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PressRelease(models.Model):
    Status = ReleaseStatus

    title = models.CharField(_("title"), max_length=300, blank=True)
    subtitle = models.CharField(_("subtitle"), max_length=400, blank=True)
    # One slug per language; empty values are stored as NULL (hence DJ001) so that untranslated
    # releases do not collide. Unique per column in the database, across languages by clean().
    slug = models.SlugField(_("slug"), max_length=200, null=True, blank=True)  # noqa: DJ001
    dateline = models.CharField(
        _("dateline"), max_length=200, blank=True, help_text=_("Place, e.g. “Paris, France”.")
    )
    release_date = models.DateField(_("release date"), default=timezone.localdate)
    body = RichTextField(_("body"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )
    issuers = models.ManyToManyField(
        Institution,
        through="ReleaseIssuer",
        related_name="press_releases",
        verbose_name=_("issuing institutions"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="press_releases", verbose_name=_("topics")
    )
    research_projects = models.ManyToManyField(
        ResearchProject,
        blank=True,
        related_name="press_releases",
        verbose_name=_("research projects"),
    )
    contacts = models.ManyToManyField(
        MediaContact,
        through="ReleaseContact",
        related_name="press_releases",
        verbose_name=_("media contacts"),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Paris time (Europe/Paris). A future time schedules the release."),
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Paris time (Europe/Paris). Until then only accredited journalists see the release."
        ),
    )

    original_only = models.BooleanField(
        _("publish in the original language only"),
        default=False,
        help_text=_("Tick to publish before the translation is ready."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    # Optimistic locking: each save increments it; a form opened on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Translation in step: fingerprints of the original text the translation was made from, and
    # of the translation itself (see translation_out_of_date).
    translation_source = models.CharField(max_length=64, blank=True, editable=False)
    translation_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    journal = models.CharField(_("journal"), max_length=200, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    peer_reviewed = models.BooleanField(_("peer-reviewed"), null=True, blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-release_date", "-publish_at", "-pk"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        permissions = [
            ("approve_pressrelease", _("Can approve press releases")),
            ("publish_pressrelease", _("Can publish and schedule press releases")),
            ("withdraw_pressrelease", _("Can withdraw press releases")),
        ]
        indexes = [models.Index(fields=["status", "publish_at"], name="release_visibility")]
        constraints = [
            *unique_per_language("release"),
            models.CheckConstraint(
                condition=~models.Q(status=ReleaseStatus.PUBLISHED)
                | models.Q(publish_at__isnull=False),
                name="release_published_has_time",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ReleaseStatus.values),
                name="release_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(embargo_until__isnull=True)
                | models.Q(publish_at__isnull=True)
                | models.Q(embargo_until__gte=models.F("publish_at")),
                name="release_embargo_after_publish",
            ),
        ]

    def __str__(self):
        title = getattr(self, f"title_{self.display_language}", None)
        return title or self.title or str(_("(untitled release)"))

    def save(self, *args, **kwargs):
        self.fill_slugs()
        self.track_translation()
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            return reverse("newsroom:release_detail", kwargs={"slug": self.slug_for(language)})

    def clean(self):
        errors = {}
        original_title = getattr(self, f"title_{self.original_language}", "")
        if not original_title:
            errors[f"title_{self.original_language}"] = _(
                "A title is required in the original language of the release."
            )
        if self.status == self.Status.PUBLISHED and not self.publish_at:
            errors["publish_at"] = _("A published release needs a publication time.")
        if self.embargo_until and self.publish_at and self.embargo_until < self.publish_at:
            errors["embargo_until"] = _("The embargo cannot end before the publication time.")
        others = PressRelease.objects.exclude(pk=self.pk)
        for field in slug_fields():
            slug = getattr(self, field, None)
            if slug and slug_taken(others, slug, slug_fields()):
                errors[field] = _("Another release already uses this slug (in either language).")
        if errors:
            raise ValidationError(errors)

    TRANSLATED_TEXT = ("title", "subtitle", "dateline", "body")

    def fingerprint(self, languages):
        text = "\x1f".join(
            str(getattr(self, f"{field}_{code}", None) or "")
            for code in languages
            for field in self.TRANSLATED_TEXT
        )
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def translation_languages(self):
        return [code for code in LANGUAGE_CODES if code != self.original_language]

    def track_translation(self):
        """When the translation is edited, it is in step with the original as it is now."""
        translation_now = self.fingerprint(self.translation_languages)
        if translation_now != self.translation_fingerprint:
            self.translation_fingerprint = translation_now
            self.translation_source = self.fingerprint([self.original_language])

    def confirm_translation(self):
        """Someone checked that the translation still says what the original says."""
        self.translation_source = self.fingerprint([self.original_language])

    @property
    def translation_out_of_date(self):
        """The original text changed after the translation was last written or confirmed."""
        translated = any(self.is_translated(code) for code in self.translation_languages)
        return translated and self.translation_source != self.fingerprint([self.original_language])

    def fill_slugs(self):
        fill_translated_slugs(
            self, "title", max_length=200, across_languages=True, default="communique"
        )

    def slug_for(self, language):
        return getattr(self, f"slug_{language}", None) or getattr(
            self, f"slug_{self.original_language}"
        )

    def shown_issuers(self):
        """The issuers, each frozen as it stood on publication when it was (snapshots.py)."""
        snapshots = {row.institution_id: row.snapshot for row in self.releaseissuer_set.all()}
        return [
            FrozenInstitution(institution, snapshots[institution.pk])
            if snapshots.get(institution.pk)
            else institution
            for institution in self.issuers.all()
        ]

    def contacts_by_issuer(self):
        """[(institution, contacts)]: every issuer as an equal, each with its contacts.

        Frozen issuers show the contacts of their snapshot. Otherwise the release's own
        contacts come first; an issuer none of them belongs to shows its public contacts.
        Uses ``detail_prefetches()`` data only.
        """
        listed = self.public_contacts
        groups = []
        for institution in self.shown_issuers():
            own = [c for c in listed if c.institution_id == institution.pk]
            frozen = hasattr(institution, "frozen_boilerplate")
            groups.append(
                (
                    institution,
                    institution.public_contacts if frozen else own or institution.public_contacts,
                )
            )
        issuer_ids = {institution.pk for institution, _contacts in groups}
        others = {}
        for contact in listed:
            if contact.institution_id not in issuer_ids:
                others.setdefault(contact.institution, []).append(contact)
        return groups + list(others.items())

    @property
    def slug_for_current(self):
        return self.slug_for(translation.get_language())

    def is_translated(self, language):
        """Title and body exist in ``language`` (a title alone is not a translation)."""
        original_body = getattr(self, f"body_{self.original_language}", "")
        return bool(getattr(self, f"title_{language}", "")) and bool(
            getattr(self, f"body_{language}", "") or not original_body
        )

    @property
    def is_under_embargo(self):
        return bool(self.embargo_until and self.embargo_until > timezone.now())

    def missing_translations(self):
        """Fields still empty in a language other than the original (blocking publication
        unless ``original_only``)."""
        required = ("title", "body")
        return [
            f"{field}_{code}"
            for code in LANGUAGE_CODES
            if code != self.original_language
            for field in required
            if not getattr(self, f"{field}_{code}", None)
        ]

    @property
    def was_public(self):
        """Withdrawn after readers could see it (then its URL answers 410, not 404)."""
        made_public = self.made_public_at
        return bool(self.withdrawn_at and made_public and made_public <= self.withdrawn_at)

    @property
    def made_public_at(self):
        """When readers could first see it: publication, or the embargo's end if later."""
        moments = [moment for moment in (self.publish_at, self.embargo_until) if moment]
        return max(moments) if moments else None

    @property
    def translated_languages(self):
        """The languages it is written in (for hreflang and sitemaps), original first."""
        others = [code for code in LANGUAGE_CODES if code != self.original_language]
        return [self.original_language] + [code for code in others if self.is_translated(code)]

    @property
    def lead_image(self):
        """The first image (from the prefetched images), for thumbnails, cards and previews."""
        return next(iter(self.images.all()), None)

    @property
    def summary(self):
        """Subtitle, or the body's first words as plain text: feeds, meta descriptions."""
        if self.subtitle:
            return self.subtitle
        return Truncator(self.body_as_text).words(40, truncate="…")

    @property
    def body_as_text(self):
        """The body as plain text: paragraphs separated by blank lines, list items dashed."""
        # Sanitised first: a <script>'s content must not turn into text either.
        html = re.sub(r"<li[^>]*>", "- ", sanitize_html(self.body or ""))
        html = re.sub(r"</(p|li|h[2-4]|blockquote)>", "\n", html)
        text = unescape(strip_tags(html))
        lines = [line.strip() for line in text.splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

    @property
    def display_language(self):
        """The language its text is shown in now: the reader's, or the original as fallback."""
        language = translation.get_language()
        return language if self.is_translated(language) else self.original_language


class ReleaseIssuer(Ordered):
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE)
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, verbose_name=_("institution")
    )
    # The institution as it stood when the release was published (newsroom/snapshots.py).
    snapshot = models.JSONField(null=True, blank=True, editable=False)

    class Meta(Ordered.Meta):
        verbose_name = _("issuing institution")
        verbose_name_plural = _("issuing institutions")
        constraints = [
            models.UniqueConstraint(fields=["release", "institution"], name="issuer_once")
        ]

    def __str__(self):
        return str(self.institution)


class ReleaseContact(Ordered):
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE)
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


class Quote(ReleaseChild):
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="quotes")
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


class ReleaseImage(ReleaseChild):
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"),
        upload_to=release_image_path,
        validators=[validate_image],
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    # Renditions made once from ``image`` (newsroom/images.py); ``renditions_of`` records which
    # upload they were made from, so a replaced image gets new ones.
    thumbnail = models.ImageField(
        upload_to="releases/renditions/",
        editable=False,
        blank=True,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(editable=False, null=True)
    thumbnail_height = models.PositiveIntegerField(editable=False, null=True)
    web = models.ImageField(
        upload_to="releases/renditions/",
        editable=False,
        blank=True,
        width_field="web_width",
        height_field="web_height",
    )
    web_width = models.PositiveIntegerField(editable=False, null=True)
    web_height = models.PositiveIntegerField(editable=False, null=True)
    renditions_of = models.CharField(max_length=255, editable=False, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for screen readers."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)

    required_in_original = ("alt_text",)

    class Meta(ReleaseChild.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text or self.image.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.image and self.renditions_of != self.image.name:
            self.make_renditions()

    @property
    def web_or_original(self):
        """(file, width, height) to show: the web rendition, or the original if it has none
        (an image stored before renditions existed, or one whose rendition failed)."""
        if self.web:
            return Rendition(self.web, self.web_width, self.web_height)
        return Rendition(self.image, self.width, self.height)

    @property
    def thumbnail_or_original(self):
        if self.thumbnail:
            return Rendition(self.thumbnail, self.thumbnail_width, self.thumbnail_height)
        return Rendition(self.image, self.width, self.height)

    def make_renditions(self):
        for field, longest_side in RENDITIONS.items():
            content = make_rendition(self.image, longest_side)
            getattr(self, field).save(rendition_name(self.image.name, field), content, save=False)
        self.renditions_of = self.image.name
        fields = ["renditions_of", *RENDITIONS]
        fields += [f"{field}_{side}" for field in RENDITIONS for side in ("width", "height")]
        super().save(update_fields=fields)


class Attachment(ReleaseChild):
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="attachments")
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


def _issuers(queryset):
    return models.Prefetch(
        "issuers",
        queryset=queryset.order_by("releaseissuer__order", "releaseissuer__pk"),
    )


def list_prefetches():
    """Related rows a release list shows, in staff-set order."""
    return (_issuers(Institution.objects.all()), "topics", "images")


def detail_prefetches():
    """Related rows a release page shows: a fixed number of queries whatever their number."""
    return (
        _issuers(
            Institution.objects.prefetch_related(
                "stock_listings",
                "social_profiles",
                models.Prefetch(
                    "media_contacts",
                    queryset=MediaContact.objects.filter(is_public=True).select_related(
                        "person", "institution"
                    ),
                    to_attr="public_contacts",
                ),
            )
        ),
        "topics",
        "releaseissuer_set",
        "corrections",
        models.Prefetch(
            "research_projects", queryset=ResearchProject.objects.select_related("partnership")
        ),
        models.Prefetch("quotes", queryset=Quote.objects.select_related("person")),
        "images",
        "attachments",
        models.Prefetch(
            "contacts",
            queryset=MediaContact.objects.filter(is_public=True)
            .select_related("person", "institution")
            .order_by("releasecontact__order", "releasecontact__pk"),
            to_attr="public_contacts",
        ),
    )
