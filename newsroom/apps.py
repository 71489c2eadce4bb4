from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Press releases")

    def ready(self):
        # Search documents follow every save (index); SQLite connections get the accent
        # folding function contact look-up uses (contacts); cached pages' version changes
        # with every save of what they show (page_cache). All connect signal receivers.
        from . import page_cache  # noqa: F401
        from .search import contacts, index  # noqa: F401
