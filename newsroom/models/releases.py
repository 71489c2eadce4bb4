"""Press releases: their visibility (the one rule), workflow fields, slugs, topics."""

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, in_any_language
from core.richtext import RichTextField, as_text
from core.slugs import fill_translated_slugs, slug_fields, slug_taken
from partners.models import Institution, MediaContact, ResearchProject

from ..snapshots import FrozenInstitution


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
        links = PressRelease.topics.through.objects.filter(
            published_at(timezone.now(), "pressrelease__"), topic=models.OuterRef("pk")
        )
        return self.filter(models.Exists(links))


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


def out_at(now, prefix=""):
    """Condition: published and due at ``now``, so out to someone (everyone, or accredited
    journalists while an embargo runs); on the release at ``prefix``."""
    return Q(**{f"{prefix}status": ReleaseStatus.PUBLISHED, f"{prefix}publish_at__lte": now})


def published_at(now, prefix=""):
    """The condition of ``PressReleaseQuerySet.published``, on the release at ``prefix``
    ("release__" from a quote, say): a join the database can follow by index, where a
    subquery of every public release would be read whole."""
    no_embargo = Q(**{f"{prefix}embargo_until__isnull": True})
    return out_at(now, prefix) & (no_embargo | Q(**{f"{prefix}embargo_until__lte": now}))


class PressReleaseQuerySet(models.QuerySet):
    def published(self, now=None):
        """Releases anyone may read at ``now``: published, due, and out of embargo.

        Computed at query time so a scheduled release appears at its minute without a job.
        """
        return self.filter(published_at(now or timezone.now()))

    def under_embargo(self, now=None):
        """Released to accredited journalists, not yet to the public."""
        now = now or timezone.now()
        return self.filter(out_at(now), embargo_until__gt=now)

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
        beyond = self.beyond_public(user, now)
        if beyond is None:
            return public
        if user.is_staff:  # editable_by() joins institutions' staff: combined by id
            return self.filter(Q(pk__in=public.values("pk")) | Q(pk__in=beyond.values("pk")))
        return public | beyond

    def beyond_public(self, user=None, now=None):
        """What ``visible_to(user, now)`` adds to ``published(now)`` (they may overlap): what
        staff may edit, what is under embargo for accredited journalists; None for everyone
        else. Search preselects public documents cheaply, then adds these."""
        now = now or timezone.now()
        if user is None or not user.is_authenticated:
            return None
        if user.is_staff:
            return PressRelease.objects.editable_by(user)
        if is_accredited(user):
            return self.under_embargo(now)
        return None

    def next_public_change(self, now=None):
        """The next moment a published release becomes public by itself (its scheduled minute
        or its embargo lift), or None: until then, anonymous pages cannot change unseen."""
        now = now or timezone.now()
        published = self.filter(status=ReleaseStatus.PUBLISHED)
        moments = published.aggregate(
            publish=models.Min("publish_at", filter=Q(publish_at__gt=now)),
            embargo=models.Min("embargo_until", filter=Q(embargo_until__gt=now)),
        )
        return min((moment for moment in moments.values() if moment), default=None)

    def public_since(self, moment):
        """Releases that became public at or after ``moment``: published then, or whose
        embargo lifted then (an embargoed release is news when the embargo lifts)."""
        made_public = Greatest("publish_at", Coalesce("embargo_until", "publish_at"))
        # made_public_at >= moment, as two conditions an index serves each.
        recent = Q(publish_at__gte=moment) | Q(embargo_until__gte=moment)
        return self.alias(made_public_at=made_public).filter(recent)

    def with_slug(self, slug, language=None):
        """The release whose slug in ``language`` is ``slug``, else one whose slug in another
        language is (a link to an untranslated release, a slug from the other language)."""
        in_language = self.filter(**{f"slug_{language}": slug}).first() if language else None
        return in_language or self.filter(in_any_language("slug", slug)).first()

    def for_display(self):
        """What a list shows, fetched in a fixed number of queries whatever the page size."""
        from .prefetches import list_prefetches  # prefetches reads the models of parts.py

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

    def about_partnership(self, partnership):
        """Releases about a research project of ``partnership``, by id: each once, however
        many of its projects it is about."""
        about = PressRelease.objects.filter(research_projects__partnership=partnership)
        return self.filter(pk__in=about.values("pk"))

    def related_to(self, release):
        """Other releases sharing an issuer or a topic, newest first."""
        issuers = [institution.pk for institution in release.issuers.all()]
        topics = [topic.pk for topic in release.topics.all()]
        match = models.Q(issuers__in=issuers) | models.Q(topics__in=topics)
        ids = self.filter(match).exclude(pk=release.pk).values("pk")
        return self.filter(pk__in=ids)


