"""The audit table refuses UPDATE, DELETE and an insert over an entry on the engine in use; only
the test settings' flush and tamper helper get past, and they put the guard back."""

import importlib
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from concord.audit import guard
from concord.audit.events import AuditEvent
from concord.audit.models import AuditEntry
from concord.audit.services import record
from concord.core.actors import actor_for

from .tampering import change_entry


def refused(sql: str, params=()) -> str:
    with pytest.raises(IntegrityError) as caught, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    return str(caught.value)


def test_plain_update_and_delete_are_refused(append):
    append(2)
    assert "append-only: UPDATE refused" in refused(
        "UPDATE audit_auditentry SET summary = %s WHERE seq = 1", ["nothing happened"]
    )
    assert "append-only: DELETE refused" in refused("DELETE FROM audit_auditentry WHERE seq = 2")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(seq=1).update(summary="nothing happened")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.all().delete()
    assert list(AuditEntry.objects.order_by("seq").values_list("seq", "summary")) == [
        (1, "signed in"),
        (2, "signed in"),
    ]


COLUMNS = [f.column for f in AuditEntry._meta.concrete_fields]


def insert_copy_of(seq: int, changed: dict, verb: str = "INSERT", tail: str = "") -> str:
    """Insert entry `seq` again with the `changed` columns, as a database-only attacker would
    to replace it (the SELECT carries every other column unchanged); the refusal's message."""
    names = ", ".join(COLUMNS)
    values = ", ".join(f"%({c})s" if c in changed else c for c in COLUMNS)
    sql = (
        f"{verb} INTO {guard.TABLE} ({names}) SELECT {values} FROM {guard.TABLE} WHERE seq = {seq}"
    )
    return refused(f"{sql} {tail}", changed)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="INSERT OR REPLACE is SQLite's")
@pytest.mark.parametrize(
    "changed",
    [
        {"summary": "nothing happened"},  # the same id: replaces the row in place
        {"id": 1000, "summary": "nothing happened"},  # a new id, the same seq and hash
        {"id": 1000, "seq": 1000, "summary": "nothing happened"},  # the same hash only
    ],
    ids=["id", "seq", "entry_hash"],
)
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_replacing_an_entry_is_refused(append, verb, changed):
    """REPLACE deletes the row it conflicts with without firing DELETE triggers (unless
    recursive_triggers is on), so an insert that would conflict is refused first."""
    append(2)
    assert "append-only: INSERT over an entry refused" in insert_copy_of(1, changed, verb)
    assert list(AuditEntry.objects.order_by("seq").values_list("seq", "summary")) == [
        (1, "signed in"),
        (2, "signed in"),
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the insert guard is SQLite's")
def test_the_migration_adds_the_insert_guard_to_a_guarded_table(append):
    """A database migrated to 0004 before this guard existed has only the UPDATE and DELETE
    triggers; 0005 adds the one refusing an insert over an entry."""
    migration = importlib.import_module("concord.audit.migrations.0005_no_insert_over_an_entry")
    append(1)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER audit_refuse_overwrite")
        migration.install(None, SimpleNamespace(connection=connection))
    assert "INSERT over an entry refused" in insert_copy_of(1, {"id": 1000}, "REPLACE")


def test_an_upsert_over_an_entry_is_refused(append):
    """INSERT ... ON CONFLICT DO UPDATE updates the row: PostgreSQL's UPDATE trigger refuses it;
    SQLite's INSERT trigger refuses it before that."""
    append(1)
    message = insert_copy_of(
        1,
        {"id": 1000, "summary": "nothing happened"},
        tail="ON CONFLICT (seq) DO UPDATE SET summary = excluded.summary",
    )
    expected = "UPDATE" if connection.vendor == "postgresql" else "INSERT over an entry"
    assert f"append-only: {expected} refused" in message
    assert AuditEntry.objects.get(seq=1).summary == "signed in"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="MERGE is PostgreSQL's")
@pytest.mark.parametrize(
    ("action", "op"), [("UPDATE SET summary = 'x'", "UPDATE"), ("DELETE", "DELETE")]
)
def test_a_merge_over_an_entry_is_refused(append, action, op):
    append(1)
    message = refused(
        f"MERGE INTO {guard.TABLE} t USING (SELECT 1 AS seq) s ON t.seq = s.seq "
        f"WHEN MATCHED THEN {action}"
    )
    assert f"append-only: {op} refused" in message
    assert AuditEntry.objects.get(seq=1).summary == "signed in"


def test_installing_again_replaces_the_guard(append):
    """As a migration that rebuilds or alters the table does (guard.py)."""
    append(1)
    with transaction.atomic():
        guard.install(connection)
    append(1)
    assert "DELETE refused" in refused("DELETE FROM audit_auditentry")
    assert "UPDATE refused" in refused("UPDATE audit_auditentry SET summary = 'x'")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_truncate_is_refused(append):
    append(1)
    with connection.cursor() as cursor:  # fire the deferred foreign-key checks of the append
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert "append-only: TRUNCATE refused" in refused("TRUNCATE audit_auditentry")
    assert AuditEntry.objects.count() == 1


def test_the_tamper_helper_lifts_the_guard_for_its_block_only(append):
    append(1)
    change_entry(1, summary="nothing happened")
    assert AuditEntry.objects.get(seq=1).summary == "nothing happened"
    assert "UPDATE refused" in refused("UPDATE audit_auditentry SET summary = 'x'")


def test_the_guard_cannot_be_lifted_outside_the_test_settings(append, settings):
    append(1)
    settings.AUDIT_GUARD_LIFTABLE = False
    with pytest.raises(ImproperlyConfigured, match="append-only"), guard.lifted():
        pass
    assert "DELETE refused" in refused("DELETE FROM audit_auditentry")


def test_flush_is_the_audit_apps_and_refuses_outside_the_test_settings(append, settings):
    assert get_commands()["flush"] == "concord.audit"
    append(1)
    settings.AUDIT_GUARD_LIFTABLE = False
    with pytest.raises(CommandError, match="append-only"):
        call_command("flush", interactive=False, verbosity=0)
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_trail_and_puts_the_guard_back(append):
    append(2)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists()
    append(1)
    assert "DELETE refused" in refused("DELETE FROM audit_auditentry")


def test_deleting_an_account_that_acted_takes_no_entry_with_it(secretariat_user):
    with transaction.atomic():
        record(actor=actor_for(secretariat_user), event=AuditEvent.LOGGED_IN, summary="signed in")
    with pytest.raises(ProtectedError), transaction.atomic():
        secretariat_user.delete()
    assert AuditEntry.objects.filter(actor_user=secretariat_user).count() == 1
