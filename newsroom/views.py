"""Public pages: thin views over PressRelease.objects.published()."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation

from .models import PressRelease, detail_prefetches

PAGE_SIZE = 20


def release_list(request):
    releases = PressRelease.objects.published().for_display()
    page = Paginator(releases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "newsroom/release_list.html", {"page": page})


def release_detail(request, slug):
    language = translation.get_language()
    published = PressRelease.objects.published()
    release = published.filter(**{f"slug_{language}": slug}).first()
    if release is None:
        # An untranslated release is reached with its original-language slug; the other
        # language's slug of a translated release redirects to this language's URL.
        release = published.filter(Q(slug_fr=slug) | Q(slug_en=slug)).first()
        if release is None:
            raise Http404
        if release.slug_for(language) != slug:
            return redirect(release.get_absolute_url(language), permanent=True)
    prefetch_related_objects([release], *detail_prefetches())
    return render(
        request,
        "newsroom/release_detail.html",
        {
            "release": release,
            "alternates": [
                (code, release.get_absolute_url(code)) for code, _name in settings.LANGUAGES
            ],
            "shown_in_other_language": not release.is_translated(language),
        },
    )
