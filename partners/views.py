"""The media contacts directory and vCards. Internal-only contacts never leave the back office."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from .models import Institution, MediaContact
from .vcards import contact_vcard


def public_contacts():
    return MediaContact.objects.filter(is_public=True).select_related("person", "institution")


def contact_directory(request):
    institutions = (
        Institution.objects.filter(media_contacts__is_public=True)
        .distinct()
        .prefetch_related(
            Prefetch("media_contacts", queryset=public_contacts(), to_attr="contacts")
        )
    )
    return render(request, "partners/contact_directory.html", {"institutions": institutions})


def contact_vcard_download(request, pk):
    contact = get_object_or_404(public_contacts(), pk=pk)
    response = HttpResponse(contact_vcard(contact), content_type="text/vcard; charset=utf-8")
    filename = f"{slugify(contact.display_name) or 'contact'}.vcf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
