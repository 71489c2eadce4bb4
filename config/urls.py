"""The root URLs: the back office, media, sitemaps and files at fixed addresses; public pages
under a language prefix (``newsroom/public_urls.py``)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from newsroom import sitemaps
from newsroom.branding import identity_css
from newsroom.db_outage import server_error
from newsroom.media import serve_media
from newsroom.page_cache import cached_page
from newsroom.views import favicon, news_sitemap, robots_txt

# The header and title name the newsroom (NewsroomAdminSite.each_context).
admin.site.index_title = _("Press releases, institutions and contacts")

urlpatterns = [
    path("admin/", admin.site.urls),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media"),
    path("sitemap.xml", cached_page(sitemaps.index), name="sitemap"),
    path(
        "sitemap-releases-<int:year>.xml", cached_page(sitemaps.releases), name="sitemap_releases"
    ),
    path(
        "sitemap-<slug:section>.xml",
        cached_page(sitemap),
        {"sitemaps": sitemaps.FIXED},
        name="sitemap_section",
    ),
    path("news-sitemap.xml", cached_page(news_sitemap), name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("identity.css", identity_css, name="identity_css"),
]

urlpatterns += i18n_patterns(
    path("", include("newsroom.public_urls")),
    path("", include("alerts.urls")),
    prefix_default_language=True,
)


def page_not_found(request, exception):
    # Tells the context processor not to offer this missing page in the other language.
    request.is_error_page = True
    return defaults.page_not_found(request, exception)


handler404 = page_not_found


# 503 with a clear page while the database is unreachable (newsroom/db_outage.py).
handler500 = server_error
