from django.core.management import call_command
from django.core.management.base import BaseCommand

from concord.catalogue.services import load_catalogue
from concord.core.actors import SYSTEM
from concord.core.upsert import describe
from concord.documents.services import load_seed_documents, register_documents
from concord.meetings.services import load_meetings
from concord.members.services import load_reference_data


class Command(BaseCommand):
    help = "Migrate the database and load the CICA reference data. Safe to run again."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        self.stdout.write(f"Reference data: {describe(load_reference_data(actor=SYSTEM))}.")
        self.stdout.write(f"Meetings: {describe(load_meetings(actor=SYSTEM))}.")
        self.stdout.write(f"Catalogue of CBMs: {describe(load_catalogue(actor=SYSTEM))}.")
        self.stdout.write(f"Registered documents: {describe(register_documents(actor=SYSTEM))}.")
        for outcome in load_seed_documents(actor=SYSTEM):
            self.stdout.write(f"Seed text {outcome.document.slug}: {outcome.status}.")
