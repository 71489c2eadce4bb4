"""The alert pages, under /fr/ and /en/ with translated URL words (public_urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("alerts/"), views.subscribe, name="alerts_subscribe"),
    path(_("alerts/confirm/<str:token>/"), views.confirm, name="alerts_confirm"),
    path(_("alerts/preferences/<str:token>/"), views.preferences, name="alerts_preferences"),
    path(_("alerts/unsubscribe/<str:token>/"), views.unsubscribe, name="alerts_unsubscribe"),
]
