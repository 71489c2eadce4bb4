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


def verified_device(devices, code):
    """The device of ``devices`` that accepts ``code`` (each throttles its own failures in
    ``verify_token``, django-otp), or None."""
    code = (code or "").replace(" ", "")
    if not code:
        return None
    return next((device for device in devices if device.verify_token(code)), None)


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
        devices = list(devices_for_user(user, confirmed=True)) if user is not None else []
        if devices:
            device = verified_device(devices, cleaned.get("otp_token"))
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
