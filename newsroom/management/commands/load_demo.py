from django.conf import settings
from django.core.management.base import BaseCommand

from newsroom import demo
from newsroom.demo_content import DEMO_ADMIN, DEMO_ROLES


class Command(BaseCommand):
    help = (
        "Load the demo content (the Sanofi – Gustave Roussy release of 19 January 2023). "
        "Idempotent: running it again changes nothing. With DEBUG on, also creates a demo "
        "administrator."
    )

    def handle(self, *args, **options):
        release = demo.load_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {release.title_fr}"))
        if demo.ensure_demo_admin():
            self.stdout.write(
                "Back office: http://127.0.0.1:8000/admin/ — "
                f"user “{DEMO_ADMIN['username']}”, password “{DEMO_ADMIN['password']}” "
                "(created because DEBUG is on; never in production). To try the workflow: "
                + ", ".join(f"“{name}” ({role})" for name, role in DEMO_ROLES)
                + ", same password."
            )
        elif not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo account created (use createsuperuser).")
