"""vCards of media contacts. Which contacts a viewer may download is the public pages' rule
(``newsroom.listing.contacts_for``): this app knows nothing of releases."""

from django.http import HttpResponse
from django.utils.text import slugify

from .vcards import contact_vcard


def vcard_response(contact):
    response = HttpResponse(contact_vcard(contact), content_type="text/vcard; charset=utf-8")
    filename = f"{slugify(contact.display_name) or 'contact'}.vcf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A staff member's vCard of an internal contact must not sit in a shared cache.
    response["Cache-Control"] = "private"
    return response
