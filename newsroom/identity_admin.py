"""The newsroom identity in the back office: one row, changed by administrators only (the
model's change permission: superusers and the Administrator role, not editors nor
publishers), shown in the "Administration" section (accounts/admin_site.py)."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.shortcuts import redirect
from django.urls import reverse
from modeltranslation.admin import TranslationAdmin

from .admin_parts import LanguageOfFields
from .models import NewsroomIdentity


class LabelledFileInput(AdminFileWidget):
    # The field's <label for> names the file input (a fieldset's legend would name no input:
    # a screen reader would announce it unlabelled).
    use_fieldset = False


@admin.register(NewsroomIdentity)
class NewsroomIdentityAdmin(LanguageOfFields, TranslationAdmin):
    # Both languages one above the other (no tabs: a few short fields).
    fields = ("name", "tagline", "footer_text", "logo", "accent")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "logo":
            kwargs["widget"] = LabelledFileInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

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
