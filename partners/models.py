"""Institutions that issue releases, the people who speak for them, and their partnerships."""

import datetime
from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from PIL import UnidentifiedImageError

from core.ordering import Ordered
from core.richtext import RichTextField
from core.rights import Licensed
from core.uploads import ReencodedImageField
from core.validators import validate_image

from .uploads import logo_path, partner_image_path, small_logo


class InstitutionKind(models.TextChoices):
    CANCER_CENTRE = "cancer_centre", _("Cancer centre / hospital")
    COMPANY = "company", _("Company")
    RESEARCH_CLUSTER = "research_cluster", _("Research cluster")
    PUBLIC_BODY = "public_body", _("Public body")


class Listing(models.TextChoices):
    """Whether the public may know of a row before a release names it.

    New rows wait for a release (an import, an unannounced partnership): they are listed once
    a release naming them is public, at its minute. Staff may list them at once. Which rows
    are listed now is computed by the public pages (``newsroom.listing``), which know releases.
    """

    WITH_RELEASE = "with_release", _("Once a public release names it")
    PUBLIC = "public", _("Now")


LISTING_HELP = _(
    "Listed once a public release names it, or now. Until then the public sees nothing of it."
)


def listing_field():
    return models.CharField(
        _("listed on the public site"),
        max_length=20,
        choices=Listing.choices,
        default=Listing.WITH_RELEASE,
        help_text=LISTING_HELP,
    )


def listing_valid(model_name):
    return models.CheckConstraint(
        condition=models.Q(listing__in=Listing.values), name=f"{model_name}_listing_valid"
    )


class Institution(models.Model):
    Kind = InstitutionKind

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Used in lists, e.g. “Sanofi”.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    boilerplate = RichTextField(
        _("boilerplate"), blank=True, help_text=_("The “About …” paragraph closing each release.")
    )
    website = models.URLField(_("website"), blank=True)
    logo = ReencodedImageField(
        _("logo"), upload_to=logo_path, blank=True, validators=[validate_image]
    )
    # The logo as pages show it (``logo_shown``): a small WebP copy made from ``logo`` at each
    # new upload (``logo_small_of``: which one).
    logo_small = models.ImageField(upload_to=logo_path, editable=False, blank=True)
    logo_small_of = models.CharField(max_length=255, editable=False, blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="institutions",
        verbose_name=_("communications staff"),
        help_text=_("Editors who write this institution's releases."),
    )
    member_of = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="members",
        verbose_name=_("member of"),
        help_text=_("Clusters or networks this institution belongs to."),
    )
    listing = listing_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=InstitutionKind.values),
                name="institution_kind_valid",
            ),
            models.CheckConstraint(condition=~models.Q(slug=""), name="institution_slug_set"),
            listing_valid("institution"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.logo_small_of != (self.logo.name or ""):
            try:
                small = small_logo(self.logo.file) if self.logo else None
            except (OSError, UnidentifiedImageError):
                return  # a stored logo gone from disk: pages show it as it was, tried again later
            if small:
                self.logo_small.save("logo.webp", small, save=False)
            else:
                self.logo_small = ""
            self.logo_small_of = self.logo.name or ""
            super().save(update_fields=["logo_small", "logo_small_of"])

    @property
    def logo_shown(self):
        """The logo for pages: its small copy, or the original while it has none (stored before
        copies were made, or gone from disk). The original is what JSON-LD and downloads give."""
        return self.logo_small or self.logo

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def boilerplate_text(self):
        return unescape(strip_tags(self.boilerplate or "")).strip()

    @property
    def website_label(self):
        """The address as printed in releases: "www.gustaveroussy.fr"."""
        return self.website.split("://", 1)[-1].rstrip("/")


class KeyFact(Ordered):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="key_facts")
    text = models.CharField(_("key fact"), max_length=200)

    class Meta(Ordered.Meta):
        verbose_name = _("key fact")
        verbose_name_plural = _("key facts")

    def __str__(self):
        return self.text


class Site(Ordered):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("name"), max_length=120)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=80, default="France")

    class Meta(Ordered.Meta):
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return f"{self.name} ({self.city})"


