"""What a journalist may do with an image, a document or a video: credit, licence, usage
restriction and expiry, the same fields on every asset the newsroom offers (release images,
attachments and videos, logos, headshots, site photos).

Shared by both apps, so it lives here (``partners`` knows nothing of ``newsroom``).
"""

import datetime
import re

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A copyright sign typed at the start of a credit ("© Inserm", "(c) Inserm", "Copyright: Inserm"):
# pages add their own, so it would show twice.
COPYRIGHT_SIGN = re.compile(r"^(?:\s*(?:©|\(c\)|copyright\b)\s*:?)+\s*", re.IGNORECASE)


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0 (reuse with credit)")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0 (reuse with credit, share alike)")
    CC_BY_ND = "cc-by-nd-4.0", _("CC BY-ND 4.0 (reuse with credit, no changes)")
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    EDITORIAL = "editorial", _("Editorial use only")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


# The licence's page, for JSON-LD ``license`` and XMP ``xmpRights:WebStatement``; the licences
# without a public text have none.
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class Licensed(models.Model):
    """Abstract: the rights of one asset. ``credit`` and ``licence`` are required in forms
    (blank in the database only for rows stored before they existed)."""

    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Who holds the rights, e.g. “Inserm”.")
    )
    licence = models.CharField(_("licence"), max_length=24, choices=Licence, blank=True)
    usage_restriction = models.CharField(
        _("usage restriction"),
        max_length=300,
        blank=True,
        help_text=_("e.g. “Only in coverage of this release”."),
    )
    expires_on = models.DateField(
        _("offered until"),
        null=True,
        blank=True,
        help_text=_("After this day the asset is no longer offered to journalists."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.credit = COPYRIGHT_SIGN.sub("", self.credit or "").strip()
        super().save(*args, **kwargs)

    @property
    def credit_notice(self):
        """The credit as shown, with one copyright sign ("© Inserm"); empty without a credit."""
        name = COPYRIGHT_SIGN.sub("", self.credit or "").strip()
        return f"© {name}" if name else ""

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def is_offered_on(self, day=None):
        """False once the expiry day has passed (an asset is offered through its last day)."""
        day = day or timezone.localdate()
        return self.expires_on is None or day <= self.expires_on

    @staticmethod
    def offered_filter(day: datetime.date | None = None, prefix=""):
        """The ``Q`` of assets still offered on ``day`` (for querysets)."""
        day = day or timezone.localdate()
        return models.Q(**{f"{prefix}expires_on__isnull": True}) | models.Q(
            **{f"{prefix}expires_on__gte": day}
        )

    @property
    def usage_terms(self):
        """The licence's name and the restriction, as one sentence (XMP's UsageTerms)."""
        parts = (self.get_licence_display(), self.usage_restriction)
        return ". ".join(str(part) for part in parts if part)

    @staticmethod
    def expiry_moment(expires_on):
        """When an asset offered until ``expires_on`` stops being offered: the start of the next
        day in the site's time zone (Paris)."""
        next_day = expires_on + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time()))

    def rights_jsonld(self):
        """schema.org's rights properties of an ImageObject / MediaObject / VideoObject."""
        data = {}
        if self.licence_url:
            data["license"] = self.licence_url
        if self.credit:
            data["creditText"] = self.credit
            data["copyrightNotice"] = self.credit_notice
        return data


RIGHTS_MISSING = _(
    "Give the credit and the licence of this file: journalists may use only what they know "
    "they are allowed to."
)


class LicensedForm(forms.ModelForm):
    """A form of a ``Licensed`` asset: credit and licence are required at upload, for a new
    asset and whenever its file is replaced (older rows may lack them until then)."""

    file_field = "image"

    def clean(self):
        cleaned = super().clean()
        new_file = not self.instance.pk or self.file_field in self.changed_data
        if new_file and cleaned.get(self.file_field):
            for name in ("credit", "licence"):
                if name in self.fields and not cleaned.get(name):
                    self.add_error(name, RIGHTS_MISSING)
        return cleaned


def lacks_rights(asset):
    return not (asset.credit and asset.licence)
