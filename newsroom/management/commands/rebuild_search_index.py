from django.core.management.base import BaseCommand

from newsroom.search import index


class Command(BaseCommand):
    help = (
        "Rewrite the search documents of every release. Saves keep them in step; run this "
        "after bulk changes that bypass saves (QuerySet.update, raw SQL, loaddata)."
    )

    def handle(self, *args, **options):
        index.rebuild()
        self.stdout.write(self.style.SUCCESS("Search index rebuilt."))