class StockListing(models.Model):
    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="stock_listings"
    )
    exchange = models.CharField(_("exchange"), max_length=30, help_text=_("e.g. EURONEXT"))
    ticker = models.CharField(_("ticker"), max_length=12, help_text=_("e.g. SAN"))

    class Meta:
        ordering = ["exchange", "ticker"]
        verbose_name = _("stock listing")
        verbose_name_plural = _("stock listings")
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "ticker"],
                name="stocklisting_unique",
                violation_error_message=_("This listing is already recorded."),
            ),
            models.CheckConstraint(
                condition=models.Q(exchange__gt="", ticker__gt=""), name="stocklisting_not_blank"
            ),
        ]

    def __str__(self):
        return f"{self.exchange}: {self.ticker}"

    def save(self, *args, **kwargs):
        self.normalise()
        super().save(*args, **kwargs)

    def clean(self):
        # Runs before uniqueness is checked, so "euronext"/"san" is reported as a duplicate.
        self.normalise()

    def normalise(self):
        """Tickers are written in capitals; normalising keeps the unique constraint honest."""
        self.exchange = self.exchange.strip().upper()
        self.ticker = self.ticker.strip().upper()


class SocialProfile(Ordered):
    class Network(models.TextChoices):
        X = "x", "X (Twitter)"
        FACEBOOK = "facebook", "Facebook"
        LINKEDIN = "linkedin", "LinkedIn"
        INSTAGRAM = "instagram", "Instagram"
        YOUTUBE = "youtube", "YouTube"
        BLUESKY = "bluesky", "Bluesky"
        MASTODON = "mastodon", "Mastodon"

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="social_profiles"
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    url = models.URLField(_("URL"))

    class Meta(Ordered.Meta):
        verbose_name = _("social profile")
        verbose_name_plural = _("social profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "network"], name="socialprofile_one_per_network"
            )
        ]

    def __str__(self):
        return self.get_network_display()


