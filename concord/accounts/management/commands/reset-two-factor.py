from django.core.management.base import BaseCommand, CommandError

from concord.accounts.selectors import get_user_by_email
from concord.accounts.signin.two_factor import reset_second_factor
from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError


class Command(BaseCommand):
    help = (
        "Remove a person's second factor (authenticator and recovery codes), for the operator "
        "when no Secretariat officer can sign in to do it. A dry run unless --for-real."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--for-real", action="store_true", help="remove it (audited)")

    def handle(self, *args, email, for_real, **options):
        try:
            user = get_user_by_email(email)
            if not for_real:
                self.stdout.write(f"Would reset the second factor of {user.email} (--for-real).")
                return
            reset_second_factor(actor=SYSTEM, user=user)
        except DomainError as exc:
            where = f" ({exc.field})" if exc.field else ""
            raise CommandError(f"{exc.message}{where}") from exc
        self.stdout.write(f"The second factor of {user.email} is reset; set one up at sign-in.")
