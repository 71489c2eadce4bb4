from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Newsroom back office")
admin.site.site_title = _("Newsroom back office")
admin.site.index_title = _("Press releases, institutions and contacts")

urlpatterns = [
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("newsroom.public_urls")),
    prefix_default_language=True,
)

# Development only (static() is empty when DEBUG is off): production media are served by the
# web server, and later through a permission gate for non-public releases.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
