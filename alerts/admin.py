"""Staff see subscribers (with their consent) and export them; deliveries are a read-only log."""

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Dispatch, Subscriber

EXPORTED = [
    "email",
    "language",
    "everything",
    "institutions",
    "topics",
    "other_languages",
    "embargoed",
    "requested_at",
    "confirmed_at",
    "consent_text",
    "unsubscribed_at",
]


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "everything", "confirmed_at", "unsubscribed_at"]
    list_filter = ["language", "everything", "embargoed", "confirmed_at", "unsubscribed_at"]
    search_fields = ["email"]
    filter_horizontal = ["institutions", "topics"]
    # What the subscriber agreed to, and when, is theirs to change, not staff's.
    readonly_fields = ["requested_at", "confirmed_at", "consent_text", "unsubscribed_at"]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False  # only by the double opt-in: consent must come from the address's owner

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("institutions", "topics")

    @admin.action(description=_("Export the selected subscribers (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
        response.write("\ufeff")  # spreadsheet programs then read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow(EXPORTED)
        for subscriber in queryset.order_by("email"):
            writer.writerow(
                [
                    subscriber.email,
                    subscriber.language,
                    subscriber.everything,
                    "; ".join(str(i) for i in subscriber.institutions.all()),
                    "; ".join(str(t) for t in subscriber.topics.all()),
                    subscriber.other_languages,
                    subscriber.embargoed,
                    subscriber.requested_at.isoformat(),
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                    subscriber.consent_text,
                    subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else "",
                ]
            )
        return response


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["subscriber", "release", "kind", "state", "attempts", "sent_at"]
    list_filter = ["state", "kind"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "release"]
    raw_id_fields = ["subscriber", "release"]


@admin.register(Dispatch)
class DispatchAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["release", "kind", "at", "recipients"]
    list_filter = ["kind"]
    list_select_related = ["release"]
    raw_id_fields = ["release"]
