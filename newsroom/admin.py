from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from . import models


class SelectRelatedInline:
    """Inline rows whose labels show related objects, fetched with the rows."""

    select_related = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.select_related)


class IssuerInline(SelectRelatedInline, admin.TabularInline):
    model = models.ReleaseIssuer
    extra = 0
    min_num = 1
    autocomplete_fields = ["institution"]
    select_related = ["institution"]

    def get_formset(self, request, obj=None, **kwargs):
        # min_num alone only shows an empty row; validate_min makes an issuer mandatory.
        return super().get_formset(request, obj, validate_min=True, **kwargs)


class ContactInline(SelectRelatedInline, admin.TabularInline):
    model = models.ReleaseContact
    extra = 0
    autocomplete_fields = ["contact"]
    select_related = ["contact__institution", "contact__person"]


class QuoteInline(SelectRelatedInline, TranslationStackedInline):
    model = models.Quote
    extra = 0
    autocomplete_fields = ["person"]
    select_related = ["person"]


class ImageInline(TranslationStackedInline):
    model = models.ReleaseImage
    extra = 0


class AttachmentInline(TranslationTabularInline):
    model = models.Attachment
    extra = 0


@admin.register(models.PressRelease)
class PressReleaseAdmin(TabbedTranslationAdmin):
    list_display = [
        "title",
        "release_date",
        "status",
        "publish_at",
        "embargo_until",
        "issuer_names",
    ]
    list_filter = ["status", "original_language", "issuers", "topics", "release_date"]
    search_fields = ["title_fr", "title_en", "subtitle_fr", "subtitle_en", "body_fr", "body_en"]
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["topics", "research_projects"]
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    inlines = [IssuerInline, QuoteInline, ImageInline, AttachmentInline, ContactInline]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "original_language"]}),
        (_("Dateline"), {"fields": ["dateline", "release_date"]}),
        (_("Text"), {"fields": ["body"]}),
        (_("Classification"), {"fields": ["topics", "research_projects"]}),
        (_("Publication"), {"fields": ["status", "publish_at", "embargo_until"]}),
        (
            _("Scientific reference"),
            {"fields": ["journal", "doi", "peer_reviewed"], "classes": ["collapse"]},
        ),
        (
            _("History"),
            {"fields": ["created_at", "created_by", "updated_at", "updated_by"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("issuers")

    @admin.display(description=_("issuing institutions"))
    def issuer_names(self, release):
        return ", ".join(institution.display_name for institution in release.issuers.all())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(models.Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name"]
    search_fields = ["name_fr", "name_en"]
    prepopulated_fields = {"slug": ["name"]}
