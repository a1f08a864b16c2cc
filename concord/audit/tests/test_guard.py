"""The audit table refuses UPDATE and DELETE on the engine in use; only the test settings'
flush and tamper helper get past, and they put the guard back."""

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
