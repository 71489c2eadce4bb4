from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    # Its own app label: saves of subscribers and deliveries are not page content, so they
    # never change the page cache's version (page_cache.SHOWN_APPS).
    name = "alerts"
    label = "alerts"
    verbose_name = _("Email alerts")

    def ready(self):
        from . import scheduling  # noqa: F401  (enqueues alerts when a release is saved)
