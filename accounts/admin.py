"""The sign-in audit in the back office: django-axes' records, read-only (who signed in or
failed to, when, from where); deleting a lock-out record lifts it. Staff's authenticators."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django_otp.plugins.otp_totp.models import TOTPDevice


class ReadOnly:
    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class LockOutAdmin(ReadOnly, AccessAttemptAdmin):
    pass


@admin.register(AccessLog)
class SignInAdmin(ReadOnly, AccessLogAdmin):
    def has_delete_permission(self, request, obj=None):
        return False  # the audit stays


@admin.register(AccessFailureLog)
class FailedSignInAdmin(ReadOnly, AccessFailureLogAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(ReadOnly, admin.ModelAdmin):
    """Each member of staff turns their own on (Two-factor authentication); administrators
    delete the one of a colleague who lost their phone."""

    list_display = ["user", "name", "confirmed", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "name", "confirmed", "last_used_at"]

    def has_add_permission(self, request):
        return False
