"""The public media library page and its downloads: thin views over ``media_library``."""

import mimetypes

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.paging import LAST_NUMBER
from partners.models import Institution

from . import media_library, page_cache, seo
from .filters import ListSelect, shown_value
from .media import may_see_file
from .media_kit import read, with_rights
from .views import past_the_end


class LibraryFilterForm(forms.Form):
    institution = forms.ChoiceField(label=_lazy("Institution"), required=False, widget=ListSelect)
    kind = forms.ChoiceField(label=_lazy("Type"), required=False, widget=ListSelect)

    def __init__(self, *args, institutions=(), counts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [("", _("All institutions")), *institutions]
        counts = counts or {}
        self.fields["kind"].choices = [("", _("All types"))] + [
            (kind, f"{label} ({counts[kind]})" if kind in counts else str(label))
            for kind, label in media_library.KINDS.items()
        ]


IGNORED = {
    "institution": _lazy("Unknown institution “%(value)s”: this filter is ignored."),
    "kind": _lazy("Unknown type “%(value)s”: this filter is ignored."),
}


def library(request):
    now = timezone.now()
    institutions = page_cache.shared(
        request, "library-institutions", lambda: media_library.institution_choices(request.user)
    )
    params = request.GET.copy()
    notices = []
    form = LibraryFilterForm(params, institutions=institutions)
    if not form.is_valid():
        # A mistyped or stale filter in a shared link: the library without it, said so.
        for name in form.errors:
            notices.append(IGNORED[name] % {"value": shown_value(params.get(name))})
            params.pop(name, None)
        form = LibraryFilterForm(params, institutions=institutions)
        form.is_valid()
    slug, kind = form.cleaned_data.get("institution"), form.cleaned_data.get("kind")
    # Offered by the choices; a row renamed since they were kept is no filter at all.
    institution = Institution.objects.filter(slug=slug).first() if slug else None
    found = media_library.Library(request.user, institution=institution, kind=kind or None, now=now)
    page, asked = page_of(found, request.GET.get("page"))
    if asked is not None:
        notices.append(past_the_end(asked, page.number))
        params["page"] = page.number
    form = LibraryFilterForm(params, institutions=institutions, counts=found.counts)
    form.is_valid()
    query = params.copy()
    query.pop("page", None)
    if page.number > 1:
        query_shown = query.copy()
        query_shown["page"] = page.number
    else:
        query_shown = query
    shown = f"{request.path}?{query_shown.urlencode()}" if query_shown else request.path
    url = request.build_absolute_uri(shown)
    context = {
        "form": form,
        "assets": page.object_list,
        "page": page,
        "total": found.total,
        "query": query.urlencode(),
        "notices": notices,
        "jsonld": seo.to_script(
            seo.media_library(page.object_list, request, name=_("Media library"), url=url)
        ),
    }
    if notices:
        # Not the page its URL asks for: the page it shows is the one to index.
        context |= {"noindex": True, "canonical_url": url}
    return render(request, "newsroom/media_library.html", context)


def page_of(found, number):
    """(page, asked) as ``paging.page_or_last``: past the last page, the last (the library is
    counted exactly, a count per source)."""
    try:
        number = min(max(int(number or 1), 1), LAST_NUMBER)
    except ValueError:
        number = 1
    paginator = Paginator(found, media_library.PAGE_SIZE)
    try:
        return paginator.page(number), None
    except EmptyPage:
        return paginator.page(paginator.num_pages), number


def download(request, source, pk):
    """The original file with its credit and rights written in (XMP, for JPEG and PNG): only
    while the library offers it to this reader, and the media gate would serve it."""
    asset = media_library.find_asset(request.user, source, pk)
    if asset is None or not may_see_file(
        asset.file.name, request.user, request.session.get("previews", ())
    ):
        raise Http404
    name = getattr(asset.item, "download_name", None) or download_name(asset)
    content_type, _encoding = mimetypes.guess_type(asset.file.name)
    if asset.kind == "video":
        # Streamed: a video may be hundreds of megabytes; its rights are in the page's JSON-LD.
        try:
            stream = asset.file.open("rb")
        except OSError:
            raise Http404 from None
        response = FileResponse(stream, as_attachment=True, filename=name)
    else:
        data = read(asset.file)
        if data is None:
            raise Http404
        if asset.schema_type == "ImageObject":
            data = with_rights(data, asset.item)
        response = HttpResponse(data, content_type=content_type or "application/octet-stream")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    if may_see_file(asset.file.name, None):
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def download_name(asset):
    stem = slugify(asset.title)[:80] or "image"
    return f"{stem}.{asset.extension.lower()}"
