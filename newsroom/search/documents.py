"""The text search indexes for a release, per site language, weighted by where it appears."""

from typing import NamedTuple

from django.db.models import Prefetch
from django.utils import translation

from core.languages import LANGUAGE_CODES

from ..models import PressRelease, Quote


class Document(NamedTuple):
    release_id: int
    language: str
    title: str  # weight A
    subtitle: str  # weight B
    body: str  # weight C: body and quotes
    extra: str  # weight C too: speakers, issuers, topics, research projects
    # The release's recency and visibility (SearchDocument's copies).
    release_date: object
    publish_at: object
    public_from: object
    # What the search's facets count (SearchDocument's copies).
    institution_ids: list
    topic_ids: list

    @property
    def texts(self):
        return self.title, self.subtitle, self.body, self.extra


def releases_to_index(release_ids):
    return PressRelease.objects.filter(pk__in=release_ids).prefetch_related(
        Prefetch("quotes", queryset=Quote.objects.select_related("person")),
        "issuers",
        "topics",
        "research_projects",
    )


def documents(release_ids):
    """One Document per release and language: the text the page in that language shows
    (modeltranslation's fallback included), so what is found is what is read."""
    for release in releases_to_index(release_ids):
        for code in LANGUAGE_CODES:
            with translation.override(code):
                yield document(release, code)


def document(release, language):
    quotes = list(release.quotes.all())
    issuers, topics = list(release.issuers.all()), list(release.topics.all())
    names = [
        *(f"{quote.person.full_name} {quote.title_shown}" for quote in quotes),
        *(f"{issuer.name} {issuer.short_name}" for issuer in issuers),
        *(topic.name for topic in topics),
        *(project.title for project in release.research_projects.all()),
    ]
    return Document(
        release_id=release.pk,
        language=language,
        title=release.title or "",
        subtitle=release.subtitle or "",
        body="\n".join([release.body_as_text, *(quote.text for quote in quotes)]),
        extra="\n".join(name for name in names if name),
        release_date=release.release_date,
        publish_at=release.publish_at,
        public_from=release.public_from,
        institution_ids=sorted(issuer.pk for issuer in issuers),
        topic_ids=sorted(topic.pk for topic in topics),
    )
