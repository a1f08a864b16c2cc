import itertools

import pytest
from django.db import connection, transaction
from django.test import Client

from concord.accounts import services as accounts
from concord.audit.events import AuditEvent
from concord.audit.models import AuditEntry
from concord.audit.services import GENESIS, record, verify_chain
from concord.core.actors import SYSTEM


def test_entries_are_chained_from_genesis(coordinator_user, delegate_user):
    entries = list(AuditEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert verify_chain() == (True, len(entries), None)


def test_a_changed_entry_breaks_the_chain_at_that_entry(coordinator_user, delegate_user):
    victim = AuditEntry.objects.get(
        event=AuditEvent.USER_CREATED, target_id=str(coordinator_user.pk)
    )
    AuditEntry.objects.filter(pk=victim.pk).update(summary="nothing happened")
    intact, _count, broken = verify_chain()
    assert not intact and broken == victim.seq


def test_a_removed_entry_breaks_the_chain(coordinator_user, delegate_user):
    first = AuditEntry.objects.order_by("seq").first()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [first.pk])
    assert verify_chain()[0] is False


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the service's transaction"):
        record(actor=SYSTEM, event=AuditEvent.LOGGED_IN, summary="x")
    assert not AuditEntry.objects.exists()


def test_entry_records_who_acted_for_which_state(delegate_user, actor_of):
    with transaction.atomic():
        entry = record(
            actor=actor_of(delegate_user),
            event=AuditEvent.LOGGED_IN,
            summary="s",
            target=delegate_user,
        )
    assert (entry.actor_label, entry.actor_role, entry.acting_for) == (
        delegate_user.email,
        "delegate",
        "IN",
    )
    assert (entry.target_type, entry.target_id) == ("accounts.user", str(delegate_user.pk))


def test_audit_api_is_for_the_secretariat_and_the_chair(
    secretariat_user, chair_user, delegate_user
):
    def get(user, path):
        _t, plaintext = accounts.issue_api_token(actor=SYSTEM, user=user, name="t")
        return Client().get(path, HTTP_AUTHORIZATION=f"Bearer {plaintext}")

    page = get(secretariat_user, "/api/audit?event=accounts.user_created").json()
    assert page["count"] == 3 and page["items"][0]["event"] == "accounts.user_created"
    assert get(chair_user, "/api/audit/verify").json()["intact"] is True
    denied = get(delegate_user, "/api/audit")
    assert denied.status_code == 403
    assert denied.json()["detail"] == "Only the Secretariat and the Chair can read the audit trail."


def test_audit_page_lists_entries_for_the_secretariat(secretariat_user):
    from conftest import PASSWORD

    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    html = client.get("/audit/", {"event": "accounts.user_created"}).content.decode()
    assert "officer@secretariat.example registered as secretariat" in html
