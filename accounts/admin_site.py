"""The back office: staff who turned two-factor authentication on reach it only from a
session their code verified (not from one opened on the journalists' sign-in page, say).

Its home is the staff dashboard (templates/admin/index.html), then the editorial sections;
the technical ones (accounts, sign-in audit, authenticators, task results) are grouped under
one "Administration" section that only administrators see."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .forms import StaffSignInForm

# Editorial sections first, in this order; any other one after them, by name.
EDITORIAL_APPS = ["newsroom", "partners", "alerts"]
# Grouped under "Administration", in this order.
TECHNICAL_APPS = ["auth", "axes", "otp_totp", "otp_static", "django_tasks_database"]
# Models of editorial apps that are administrators' business, first in "Administration".
ADMINISTRATION_MODELS = {"NewsroomIdentity"}


def is_administrator(user):
    """Administrators manage staff accounts (superusers, the Administrator group)."""
    return user.is_active and user.is_staff and user.has_perm("auth.change_user")


class NewsroomAdminSite(admin.AdminSite):
    login_form = StaffSignInForm
    login_template = "admin/newsroom_login.html"

    def each_context(self, request):
        from newsroom.branding import identity_of

        context = super().each_context(request)
        # The newsroom's own name (NewsroomIdentity), in the administrator's language.
        title = _("%(name)s — back office") % {"name": identity_of(request).name}
        return {**context, "site_header": title, "site_title": title}

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        user = request.user
        # is_verified() reads what OTPMiddleware set: the device query only when it is False.
        return user.is_verified() or not user_has_device(user, confirmed=True)

    def get_urls(self):
        from .views import two_factor

        return [
            path("two-factor/", self.admin_view(two_factor), name="two_factor"),
            path(
                "administration/",
                self.admin_view(self.administration_view),
                name="administration",
            ),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps  # one application's own page
        section = self.administration_section(request, apps)
        editorial = [app for app in apps if app["app_label"] not in TECHNICAL_APPS]
        for app in editorial:
            app["models"] = [
                model
                for model in app["models"]
                if model["object_name"] not in ADMINISTRATION_MODELS
            ]
        editorial = [app for app in editorial if app["models"]]
        editorial.sort(
            key=lambda app: (
                EDITORIAL_APPS.index(app["app_label"])
                if app["app_label"] in EDITORIAL_APPS
                else len(EDITORIAL_APPS),
                app["name"],
            )
        )
        return editorial + ([section] if section else [])

    def administration_section(self, request, apps):
        if not is_administrator(request.user):
            return None
        technical = sorted(
            (app for app in apps if app["app_label"] in TECHNICAL_APPS),
            key=lambda app: TECHNICAL_APPS.index(app["app_label"]),
        )
        own = [
            model
            for app in apps
            for model in app["models"]
            if model["object_name"] in ADMINISTRATION_MODELS
        ]
        models = own + [model for app in technical for model in app["models"]]
        for model in models:
            # django-otp names its model in English only.
            if model["object_name"] == "TOTPDevice":
                model["name"] = _("Two-factor devices")
        if not models:
            return None
        return {
            "name": _("Administration"),
            "app_label": "administration",
            "app_url": reverse("admin:administration", current_app=self.name),
            "has_module_perms": True,
            "models": models,
        }

    def administration_view(self, request):
        section = self.administration_section(request, super().get_app_list(request))
        if section is None:
            raise PermissionDenied
        context = {
            **self.each_context(request),
            "title": section["name"],
            "subtitle": None,
            "app_list": [section],
            "app_label": section["app_label"],
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/app_index.html", context)
