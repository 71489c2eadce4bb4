from datetime import timedelta

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
)
from reversion_compare.admin import CompareVersionAdmin

from core.languages import LANGUAGE_CODES, localized
from core.rights import LicensedForm

from . import history, models, page_cache, workflow
from .admin_parts import (
    ChoicesWithoutClearAll,
    ImageThumbnailInput,
    LabelledCells,
    LanguageOfFields,
)
from .filters import SearchField
from .forms import IssuerFormSet, ReleaseAdminForm, ReleaseChildFormSet
from .history import WORKFLOW_FIELDS
from .identity_admin import NewsroomIdentityAdmin  # noqa: F401  (registers it)
from .importer.admin_views import import_view
from .journalists import journalist_decide
from .models.workflow import ACTIONS
from .search import index
from .search.queries import matching


class SelectRelatedInline:
    """Inline rows whose labels show related objects, fetched with the rows."""

    select_related = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.select_related)


class IssuerInline(LabelledCells, SelectRelatedInline, admin.TabularInline):
    model = models.ReleaseIssuer
    formset = IssuerFormSet
    extra = 0
    min_num = 1
    autocomplete_fields = ["institution"]
    select_related = ["institution"]

    def get_formset(self, request, obj=None, **kwargs):
        # min_num alone only shows an empty row; validate_min makes an issuer mandatory.
        formset = super().get_formset(request, obj, validate_min=True, **kwargs)
        if not request.user.has_perm("newsroom.publish_pressrelease"):
            # Editors issue in the name of their own institutions; partners' rows stay as they are.
            own = set(request.user.institutions.values_list("pk", flat=True))
            partners = set(obj.issuers.values_list("pk", flat=True)) if obj else set()
            field = formset.form.base_fields["institution"]
            field.queryset = field.queryset.filter(pk__in=own | partners)
            formset.editor_institutions = own
        return formset


class ContactInline(LabelledCells, SelectRelatedInline, admin.TabularInline):
    model = models.ReleaseContact
    formset = ReleaseChildFormSet
    extra = 0
    autocomplete_fields = ["contact"]
    select_related = ["contact__institution", "contact__person"]
    classes = ["collapse"]


class QuoteInline(LanguageOfFields, SelectRelatedInline, TranslationStackedInline):
    model = models.Quote
    formset = ReleaseChildFormSet
    extra = 0
    classes = ["collapse"]
    autocomplete_fields = ["person"]
    select_related = ["person"]


class AttachmentForm(LicensedForm):
    file_field = "file"


