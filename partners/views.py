"""vCards of media contacts. Internal-only contacts never leave the back office's users."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from .models import MediaContact
from .vcards import contact_vcard


def contacts_for(user):
    """The media contacts this viewer may see: internal ones for staff only."""
    contacts = MediaContact.objects.select_related("person", "institution")
    return contacts if user.is_staff else contacts.filter(is_public=True)


def contact_vcard_download(request, pk):
    contact = get_object_or_404(contacts_for(request.user), pk=pk)
    response = HttpResponse(contact_vcard(contact), content_type="text/vcard; charset=utf-8")
    filename = f"{slugify(contact.display_name) or 'contact'}.vcf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A staff member's vCard of an internal contact must not sit in a shared cache.
    response["Cache-Control"] = "private"
    return response
