"""The newsroom identity in the back office: one row, changed by administrators only (the
model's change permission: superusers and the Administrator role, not editors nor
publishers), shown in the "Administration" section (accounts/admin_site.py)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from modeltranslation.admin import TabbedTranslationAdmin

from .models import NewsroomIdentity


@admin.register(NewsroomIdentity)
class NewsroomIdentityAdmin(TabbedTranslationAdmin):
    fields = ("name", "tagline", "footer_text", "logo", "accent")

    def has_add_permission(self, request):
        # The migration made the row; another would never be read.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # A list of one: straight to its form (after the permission checks of the form).
        identity = NewsroomIdentity.objects.filter(pk=1).first()
        if identity is None:
            return super().changelist_view(request, extra_context)
        return redirect(reverse("admin:newsroom_newsroomidentity_change", args=[identity.pk]))
