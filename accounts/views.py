"""Two-factor authentication, turned on (or off) by each member of staff for themselves."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.admin import site
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm, verified_device

DEVICE_NAME = "Authenticator app"


@never_cache
def two_factor(request):
    """On: the code of the app turns it off. Off: a QR code (and its key) for the app, then a
    code from it turns it on."""
    user = request.user
    confirmed = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    form = CodeForm(request.POST or None)
    if confirmed:
        if request.method == "POST" and form.is_valid():
            if verified_device([confirmed], form.cleaned_data["code"]):
                TOTPDevice.objects.filter(user=user).delete()
                messages.success(request, _("Two-factor authentication is off."))
                return redirect("admin:two_factor")
            form.add_error("code", _("This code is not the one your app shows now."))
        context = {"enabled": True}
    else:
        # One pending device per user, kept until confirmed: reloading shows the same key.
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": DEVICE_NAME}
        )
        if request.method == "POST" and form.is_valid():
            if verified_device([device], form.cleaned_data["code"]):
                device.confirmed = True
                device.save()
                otp_login(request, device)  # this session is verified already
                messages.success(request, _("Two-factor authentication is on."))
                return redirect("admin:two_factor")
            form.add_error("code", _("This code is not the one your app shows now."))
        qr = segno.make(device.config_url, error="m")
        key = b32encode(device.bin_key).decode()  # to type in, for an app without a camera
        context = {
            "enabled": False,
            "qr": qr.svg_inline(scale=4, title=_("QR code for your authenticator app")),
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        }
    return TemplateResponse(
        request,
        "admin/two_factor.html",
        {
            **site.each_context(request),
            **context,
            "form": form,
            "title": _("Two-factor authentication"),
        },
    )
