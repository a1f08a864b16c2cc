from django.core.management import call_command
from django.core.management.base import BaseCommand

from concord.core.actors import SYSTEM
from concord.members.services import load_reference_data


class Command(BaseCommand):
    help = "Migrate the database and load the CICA reference data. Safe to run again."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        summary = load_reference_data(actor=SYSTEM)
        if summary["created"] or summary["updated"]:
            parts = [f"{n} {k} created" for k, n in summary["created"].items()]
            parts += [f"{n} {k} updated" for k, n in summary["updated"].items()]
            self.stdout.write("Reference data: " + ", ".join(parts) + ".")
        else:
            self.stdout.write("Reference data: already up to date, nothing changed.")
