"""The press-release app's models, one module per concern."""

from .identity import NewsroomIdentity, current_identity
from .journalists import EmbargoedView, Journalist
from .pages import ContentVersion
from .parts import (
    Attachment,
    Quote,
    ReleaseContact,
    ReleaseImage,
    ReleaseIssuer,
    ReleaseVideo,
)
from .prefetches import list_prefetches
from .previews import PreviewLink
from .releases import (
    PressRelease,
    PressReleaseQuerySet,
    ReleaseStatus,
    Topic,
    is_accredited,
    published_at,
    validate_doi,
    written_in,
)
from .search import SearchDocument
from .workflow import Correction, ReleaseTransition

__all__ = [
    "Attachment",
    "ContentVersion",
    "Correction",
    "EmbargoedView",
    "Journalist",
    "NewsroomIdentity",
    "PressRelease",
    "PressReleaseQuerySet",
    "PreviewLink",
    "Quote",
    "ReleaseContact",
    "ReleaseImage",
    "ReleaseIssuer",
    "ReleaseStatus",
    "ReleaseTransition",
    "ReleaseVideo",
    "SearchDocument",
    "Topic",
    "current_identity",
    "is_accredited",
    "list_prefetches",
    "published_at",
    "validate_doi",  # referenced by migration 0001
    "written_in",
]
