"""Sign-in forms: a password, then, for staff who turned two-factor authentication on, the
six-digit code of their authenticator app (TOTP, django-otp)."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8, "maxlength": 8}
)


def verified_device(user, code):
    """The user's confirmed device that accepts ``code`` (each device throttles its own
    failures, django-otp), or None."""
    code = (code or "").replace(" ", "")
    if not code:
        return None
    for device in devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(code):
            return device
    return None


class StaffSignInForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        widget=CODE_WIDGET,
        help_text=_("From your authenticator app, if you turned two-factor authentication on."),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp": _("Enter the six-digit code your authenticator app shows now."),
    }

    def clean(self):
        cleaned = super().clean()  # the password (counted by django-axes)
        user = self.get_user()
        if user is not None and any(devices_for_user(user, confirmed=True)):
            device = verified_device(user, cleaned.get("otp_token"))
            if device is None:
                # A wrong code counts as a failed sign-in: a known password does not give
                # unlimited guesses at the code.
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": cleaned.get("username")},
                    request=self.request,
                )
                raise forms.ValidationError(self.error_messages["otp"], code="otp")
            user.otp_device = device  # django-otp marks the session verified at sign-in
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code"), widget=CODE_WIDGET)
