from django.apps import AppConfig


class CoreConfig(AppConfig):
    """No models of its own: installed for its template tags (richtext, phones, translations)
    and the abstract ``rights.Licensed``."""

    name = "core"