class ImageInline(LanguageOfFields, TranslationStackedInline):
    model = models.ReleaseImage
    form = LicensedForm
    formset = ReleaseChildFormSet
    extra = 0
    classes = ["collapse"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "image":
            kwargs["widget"] = ImageThumbnailInput
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "credit":
            field.help_text = _("The name only: “©” is added where the credit is shown.")
        return field


class AttachmentInline(LanguageOfFields, TranslationStackedInline):
    model = models.Attachment
    form = AttachmentForm
    formset = ReleaseChildFormSet
    extra = 0
    classes = ["collapse"]


class VideoInline(LanguageOfFields, TranslationStackedInline):
    """A file (with its poster, subtitles, credit and licence) or a link to a video host."""

    model = models.ReleaseVideo
    formset = ReleaseChildFormSet
    extra = 0
    classes = ["collapse"]
    fields = [
        "title",
        "description",
        "transcript",
        "file",
        "poster",
        *localized("subtitles"),
        "duration",
        "external_url",
        "credit",
        "licence",
        "usage_restriction",
        "expires_on",
        "order",
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("file", "poster", *localized("subtitles")) and field:
            field.widget.attrs["accept"] = {
                "file": "video/mp4,video/webm,.mp4,.webm",
                "poster": "image/png,image/jpeg,image/webp,image/gif",
            }.get(db_field.name, "text/vtt,.vtt")
        if db_field.name == "credit" and field:
            field.help_text = _("The name only: “©” is added where the credit is shown.")
        return field


class TransitionInline(admin.TabularInline):
    """The release's workflow steps, read-only: who moved it, when, from, to, why."""

    model = models.ReleaseTransition
    extra = 0
    fields = ["at", "user", "from_status", "to_status", "comment"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("workflow history")
    classes = ["collapse"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(models.PressRelease)
class PressReleaseAdmin(LanguageOfFields, CompareVersionAdmin, TabbedTranslationAdmin):
    form = ReleaseAdminForm
    change_form_template = "admin/newsroom/pressrelease/change_form.html"
    # Save buttons on top too, before the workflow buttons: pressing Enter in a field saves,
    # it never publishes (the browser submits with the form's first button).
    save_on_top = True
    # Few, compact columns: titles keep their room on a 1366-pixel screen.
    list_display = [
        "title",
        "publication",
        "release_day",
        "issuer_names",
        "translation_state",
    ]
    list_filter = ["status", "original_language", "issuers", "topics", "release_date"]
    # The search box uses the site's search engine, in both languages (get_search_results).
    search_fields = localized("title")
    search_help_text = _(
        "Words in either language, found whatever their accents and endings; "
        "“quotes” for a phrase, -word to exclude."
    )
    date_hierarchy = "release_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["topics", "research_projects"]
    readonly_fields = ["status", "created_at", "created_by", "updated_at", "updated_by"]
    change_list_template = "admin/newsroom/pressrelease/change_list.html"  # + "Import a release"
    inlines = [
        IssuerInline,
        QuoteInline,
        ImageInline,
        AttachmentInline,
        VideoInline,
        ContactInline,
        TransitionInline,
    ]
    fieldsets = [
        # ``seen_version`` (hidden) is rendered at the top of the form by the template: as a row
        # of its own it got a label for an invisible control.
        (None, {"fields": ["title", "subtitle", "slug", "original_language"]}),
        (_("Dateline"), {"fields": ["dateline", "release_date"]}),
        (_("Text"), {"fields": ["body"]}),
        (
            _("Classification"),
            {"fields": ["topics", "research_projects"], "classes": ["collapse"]},
        ),
        (
            _("Publication"),
            {"fields": ["status", "publish_at", "embargo_until", "original_only"]},
        ),
        (
            _("Scientific reference"),
            {"fields": ["journal", "doi", "peer_reviewed"], "classes": ["collapse"]},
        ),
        (
            _("History"),
            {
                "fields": ["created_at", "created_by", "updated_at", "updated_by"],
                "classes": ["collapse"],
            },
        ),
    ]

    class Media:
        # After modeltranslation's tabs: one language switch for the whole form, opening on the
        # release's original language; a warning before leaving with unsaved changes.
        js = [
            "admin/js/jquery.init.js",
            "modeltranslation/js/tabbed_translation_fields.js",
            "newsroom/release_form.js",
        ]
        css = {"all": ["newsroom/release_admin.css"]}

    def get_queryset(self, request):
        # Editors see the releases of their own institutions only (list, change, history…).
        releases = super().get_queryset(request).prefetch_related("issuers")
        return releases & models.PressRelease.objects.editable_by(request.user)

    def get_search_results(self, request, queryset, search_term):
        """The public site's search engine, in every language, within what this user may
        edit (``queryset``); no duplicates, since it filters on a subquery."""
        if not search_term.strip():
            return queryset, False
        return matching(queryset, SearchField(max_length=200).clean(search_term)), False

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and request.method == "POST":
            # Lock the row for this save: the version check in the form is then race-free.
            obj = self.get_queryset(request).select_for_update().get(pk=obj.pk)
        return obj

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.translation_out_of_date:
            fieldsets.insert(
                0,
                (
                    _("The translation is out of date: the original changed since"),
                    {"fields": ["confirm_translation"], "classes": ["translation-warning"]},
                ),
            )
        if obj is not None and obj.status == models.ReleaseStatus.PUBLISHED:
            correction = list(localized("correction_note"))
            fieldsets.insert(0, (_("Correction of a published release"), {"fields": correction}))
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["seen_version"].initial = obj.version if obj else None
        return form

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields and "widget" not in kwargs:
            kwargs["widget"] = ChoicesWithoutClearAll(db_field, self.admin_site)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status not in (
            models.ReleaseStatus.DRAFT,
            models.ReleaseStatus.IN_REVIEW,
        ):
            # Approved and published releases are changed by publishers only.
            return request.user.has_perm("newsroom.publish_pressrelease")
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # A release that went out is never deleted, only withdrawn.
        if obj is not None and (obj.status in ("published", "withdrawn") or obj.withdrawn_at):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)  # would bypass the per-release rule above
        return actions

    def get_urls(self):
        urls = super().get_urls()
        workflow = path(
            "<path:object_id>/workflow/",
            self.admin_site.admin_view(self.workflow_view),
            name="newsroom_pressrelease_workflow",
        )
        preview = path(
            "<path:object_id>/review-link/",
            self.admin_site.admin_view(self.preview_link_view),
            name="newsroom_pressrelease_review_link",
        )
        importer = path(
            "import/",
            self.admin_site.admin_view(lambda request: import_view(self, request)),
            name="newsroom_pressrelease_import",
        )
        return [importer, workflow, preview, *urls]

    # History views (django-reversion) go through the same scope and rules as the change form.
    def compare_view(self, request, object_id, extra_context=None):
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        release = self.get_object(request, unquote(object_id))
        if release is None:
            raise Http404
        if release.status not in (models.ReleaseStatus.DRAFT, models.ReleaseStatus.IN_REVIEW):
            # Out or approved: change it with a correction (or withdraw it), never by restoring.
            self.message_user(
                request,
                _("Only drafts and releases in review can be restored from history."),
                messages.ERROR,
            )
            return redirect("admin:newsroom_pressrelease_history", release.pk)
        if not self.has_change_permission(request, release):
            raise PermissionDenied
        # Workflow fields are not in revisions: keep them as they are now.
        keep = {field: getattr(release, field) for field in WORKFLOW_FIELDS}
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            keep["version"] += 1
            models.PressRelease.objects.filter(pk=release.pk).update(**keep)
            index.refresh([release.pk])  # the update skips signals
            page_cache.change()
        return response

    def recoverlist_view(self, request, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    @method_decorator(transaction.atomic)
    def preview_link_view(self, request, object_id):
        release = self.get_object(request, object_id)
        if release is None or request.method != "POST":
            raise Http404
        try:
            days = min(max(int(request.POST.get("days") or 7), 1), 30)
        except ValueError:
            days = 7
        link = models.PreviewLink.objects.create(
            release=release,
            created_by=request.user,
            expires_at=timezone.now() + timedelta(days=days),
        )
        url = request.build_absolute_uri(link.get_absolute_url())
        self.message_user(
            request,
            _("Review link, valid %(days)d days (until publication): %(url)s")
            % {"days": days, "url": url},
        )
        return redirect("admin:newsroom_pressrelease_change", release.pk)

    @method_decorator(transaction.atomic)
    def workflow_view(self, request, object_id):
        release = self.get_object(request, object_id)
        if release is None or request.method != "POST":
            raise Http404
        # The buttons post here only from a read-only form (a release this user may move but
        # not change), where nothing typed can be lost; the change form's own buttons save
        # first (response_change).
        action = request.POST.get("_workflow") or request.POST.get("action", "")
        comment = request.POST.get("_workflow_comment") or request.POST.get("comment", "")
        self.move(request, release, action, comment)
        return redirect("admin:newsroom_pressrelease_change", release.pk)

    def move(self, request, release, action, comment, *, saved=False):
        """Run the workflow ``action`` on ``release`` and tell the user how it went."""
        label = ACTIONS[action].label if action in ACTIONS else action
        try:
            release = workflow.release_transition(
                release=release, user=request.user, action=action, comment=comment
            )
        except (ValidationError, PermissionDenied) as error:
            reasons = " ".join(getattr(error, "messages", None) or [str(error)])
            if saved:
                message = gettext(
                    "Your changes are saved, but “%(action)s” was not done: %(reasons)s"
                )
            else:
                message = gettext("“%(action)s” was not done: %(reasons)s")
            self.message_user(
                request, message % {"action": label, "reasons": reasons}, messages.ERROR
            )
            return False
        outcome = workflow.outcome_message(release, action)
        if saved:
            outcome = gettext("Saved. %(outcome)s") % {"outcome": outcome}
        self.message_user(request, outcome, messages.SUCCESS)
        return True

    def response_workflow(self, request, release):
        """After the form was validated and saved (same transaction): move the release as the
        button clicked asks. If the move is refused, what was typed stays saved."""
        action = request.POST["_workflow"]
        comment = request.POST.get("_workflow_comment", "")
        if self.move(request, release, action, comment, saved=True) and reversion.is_active():
            # One revision for the save and the step: keep what the save changed in its comment.
            reversion.set_comment(history.with_saved_changes(reversion.get_comment()))
        return redirect("admin:newsroom_pressrelease_change", release.pk)

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("_workflow") and "_popup" not in request.POST:
            return self.response_workflow(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if request.POST.get("_workflow") and "_popup" not in request.POST:
            return self.response_workflow(request, obj)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow_actions"] = workflow.available_actions(request.user, obj)
        elif add:
            # A new release is a draft: whoever writes it may save it and submit it at once.
            context["workflow_actions"] = [ACTIONS["submit"]]
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("publication"), ordering="publish_at")
    def publication(self, release):
        """The status with the moment that matters to it, short ("Scheduled / 3 Dec 2026 14:00")."""
        now = timezone.now()
        status, moment = release.get_status_display(), None
        if release.status == models.ReleaseStatus.PUBLISHED:
            if release.publish_at and release.publish_at > now:
                status, moment = _("Scheduled"), release.publish_at
            elif release.is_embargoed_at(now):
                status, moment = _("Under embargo until"), release.embargo_until
            else:
                moment = release.publish_at
        elif release.status == models.ReleaseStatus.WITHDRAWN:
            moment = release.withdrawn_at
        elif release.publish_at:
            moment = release.publish_at
        if moment is None:
            return status
        return format_html(
            '{}<br><span class="moment">{}</span>',
            status,
            formats.date_format(timezone.localtime(moment), "j N Y H:i"),
        )

    @admin.display(description=_("date"), ordering="release_date")
    def release_day(self, release):
        return formats.date_format(release.release_date, "j N Y")

    @admin.display(description=_("translation"), boolean=False)
    def translation_state(self, release):
        if release.original_only and release.missing_translations():
            return _("original language only")
        return _("OUT OF DATE") if release.translation_out_of_date else "✓"

    @admin.display(description=_("issued by"))
    def issuer_names(self, release):
        return ", ".join(institution.display_name for institution in release.issuers.all())

    def changeform_view(self, request, *args, **kwargs):
        # The release and its inline rows are indexed once, and change the page cache's content
        # version once, at the end, in the same transaction.
        with transaction.atomic(), index.deferred(), page_cache.deferred():
            return super().changeform_view(request, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        else:
            obj.version += 1
        obj.updated_by = request.user
        if form.cleaned_data.get("confirm_translation"):
            obj.confirm_translation()
        super().save_model(request, obj, form, change)
        notes = {
            f"note_{code}": form.cleaned_data.get(f"correction_note_{code}", "")
            for code in LANGUAGE_CODES
        }
        if any(notes.values()):
            models.Correction.objects.create(release=obj, user=request.user, **notes)


@admin.register(models.Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name"]
    search_fields = localized("name")
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Journalist)
class JournalistAdmin(admin.ModelAdmin):
    list_display = ["name", "outlet", "email", "press_card", "status", "requested_at"]
    list_filter = ["status"]
    search_fields = ["name", "outlet", "email", "press_card"]
    readonly_fields = ["user", "status", "requested_at", "decided_at", "decided_by"]
    actions = ["approve", "refuse"]

    @admin.action(description=_("Accept the selected accreditations"))
    def approve(self, request, queryset):
        self.decide(request, queryset, approve=True)

    @admin.action(description=_("Refuse the selected accreditations"))
    def refuse(self, request, queryset):
        self.decide(request, queryset, approve=False)

    def decide(self, request, queryset, *, approve):
        for journalist in queryset.select_related("user"):
            journalist_decide(journalist=journalist, user=request.user, approve=approve)
        self.message_user(request, _("%(count)d decisions recorded.") % {"count": len(queryset)})


@admin.register(models.EmbargoedView)
class EmbargoedViewAdmin(admin.ModelAdmin):
    """Who read which release under embargo, and when: the log, read-only."""

    list_display = ["at", "journalist", "release"]
    list_select_related = ["journalist", "release"]
    list_filter = ["release"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    list_display = ["release", "created_by", "created_at", "expires_at", "revoked_at"]
    list_select_related = ["release", "created_by"]
    readonly_fields = ["release", "created_by", "created_at", "expires_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # created from the release's page

    @admin.action(description=_("Revoke the selected review links"))
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(count)d links revoked.") % {"count": count})