class Person(models.Model):
    honorific = models.CharField(
        _("honorific"), max_length=20, blank=True, help_text=_("e.g. “Pr”, “Dr”.")
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    institution = models.ForeignKey(
        Institution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("institution"),
    )
    listing = listing_field()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(condition=~models.Q(slug=""), name="person_slug_set"),
            listing_valid("person"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def name_with_honorific(self):
        return f"{self.honorific} {self.full_name}".strip()


# Languages a media contact can answer journalists in (codes; names come from Django's locale data).
SPOKEN_LANGUAGES = ["fr", "en", "de", "es", "it", "nl", "pt", "zh-hans", "ja", "ar"]


def validate_language_codes(value):
    if not isinstance(value, list) or not set(value) <= set(SPOKEN_LANGUAGES):
        raise ValidationError(_("Choose languages from the list."), code="invalid_languages")


class MediaContact(Ordered):
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="media_contacts",
        verbose_name=_("person"),
    )
    name = models.CharField(
        _("name"),
        max_length=160,
        blank=True,
        help_text=_("For a press office or someone not recorded as a person."),
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="media_contacts",
        verbose_name=_("institution"),
    )
    role = models.CharField(_("role"), max_length=160, blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, validators=[validate_language_codes]
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Untick for contacts shown to staff only.")
    )
    # Separate from ``is_public``: an internal contact is never listed, whatever this says.
    listing = listing_field()
    # Out of office: shown on the contact's card from the first to the last day (Paris dates),
    # decided at each request (and by the page cache's next change), not by a job.
    away_note = models.CharField(
        _("out-of-office note"),
        max_length=300,
        blank=True,
        help_text=_("Shown during the absence, e.g. “please write to …”."),
    )
    away_from = models.DateField(
        _("away from"), null=True, blank=True, help_text=_("First day of the absence.")
    )
    away_until = models.DateField(
        _("away until"),
        null=True,
        blank=True,
        help_text=_("Last day of the absence; the note is shown until then."),
    )

    class Meta(Ordered.Meta):
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(name__gt=""),
                name="mediacontact_has_name",
            ),
            models.CheckConstraint(
                condition=models.Q(phone__gt="") | models.Q(email__gt=""),
                name="mediacontact_reachable",
            ),
            listing_valid("mediacontact"),
            models.CheckConstraint(
                condition=models.Q(away_from__isnull=True)
                | models.Q(away_until__isnull=True)
                | models.Q(away_until__gte=models.F("away_from")),
                name="mediacontact_away_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.institution})"

    @property
    def display_name(self):
        return self.name or (self.person.full_name if self.person else "")

    @property
    def language_names(self):
        """Spoken languages named in the reader's language ("anglais" / "English")."""
        return [translation.get_language_info(code)["name_translated"] for code in self.languages]

    def clean(self):
        errors = {}
        if not self.person_id and not self.name:
            errors["name"] = _("Give a name or choose a person.")
        if not self.phone and not self.email:
            errors["email"] = _("Give at least a phone number or an email address.")
        if self.away_from and self.away_until and self.away_until < self.away_from:
            errors["away_until"] = _("The last day of the absence cannot be before the first.")
        elif (self.away_from or any(self.away_notes())) and not self.away_until:
            errors["away_until"] = _("Give the last day of the absence.")
        if errors:
            raise ValidationError(errors)

    def away_notes(self):
        return [getattr(self, f"away_note_{code}", "") for code, _name in settings.LANGUAGES]

    @property
    def is_away(self):
        """Out of office today (in Paris): from ``away_from`` (or now) to ``away_until``."""
        today = timezone.localdate()
        if not self.away_until or self.away_until < today:
            return False
        return not self.away_from or self.away_from <= today


def next_away_change(now):
    """The next moment an out-of-office note appears or disappears (midnight in Paris on the
    first day, and after the last), or None: public pages change then, unedited."""
    today = timezone.localdate(now)
    moments = MediaContact.objects.aggregate(
        start=models.Min("away_from", filter=models.Q(away_from__gt=today)),
        end=models.Min("away_until", filter=models.Q(away_until__gte=today)),
    )
    days = [moments["start"], moments["end"] and moments["end"] + datetime.timedelta(days=1)]
    return min(
        (
            timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
            for day in days
            if day
        ),
        default=None,
    )


class Partnership(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    institutions = models.ManyToManyField(
        Institution, related_name="partnerships", verbose_name=_("institutions")
    )
    description = RichTextField(_("description"), blank=True)
    listing = listing_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(condition=~models.Q(slug=""), name="partnership_slug_set"),
            listing_valid("partnership"),
        ]

    def __str__(self):
        return self.name


class Milestone(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="milestones"
    )
    date = models.DateField(_("date"))
    # Histories often know only the year ("signed in 2012"): say so rather than invent a day.
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "date"], name="milestone_one_per_date")
        ]

    def __str__(self):
        return f"{self.date.year} – {self.title}"


class ResearchProject(Ordered):
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="research_projects",
        verbose_name=_("partnership"),
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")

    def __str__(self):
        return self.title


class PartnerImage(Ordered, Licensed):
    """A logo, headshot or site photo an institution offers journalists (the media library).
    Public only while its institution (and its person, if any) is listed (``newsroom.listing``).
    ``Institution.logo`` stays the logo pages show; the library offers these, with rights."""

    class Kind(models.TextChoices):
        LOGO = "logo", _("Logo")
        HEADSHOT = "headshot", _("Headshot")
        SITE = "site", _("Site photo")
        OTHER = "other", _("Other image")

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="images", verbose_name=_("institution")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="images",
        verbose_name=_("person"),
        help_text=_("For a headshot: who it shows."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    image = ReencodedImageField(
        _("image"),
        upload_to=partner_image_path,
        validators=[validate_image],
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for screen readers."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    class Meta(Ordered.Meta):
        verbose_name = _("image for journalists")
        verbose_name_plural = _("images for journalists")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["logo", "headshot", "site", "other"]),
                name="partnerimage_kind_valid",
            )
        ]

    def __str__(self):
        return self.alt_text or self.image.name

    def clean(self):
        if (
            self.person_id
            and self.institution_id
            and self.person.institution_id
            not in (
                None,
                self.institution_id,
            )
        ):
            raise ValidationError({"person": _("This person belongs to another institution.")})
