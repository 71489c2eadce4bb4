import phonenumbers
from django import template
from django.utils import translation

register = template.Library()

# The country whose readers dial numbers in their national format, per page language.
LANGUAGE_REGIONS = {"fr": "FR"}


@register.filter
def phone(number):
    """National format for readers of the number's own country ("01 42 11 50 59" on French
    pages), international elsewhere ("+33 1 42 11 50 59" on English pages)."""
    if not number:
        return ""
    region = LANGUAGE_REGIONS.get(translation.get_language())
    if region and number.country_code == phonenumbers.country_code_for_region(region):
        return number.as_national
    return number.as_international
