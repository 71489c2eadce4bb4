"""``{% media_kit_summary release %}``: what a release's media kit holds, for its link."""

from django import template

from ..media_kit import summary

register = template.Library()


@register.simple_tag
def media_kit_summary(release):
    return summary(release)
