"""The alert pages, under /fr/ and /en/ with translated URL words (config/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "alerts"


urlpatterns = [
    path(_("alerts/"), views.subscribe, name="subscribe"),
    path(_("alerts/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("alerts/preferences/<str:token>/"), views.preferences, name="preferences"),
    path(_("alerts/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