def written_in(language):
    """``PressRelease.is_translated(language)`` as a condition, for counting in SQL."""
    original_body_empty = Q()
    for code in LANGUAGE_CODES:
        original_body_empty |= Q(original_language=code, **{f"body_{code}": ""})
    titled = ~Q(**{f"title_{language}": ""})
    return titled & (~Q(**{f"body_{language}": ""}) | original_body_empty)


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
        _("original language"), max_length=5, choices=settings.LANGUAGES, default=DEFAULT_LANGUAGE
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
        indexes = [
            # The visibility rule, and what counting public releases by year needs, in the
            # index alone (PostgreSQL: index-only scans).
            models.Index(
                fields=["status", "publish_at"],
                include=["embargo_until", "release_date"],
                name="release_visibility",
            ),
            # Embargoes lifted since a moment (the news sitemap, the next due moment).
            models.Index(
                fields=["embargo_until"],
                condition=Q(embargo_until__isnull=False),
                name="release_embargo_lift",
            ),
            # Lists and search candidates walk releases newest first (Meta.ordering), a year's
            # are a range of it; with the visibility rule's columns, in the index alone.
            models.Index(
                fields=["-release_date", "-publish_at", "-id"],
                include=["status", "embargo_until"],
                name="release_recency",
            ),
        ]
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
        """Title and body exist in ``language`` (a title alone is not a translation); in SQL,
        ``written_in(language)``."""
        original_body = getattr(self, f"body_{self.original_language}", "")
        return bool(getattr(self, f"title_{language}", "")) and bool(
            getattr(self, f"body_{language}", "") or not original_body
        )

    def is_out_at(self, now):
        """The Python twin of ``out_at``: published and due at ``now``."""
        return (
            self.status == ReleaseStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
        )

    def has_embargo_ahead(self, now):
        return self.embargo_until is not None and self.embargo_until > now

    def is_public_at(self, now):
        """The Python twin of ``published(now)`` (``published_at``): anyone may read it at
        ``now``. tests/releases/test_visibility_rule.py checks the two agree in every state."""
        return self.is_out_at(now) and not self.has_embargo_ahead(now)

    def is_embargoed_at(self, now):
        """The Python twin of ``under_embargo(now)``: out to accredited journalists only."""
        return self.is_out_at(now) and self.has_embargo_ahead(now)

    @property
    def is_under_embargo(self):
        """An embargo still ahead, whatever the status or publication time (a scheduled or
        draft release's too: badges, banners, the staff timeline). Not the visibility rule:
        for that, ``is_embargoed_at(now)``, which also needs it published and due."""
        return self.has_embargo_ahead(timezone.now())

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
    def public_from(self):
        """When anyone may read it, if published: ``published(now)`` (``is_public_at(now)``)
        holds exactly when this is at or before ``now``, since a published release always has
        a ``publish_at`` (constraint ``release_published_has_time``). None otherwise (search
        documents keep a copy; tests/releases/test_visibility_rule.py checks the equivalence)."""
        return self.made_public_at if self.status == ReleaseStatus.PUBLISHED else None

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
        text = as_text(self.body)
        lines = [line.strip() for line in text.splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

    @property
    def display_language(self):
        """The language its text is shown in now: the reader's, or the original as fallback."""
        language = translation.get_language()
        return language if self.is_translated(language) else self.original_language
