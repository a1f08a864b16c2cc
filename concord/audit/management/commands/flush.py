"""Django's flush, which would delete the audit trail, with the append-only guard lifted for it.

Django's TransactionTestCase (pytest-django's `transactional_db` and `live_server`, and so the
browser tests) empties the database after each test by `call_command("flush")`: DELETE on
SQLite, TRUNCATE on PostgreSQL, both refused by the audit table's triggers. This command takes
the name `flush` (an app's command wins over Django's own), drops the triggers, flushes and puts
them back in one transaction, and only where `AUDIT_GUARD_LIFTABLE` is on: the test settings.
Anywhere else it refuses to touch the database at all.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import flush

from concord.audit import guard


class Command(flush.Command):
    def handle(self, **options):
        if not settings.AUDIT_GUARD_LIFTABLE:
            raise CommandError(
                "flush would delete the audit trail, which is append-only: refused "
                "(AUDIT_GUARD_LIFTABLE is off outside the test settings)."
            )
        with guard.lifted(options["database"]):
            super().handle(**options)
