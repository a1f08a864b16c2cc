from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from concord.accounts.models import Role, TokenScope
from concord.accounts.services import create_user, issue_api_token
from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError


class Command(BaseCommand):
    help = (
        "Create an account. Without --password, the person is e-mailed an invitation to set "
        "one. With --token, the last line printed is a new API token (write scope)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--state", help="ISO code of the state (or organisation) acted for")
        parser.add_argument("--password")
        parser.add_argument("--name", default="", help="display name")
        parser.add_argument("--token", action="store_true", help="also issue an API token")

    def handle(self, *args, email, role, state, password, name, token, **options):
        try:
            user = create_user(
                actor=SYSTEM,
                email=email,
                role=role,
                state=state,
                password=password,
                display_name=name,
            )
            bound = f" for {user.participant.code}" if user.participant else ""
            self.stdout.write(f"Created {user.email} ({user.role}{bound}).")
            if not password:
                self.stdout.write(
                    f"An invitation to set a password is on its way to {user.email} (the "
                    f"worker sends it; the link is valid for "
                    f"{settings.ACCOUNT_INVITATION_DAYS} days)."
                )
            if token:
                api_token, plaintext = issue_api_token(
                    actor=SYSTEM, user=user, name="created with createuser", scope=TokenScope.WRITE
                )
                self.stdout.write(
                    f"API token (write), valid until {api_token.expires_at:%Y-%m-%d}:"
                )
                self.stdout.write(plaintext)
        except DomainError as exc:
            where = f" ({exc.field})" if exc.field else ""
            raise CommandError(f"{exc.message}{where}") from exc
