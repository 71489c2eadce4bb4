from django import template

from newsroom.dashboard import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def staff_dashboard(context):
    return dashboard(context["request"].user)
