from django import forms
from django.contrib import admin
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from reversion_compare.admin import CompareVersionAdmin

from core.languages import DEFAULT_LANGUAGE, localized
from core.rights import LicensedForm

from . import models


class KeyFactInline(TranslationTabularInline):
    model = models.KeyFact
    extra = 0


class SiteInline(TranslationTabularInline):
    model = models.Site
    extra = 0


class StockListingInline(admin.TabularInline):
    model = models.StockListing
    extra = 0


class SocialProfileInline(admin.TabularInline):
    model = models.SocialProfile
    extra = 0


class PartnerImageInline(TranslationStackedInline):
    """Logos, headshots and site photos offered in the media library, with their rights."""

    model = models.PartnerImage
    form = LicensedForm
    extra = 0
    classes = ["collapse"]
    autocomplete_fields = ["person"]


class PersonImageInline(PartnerImageInline):
    fk_name = "person"
    autocomplete_fields = []


@admin.register(models.Institution)
class InstitutionAdmin(CompareVersionAdmin, TabbedTranslationAdmin):
    list_display = ["name", "short_name", "kind", "website", "listing"]
    list_filter = ["listing", "kind"]
    search_fields = [*localized("name", "short_name"), "slug"]
    prepopulated_fields = {"slug": [f"name_{DEFAULT_LANGUAGE}"]}
    autocomplete_fields = ["member_of", "staff"]
    inlines = [
        KeyFactInline,
        SiteInline,
        StockListingInline,
        SocialProfileInline,
        PartnerImageInline,
    ]
    fieldsets = [
        (None, {"fields": ["kind", "name", "short_name", "slug", "member_of", "listing"]}),
        (_("About"), {"fields": ["boilerplate", "website", "logo"]}),
        (_("Back office"), {"fields": ["staff"]}),
    ]


@admin.register(models.Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ["last_name", "first_name", "job_title", "institution", "listing"]
    list_filter = ["listing", "institution"]
    search_fields = ["first_name", "last_name", *localized("job_title")]
    list_select_related = ["institution"]
    prepopulated_fields = {"slug": ["first_name", "last_name"]}
    autocomplete_fields = ["institution"]
    inlines = [PersonImageInline]


class MediaContactForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages spoken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=lambda: [
            (code, translation.get_language_info(code)["name_translated"])
            for code in models.SPOKEN_LANGUAGES
        ],
    )

    class Meta:
        model = models.MediaContact
        # Every field, as the admin's own form. Not ``fields``: modeltranslation copies a form's
        # Meta.fields into ModelAdmin.fields, which would hide all the others.
        exclude = ()  # noqa: DJ006


@admin.register(models.MediaContact)
class MediaContactAdmin(CompareVersionAdmin, TabbedTranslationAdmin):
    form = MediaContactForm
    list_display = ["__str__", "role", "phone", "email", "is_public", "listing"]
    list_filter = ["is_public", "listing", "institution"]
    search_fields = [
        "name",
        "person__first_name",
        "person__last_name",
        *localized("name", prefix="institution__"),
        *localized("role"),
        "email",
    ]
    list_select_related = ["person", "institution"]
    autocomplete_fields = ["person", "institution"]


class MilestoneInline(TranslationStackedInline):
    model = models.Milestone
    extra = 0


class ResearchProjectInline(TranslationStackedInline):
    model = models.ResearchProject
    extra = 0


@admin.register(models.Partnership)
class PartnershipAdmin(TabbedTranslationAdmin):
    list_display = ["name", "listing"]
    list_filter = ["listing"]
    search_fields = localized("name")
    prepopulated_fields = {"slug": [f"name_{DEFAULT_LANGUAGE}"]}
    autocomplete_fields = ["institutions"]
    inlines = [MilestoneInline, ResearchProjectInline]


@admin.register(models.ResearchProject)
class ResearchProjectAdmin(TabbedTranslationAdmin):
    list_display = ["title", "partnership", "order"]
    list_filter = ["partnership"]
    list_select_related = ["partnership"]
    search_fields = localized("title", "summary")
    autocomplete_fields = ["partnership"]


@admin.register(models.Milestone)
class MilestoneAdmin(TabbedTranslationAdmin):
    list_display = ["date", "title", "partnership"]
    list_filter = ["partnership"]
    list_select_related = ["partnership"]
    search_fields = localized("title")
    autocomplete_fields = ["partnership"]


@admin.register(models.StockListing)
class StockListingAdmin(admin.ModelAdmin):
    list_display = ["exchange", "ticker", "institution"]
    list_select_related = ["institution"]
    search_fields = ["exchange", "ticker", f"institution__name_{DEFAULT_LANGUAGE}"]
    autocomplete_fields = ["institution"]


@admin.register(models.SocialProfile)
class SocialProfileAdmin(admin.ModelAdmin):
    list_display = ["institution", "network", "url"]
    list_filter = ["network"]
    list_select_related = ["institution"]
    search_fields = [f"institution__name_{DEFAULT_LANGUAGE}", "url"]
    autocomplete_fields = ["institution"]


@admin.register(models.KeyFact)
class KeyFactAdmin(TabbedTranslationAdmin):
    list_display = ["text", "institution", "order"]
    list_filter = ["institution"]
    list_select_related = ["institution"]
    search_fields = localized("text")
    autocomplete_fields = ["institution"]


@admin.register(models.Site)
class SiteAdmin(TabbedTranslationAdmin):
    list_display = ["name", "city", "institution"]
    list_select_related = ["institution"]
    search_fields = [*localized("name"), "city"]
    autocomplete_fields = ["institution"]
