"""The public alert pages: sign up, confirm, preferences, unsubscribe. Never cached (CSRF
forms, and pages about one subscriber): not ``cached_page`` views, and ``never_cache``."""

import logging
import smtplib

from django.core.validators import slug_re
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsroom.listing import listed_institutions

from . import links, subscriptions
from .forms import PreferencesForm, SubscribeForm

logger = logging.getLogger(__name__)
GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def link_problem(request, error):
    """A forged, altered, revoked, expired or used link: a page that says so, never a 500."""
    expired = isinstance(error, links.ExpiredLink)
    stale = isinstance(error, subscriptions.StaleLink)
    return render(
        request,
        "alerts/link_problem.html",
        {"expired": expired, "stale": stale},
        status=200 if stale else 400,
    )


@never_cache
@GET_POST
def subscribe(request):
    initial = {"language": request.LANGUAGE_CODE}
    # "Get these releases by email" links; anything but a slug is ignored (PostgreSQL would
    # refuse a NUL in the look-up).
    if slugs := [slug for slug in request.GET.getlist("institution") if slug_re.match(slug)]:
        initial["institutions"] = list(listed_institutions().filter(slug__in=slugs))
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            subscriptions.request_subscription(form.choices())
        except (smtplib.SMTPException, OSError):
            logger.exception("Alert sign-up mail not sent")
            return render(request, "alerts/mail_failed.html", status=503)
        return render(request, "alerts/check_inbox.html", {"email": form.cleaned_data["email"]})
    return render(request, "alerts/subscribe.html", {"form": form})


@never_cache
@GET_POST
def confirm(request, token):
    """GET shows a button (mail scanners follow links: they must not subscribe anyone)."""
    try:
        choices = links.read_confirmation(token)
    except links.InvalidLink as error:
        return link_problem(request, error)
    if request.method != "POST":
        return render(request, "alerts/confirm.html", {"email": choices["email"]})
    try:
        subscriber = subscriptions.confirm(choices)
    except subscriptions.StaleLink as error:
        return link_problem(request, error)
    return render(
        request,
        "alerts/confirmed.html",
        {"subscriber": subscriber, "preferences_url": links.preferences_url(subscriber)},
    )


@never_cache
@GET_POST
def preferences(request, token):
    try:
        subscriber = links.read_subscriber(token)
    except links.InvalidLink as error:
        return link_problem(request, error)
    if not subscriber.is_active:
        return render(request, "alerts/unsubscribed.html", {"subscriber": subscriber})
    form = PreferencesForm(request.POST or None, instance=subscriber)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        saved = True
    return render(
        request,
        "alerts/preferences.html",
        {"form": form, "subscriber": subscriber, "saved": saved, "token": token},
    )


@never_cache
@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" with no CSRF token;
# the signed link is the proof, and unsubscribing is all a POST here can do.
@GET_POST
def unsubscribe(request, token):
    try:
        subscriber = links.read_subscriber(token)
    except links.InvalidLink as error:
        return link_problem(request, error)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
    if subscriber.unsubscribed_at:
        return render(request, "alerts/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "alerts/unsubscribe.html", {"subscriber": subscriber})
