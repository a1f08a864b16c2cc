"""concord audit-verify [SAVED_HEAD.json ...]: walk the audit chain; exit status 1 if broken."""

from django.core.management.base import BaseCommand, CommandError

from concord.audit.management.heads import read_saved_heads, report
from concord.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Walk the audit chain from its start: every entry's hash, the links between them, that "
        "the walk ends exactly at the stored head, and the head's signature. Give heads saved "
        "from GET /api/audit/head to check that the chain still passes through them."
    )

    def add_arguments(self, parser):
        parser.add_argument("saved_heads", nargs="*", metavar="SAVED_HEAD.json")

    def handle(self, *args, saved_heads, **options):
        saved = read_saved_heads(saved_heads)
        verdict = verify_chain(saved=saved)
        report(self, verdict, saved)
        if not verdict.intact:
            raise CommandError(f"The audit trail is broken: {len(verdict.problems)} problem(s).")
        self.stdout.write("The audit trail is intact.")
