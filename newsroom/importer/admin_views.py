"""The admin's "Import a release" page: upload, review what was found, confirm."""

import secrets
from dataclasses import asdict

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .drafts import create_draft
from .files import UnreadableDocument, check_size, read_document
from .matching import known_institution_names, review
from .parsing import Release, parse

SESSION_KEY = "release_import"


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Press release (.txt, .docx or text-based .pdf)"))
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=[("", gettext_lazy("Detect it")), *settings.LANGUAGES],
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)  # before reading it
            self.text = read_document(upload.name, upload.read())
        except UnreadableDocument as error:
            raise forms.ValidationError(str(error)) from error
        return upload


def import_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import a release"),
    }
    if request.method == "POST" and "confirm" in request.POST:
        stored = request.session.get(SESSION_KEY) or {}
        if not stored or not secrets.compare_digest(stored["token"], request.POST["confirm"]):
            messages.error(request, _("This import has expired: upload the file again."))
            return redirect("admin:newsroom_pressrelease_import")
        del request.session[SESSION_KEY]
        try:
            draft = create_draft(Release(**stored["release"]), request.user)
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return redirect("admin:newsroom_pressrelease_import")
        messages.success(request, _("The draft was created: check it, then translate it."))
        return redirect(reverse("admin:newsroom_pressrelease_change", args=[draft.pk]))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        release = parse(form.text, form.cleaned_data["language"] or None, known_institution_names())
        token = secrets.token_urlsafe(16)
        # Nothing is written until staff confirm: the parts wait in the session.
        request.session[SESSION_KEY] = {"token": token, "release": asdict(release)}
        return TemplateResponse(
            request,
            "admin/newsroom/pressrelease/import_review.html",
            {
                **context,
                "release": release,
                "review": review(release, request.user),
                "token": token,
            },
        )
    return TemplateResponse(
        request, "admin/newsroom/pressrelease/import.html", {**context, "form": form}
    )
