"""The workflow's steps (``ACTIONS``: which statuses each leaves and reaches, with which
permission), what happened to a release (transitions) and public corrections. The steps live
here, not in workflow.py, so history can name them without importing the services."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease, ReleaseStatus


class ReleaseTransition(models.Model):
    """One workflow step: who moved the release from which status to which, when, and why."""

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    from_status = models.CharField(_("from"), max_length=20, choices=ReleaseStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ReleaseStatus.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Correction(models.Model):
    """A change to a published release, shown publicly: "Updated on …: …"."""

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="corrections")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("correction note"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return self.note[:80]


S = ReleaseStatus


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    sources: tuple
    target: str
    permission: str | None  # None: whoever may edit the release


ACTIONS = {
    action.name: action
    for action in (
        Action("submit", _("Submit for review"), (S.DRAFT,), S.IN_REVIEW, None),
        Action("approve", _("Approve"), (S.IN_REVIEW,), S.APPROVED, "approve_pressrelease"),
        Action("return_to_draft", _("Return to draft"), (S.IN_REVIEW, S.APPROVED), S.DRAFT, None),
        Action(
            "publish", _("Publish or schedule"), (S.APPROVED,), S.PUBLISHED, "publish_pressrelease"
        ),
        Action("withdraw", _("Withdraw"), (S.PUBLISHED,), S.WITHDRAWN, "withdraw_pressrelease"),
    )
}
del S  # only a short name for the table above
