"""The press-release app's models, one module per concern."""

from .releases import (
    Attachment,
    PressRelease,
    PressReleaseQuerySet,
    Quote,
    ReleaseContact,
    ReleaseImage,
    ReleaseIssuer,
    ReleaseStatus,
    Topic,
    detail_prefetches,
    list_prefetches,
    validate_doi,
)

__all__ = [
    "Attachment",
    "PressRelease",
    "PressReleaseQuerySet",
    "Quote",
    "ReleaseContact",
    "ReleaseImage",
    "ReleaseIssuer",
    "ReleaseStatus",
    "Topic",
    "detail_prefetches",
    "list_prefetches",
    "validate_doi",  # referenced by migration 0001
]
