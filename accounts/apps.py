from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff and journalists' sign-in: no models of its own (Django's users, django-otp's
    devices, django-axes' logs); its admin.py registers the sign-in audit."""

    default = True
    name = "accounts"
    verbose_name = _("Accounts")


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the newsroom's site as ``admin.site`` (named in
    INSTALLED_APPS; "accounts" alone is AccountsConfig)."""

    default = False
    default_site = "accounts.admin_site.NewsroomAdminSite"
