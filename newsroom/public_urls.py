from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "newsroom"

urlpatterns = [
    path("", views.release_list, name="release_list"),
    path(_("press-releases/<slug:slug>/"), views.release_detail, name="release_detail"),
]
