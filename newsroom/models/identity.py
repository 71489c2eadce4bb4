"""The newsroom's own identity (name, logo, accent colour, footer), edited by administrators.

One row. Pages read it from this process's memory, checked against the ``version`` the page
cache reads with the content version (``page_cache.READ``): a cached page costs no query for
it, and a save elsewhere (another worker) is seen at the next cached page's request.
"""

import re
import time

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.uploads import ReencodedImageField, random_name
from core.validators import validate_image

from .pages import new_token

ACCENT_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2 AA for normal text: the accent is the colour of links and of buttons' background.
MIN_CONTRAST = 4.5
DEFAULT_ACCENT = "#0b5cad"
LOGO_HEIGHT = 40  # pixels, in the header
# What the site showed before the identity could be edited (the migration's row, load_demo).
DEFAULTS = {
    "name_fr": "Salle de presse",
    "name_en": "Newsroom",
    "footer_text_fr": (
        "Salle de presse de Gustave Roussy, de Sanofi et du Paris Saclay Cancer Cluster."
    ),
    "footer_text_en": "Newsroom of Gustave Roussy, Sanofi and the Paris Saclay Cancer Cluster.",
    "accent": DEFAULT_ACCENT,
}


def luminance(colour):
    """WCAG relative luminance of ``#rrggbb``."""

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(colour):
    return 1.05 / (luminance(colour) + 0.05)


def darker(colour, factor=0.7):
    """The accent for hover and pressed states: the same hue, darker (#0b5cad gives about
    site.css's own #083f78)."""
    return "#" + "".join(f"{round(int(colour[i : i + 2], 16) * factor):02x}" for i in (1, 3, 5))


def validate_accent(value):
    if not ACCENT_PATTERN.match(value or ""):
        raise ValidationError(
            _("Enter the colour as # followed by six hexadecimal digits, e.g. #0b5cad."),
            code="accent_format",
        )
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: white text on it, and it on white, would be hard "
                "to read (contrast %(ratio)s:1, at least %(minimum)s:1 needed). Choose a "
                "darker one."
            ),
            code="accent_contrast",
            params={
                "ratio": formats.number_format(ratio, 2),
                "minimum": formats.number_format(MIN_CONTRAST, 1),
            },
        )


def identity_logo_path(instance, filename):
    # Its own folder: the media gate serves this folder's current logo to anyone.
    return random_name("identity", filename)


class NewsroomIdentity(models.Model):
    """The one row (pk 1) the migration creates; never added nor deleted in the admin."""

    name = models.CharField(_("name"), max_length=80)
    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    logo = ReencodedImageField(
        _("logo"),
        upload_to=identity_logo_path,
        blank=True,
        validators=[validate_image],
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("PNG, JPEG, WebP or GIF; shown next to the name, about 40 pixels high."),
    )
    # Kept at upload: the header's <img> gets its size without the file being opened.
    logo_width = models.PositiveIntegerField(null=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, editable=False)
    accent = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_accent],
        help_text=_("Links and buttons, as #rrggbb; dark enough to read white text on it (4.5:1)."),
    )
    # Changes at every save: what processes compare to know their copy is current.
    version = models.CharField(max_length=16, default=new_token, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("newsroom identity")
        verbose_name_plural = _("newsroom identity")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        self.version = new_token()
        super().save(*args, **kwargs)
        forget()  # read again, as committed (or not), by this process's next page

    @property
    def logo_url(self):
        return self.logo.url if self.logo else ""

    @property
    def logo_size(self):
        """(width, height) the header shows the logo at: LOGO_HEIGHT pixels high, so the
        page's layout does not move when it loads."""
        if not (self.logo and self.logo_width and self.logo_height):
            return None
        return round(self.logo_width * LOGO_HEIGHT / self.logo_height), LOGO_HEIGHT

    @property
    def accent_dark(self):
        return darker(self.accent)

    @property
    def css_version(self):
        """Part of identity.css's URL: a new colour is a new URL (the file is kept a year)."""
        return self.accent.lower().lstrip("#")


class _Memory:
    """This process's copy: (version, row, when it was read); replaced whole, never edited."""

    entry = None


_memory = _Memory()
# A process that serves only signed-in pages (which do not read the version) still reads the
# row again after this long.
MAX_AGE = 300


def remember(identity, version=None):
    _memory.entry = (version or identity.version, identity, time.monotonic())


def forget():
    _memory.entry = None


def current_identity(version=None):
    """The identity; ``version``: the one the page cache just read (None: not read)."""
    entry = _memory.entry
    if entry is not None:
        seen, identity, read_at = entry
        if version is None and time.monotonic() - read_at < MAX_AGE:
            return identity
        if version is not None and version == seen:
            return identity
    identity = NewsroomIdentity.objects.filter(pk=1).first()
    if identity is None:  # before the migration's row (a flushed test database)
        identity = NewsroomIdentity(pk=1, name_fr="Salle de presse", name_en="Newsroom", version="")
    remember(identity)
    return identity
