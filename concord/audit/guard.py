"""Database triggers that make the audit table append-only on SQLite and PostgreSQL.

They stop the application, a bug in it, and any SQL run with rights that cannot drop triggers
(on PostgreSQL: a role that does not own the table) from changing or removing an entry. What a
role that can drop them does still shows, in the hashes and against the signed heads
(`concord audit-verify`).

An insert cannot replace an entry either. SQLite's INSERT OR REPLACE (and REPLACE) deletes the
row it conflicts with without firing DELETE triggers (unless recursive_triggers is on), so on
SQLite a BEFORE INSERT trigger refuses an insert whose id, seq or entry_hash is held already.
PostgreSQL has no REPLACE; its INSERT ... ON CONFLICT DO UPDATE and MERGE fire the row
triggers of the UPDATE or DELETE they do, which refuse them.

SQLite drops a table's triggers with the table, and Django rebuilds a SQLite table for most
changes of its columns: a migration that alters `AuditEntry` must call `install` again, which
replaces whatever triggers are there (`test_guard.py` fails if the triggers are missing).
"""

import contextlib

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections, transaction

TABLE = "audit_auditentry"

_TRIGGERS = {
    "sqlite": [
        f"CREATE TRIGGER audit_refuse_update BEFORE UPDATE ON {TABLE} "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE refused'); END",
        f"CREATE TRIGGER audit_refuse_delete BEFORE DELETE ON {TABLE} "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE refused'); END",
        f"CREATE TRIGGER audit_refuse_overwrite BEFORE INSERT ON {TABLE} "
        f"WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id) "
        f"OR EXISTS (SELECT 1 FROM {TABLE} WHERE seq = NEW.seq) "
        f"OR EXISTS (SELECT 1 FROM {TABLE} WHERE entry_hash = NEW.entry_hash) "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: INSERT over an entry "
        "refused'); END",
    ],
    "postgresql": [
        f"CREATE TRIGGER audit_refuse_change BEFORE UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
        # TRUNCATE fires no row triggers.
        f"CREATE TRIGGER audit_refuse_truncate BEFORE TRUNCATE ON {TABLE} "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
    ],
}
_DROP_TRIGGERS = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS audit_refuse_update",
        "DROP TRIGGER IF EXISTS audit_refuse_delete",
        "DROP TRIGGER IF EXISTS audit_refuse_overwrite",
    ],
    "postgresql": [
        f"DROP TRIGGER IF EXISTS audit_refuse_change ON {TABLE}",
        f"DROP TRIGGER IF EXISTS audit_refuse_truncate ON {TABLE}",
    ],
}
# The SQLSTATE of an integrity violation makes both engines raise django.db.IntegrityError.
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END
$$
"""


def _run(connection, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _statements(connection, table: dict[str, list[str]]) -> list[str]:
    if connection.vendor not in table:
        raise ImproperlyConfigured(f"No append-only guard for {connection.vendor} databases.")
    return table[connection.vendor]


def install(connection) -> None:
    """Put the triggers in place, replacing those there: safe to call again."""
    if connection.vendor == "postgresql":
        _run(connection, [_PG_FUNCTION])
    _run(connection, _statements(connection, _DROP_TRIGGERS))
    _run(connection, _statements(connection, _TRIGGERS))


def uninstall(connection) -> None:
    _run(connection, _statements(connection, _DROP_TRIGGERS))
    if connection.vendor == "postgresql":
        _run(connection, ["DROP FUNCTION IF EXISTS audit_refuse_change()"])


@contextlib.contextmanager
def lifted(using: str = DEFAULT_DB_ALIAS):
    """Drop the triggers for the block and put them back, all in one transaction, so no other
    connection ever sees the table unguarded. Only where `AUDIT_GUARD_LIFTABLE` is on (the test
    settings): the tests' flush and the tests that tamper with the chain on purpose."""
    if not settings.AUDIT_GUARD_LIFTABLE:
        raise ImproperlyConfigured("The audit trail is append-only here (AUDIT_GUARD_LIFTABLE).")
    connection = connections[using]
    with transaction.atomic(using=using):
        _run(connection, _statements(connection, _DROP_TRIGGERS))
        yield
        _run(connection, _statements(connection, _TRIGGERS))
