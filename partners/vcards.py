"""vCards (RFC 6350 / 3.0 for the widest reader support) of media contacts, made with vobject."""

import vobject


def contact_vcard(contact):
    card = vobject.vCard()
    person = contact.person
    if person is not None:
        card.add("n").value = vobject.vcard.Name(
            family=person.last_name, given=person.first_name, prefix=person.honorific or ""
        )
    else:
        given, _sep, family = contact.display_name.strip().rpartition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("fn").value = contact.display_name
    card.add("org").value = [contact.institution.name]
    if contact.role:
        card.add("title").value = contact.role
    if contact.phone:
        tel = card.add("tel")
        tel.value = contact.phone.as_e164
        tel.type_param = "WORK"
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = "INTERNET"
    if contact.institution.website:
        card.add("url").value = contact.institution.website
    if contact.languages:
        card.add("note").value = "Languages: " + ", ".join(contact.languages)
    return card.serialize()
