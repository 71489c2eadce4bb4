"""Public pages, under /fr/ and /en/ with translated URL words; what anonymous readers all
see is cached (``cached_page``)."""

from django.contrib.auth.views import LogoutView
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import clock_views, feeds, journalists, library_views, partner_views, views
from .page_cache import cached_page

app_name = "newsroom"

urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path(_("press-releases/"), cached_page(views.release_list), name="release_list"),
    path(
        _("press-releases/<slug:slug>/"), cached_page(views.release_detail), name="release_detail"
    ),
    path(_("press-releases/<slug:slug>/media-kit/"), views.release_media_kit, name="media_kit"),
    path(_("preview/<str:token>/"), views.release_preview, name="preview"),
    path(
        _("press-releases/<slug:slug>/embargo.ics"),
        clock_views.release_calendar,
        name="embargo_ics",
    ),
    path(_("preview/<str:token>/embargo.ics"), clock_views.preview_calendar, name="preview_ics"),
    path(_("feeds/rss/"), cached_page(feeds.ReleaseFeed()), name="feed_rss"),
    path(_("feeds/atom/"), cached_page(feeds.AtomReleaseFeed()), name="feed_atom"),
    path(
        _("institutions/<slug:institution>/feeds/rss/"),
        cached_page(feeds.ReleaseFeed()),
        name="institution_feed_rss",
    ),
    path(
        _("institutions/<slug:institution>/feeds/atom/"),
        cached_page(feeds.AtomReleaseFeed()),
        name="institution_feed_atom",
    ),
    path(
        _("topics/<slug:topic>/feeds/rss/"), cached_page(feeds.ReleaseFeed()), name="topic_feed_rss"
    ),
    path(
        _("topics/<slug:topic>/feeds/atom/"),
        cached_page(feeds.AtomReleaseFeed()),
        name="topic_feed_atom",
    ),
    path(
        _("institutions/<slug:slug>/"),
        cached_page(partner_views.institution_detail),
        name="institution_detail",
    ),
    path(
        _("spokespeople/<slug:slug>/"),
        cached_page(partner_views.person_detail),
        name="person_detail",
    ),
    path(
        _("partnerships/<slug:slug>/"),
        cached_page(partner_views.partnership_detail),
        name="partnership_detail",
    ),
    path(_("journalists/sign-up/"), journalists.journalist_sign_up, name="journalist_signup"),
    path(_("journalists/sign-in/"), journalists.JournalistSignIn.as_view(), name="signin"),
    path(_("journalists/sign-out/"), LogoutView.as_view(next_page="newsroom:home"), name="signout"),
    path(_("media-contacts/"), cached_page(partner_views.contact_directory), name="contacts"),
    path(
        _("media-contacts/<int:pk>/vcard/"),
        partner_views.contact_vcard_download,
        name="contact_vcard",
    ),
    path(_("media-library/"), cached_page(library_views.library), name="media_library"),
    path(
        _("media-library/<slug:source>/<int:pk>/download/"),
        library_views.download,
        name="media_download",
    ),
]
