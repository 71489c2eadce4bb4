"""RSS 2.0 and Atom feeds of published releases, per language, institution and topic."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .branding import identity_of
from .listing import listed_institutions
from .models import PressRelease, Topic

FEED_SIZE = 30


class ReleaseFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, institution=None, topic=None):
        # This process's copy of the identity checked now, against the version the page cache
        # read (title() and description() have no request).
        identity_of(request)
        if institution:
            return {"institution": get_object_or_404(listed_institutions(), slug=institution)}
        if topic:
            field = f"slug_{translation.get_language()}"
            # Only topics of public releases: a topic's name can itself be news.
            return {"topic": get_object_or_404(Topic.objects.public(), **{field: topic})}
        return {}

    def title(self, scope):
        newsroom = identity_of().name
        if "institution" in scope:
            title = _("Press releases of %(name)s") % {"name": scope["institution"].name}
        elif "topic" in scope:
            title = _("Press releases: %(topic)s") % {"topic": scope["topic"].name}
        else:
            title = _("Press releases")
        return f"{title} — {newsroom}"

    def link(self, scope):
        if "institution" in scope:
            return scope["institution"].get_absolute_url()
        url = reverse("newsroom:release_list")
        if "topic" in scope:
            slug = getattr(scope["topic"], f"slug_{translation.get_language()}")
            return f"{url}?{urlencode({'topic': slug})}"
        return url

    def description(self, scope):
        if tagline := identity_of().tagline:
            return escape(tagline)  # read as HTML by feed readers, as item descriptions are
        return _("Press releases, experts and media contacts of our partner institutions.")

    def items(self, scope):
        releases = PressRelease.objects.published().filtered(**scope).for_display()
        return releases.prefetch_related("topics")[:FEED_SIZE]  # items' categories

    def item_title(self, release):
        with translation.override(release.display_language):
            return release.title

    def item_description(self, release):
        # Plain text, where RSS's description and Atom's summary (type="html") are read as
        # HTML by feed readers: escaped, "<script>" in a subtitle is shown, never run.
        with translation.override(release.display_language):
            return escape(release.summary)

    def item_link(self, release):
        return release.get_absolute_url()

    def item_pubdate(self, release):
        return release.made_public_at

    def item_updateddate(self, release):
        return release.updated_at

    def item_author_name(self, release):
        return ", ".join(institution.name for institution in release.issuers.all())

    def item_categories(self, release):
        return [topic.name for topic in release.topics.all()]


class AtomReleaseFeed(ReleaseFeed):
    feed_type = Atom1Feed

    def subtitle(self, scope):
        return self.description(scope)
