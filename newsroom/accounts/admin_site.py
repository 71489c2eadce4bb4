"""The back office: staff who turned two-factor authentication on reach it only from a
session their code verified (not from one opened on the journalists' sign-in page, say)."""

from django.contrib import admin
from django.urls import path
from django_otp import user_has_device

from .forms import StaffSignInForm


class NewsroomAdminSite(admin.AdminSite):
    login_form = StaffSignInForm
    login_template = "admin/newsroom_login.html"

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
            *super().get_urls(),
        ]
