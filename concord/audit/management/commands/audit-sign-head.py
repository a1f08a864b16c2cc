"""concord audit-sign-head [--for-real]: sign the head with this installation's key anew."""

from django.core.management.base import BaseCommand, CommandError

from concord.audit.management.heads import read_saved_heads, report
from concord.audit.services import sign_head_anew, verify_chain
from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError


class Command(BaseCommand):
    help = (
        "After the signing key was replaced or lost, appends are refused until the head is signed "
        "with the key now configured. This shows the chain's state (check it against heads saved "
        "by others first: a rewrite by someone without the key looks the same as a lost key), "
        "and with --for-real signs the head and records that in the trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("saved_heads", nargs="*", metavar="SAVED_HEAD.json")
        parser.add_argument("--for-real", action="store_true", help="sign (default: dry run)")

    def handle(self, *args, saved_heads, for_real, **options):
        saved = read_saved_heads(saved_heads)
        report(self, verify_chain(saved=saved), saved)
        if not for_real:
            self.stdout.write("Dry run: nothing signed. Add --for-real to sign the head.")
            return
        try:
            entry = sign_head_anew(actor=SYSTEM)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Signed. The trail records it as entry #{entry.seq}.")
