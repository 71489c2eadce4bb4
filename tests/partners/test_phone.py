"""Phone numbers are validated, stored in E.164 and shown in the national format."""

import pytest
from django.core.exceptions import ValidationError

from partners.models import MediaContact

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "e164", "national"),
    [
        ("01 42 11 50 59", "+33142115059", "01 42 11 50 59"),
        ("+33 1 57 63 25 04", "+33157632504", "01 57 63 25 04"),
        ("0033 1.42.11.50.59", "+33142115059", "01 42 11 50 59"),
        ("+1 202-555-0173", "+12025550173", "(202) 555-0173"),
    ],
)
def test_phone_stored_e164_shown_national(institution, typed, e164, national):
    contact = MediaContact(institution=institution, name="Press office", phone=typed)
    contact.full_clean()
    contact.save()
    contact.refresh_from_db()
    assert contact.phone.as_e164 == e164
    assert contact.phone.as_national == national
    assert MediaContact.objects.filter(phone=e164).exists()


@pytest.mark.parametrize("typed", ["12", "01 42", "not a number", "+33 1 42 11 50 59 99 99"])
def test_invalid_phone_rejected_with_a_message(institution, typed):
    contact = MediaContact(institution=institution, name="Press office", phone=typed)
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "phone" in error.value.message_dict
