import base64
import itertools

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.db import transaction

from concord.audit import signing
from concord.audit.chain import GENESIS, saved_head
from concord.audit.events import AuditEvent
from concord.audit.models import AuditEntry, ChainHead
from concord.audit.services import UnsignedHead, record, sign_head_anew, verify_chain
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidTransition, NotPermitted

from .tampering import change_entry, delete_entries, move_head, rewrite_from


def reasons(verdict) -> list[tuple[int, str]]:
    return [(p.seq, p.reason) for p in verdict.problems]


def unsigned(seq: int) -> tuple[int, str]:
    return (
        seq,
        f"The head (#{seq}) is not signed with this installation's key: it was moved or "
        "rewritten by someone without the key, or the key was replaced.",
    )


def test_entries_are_chained_from_genesis_and_the_head_is_signed(coordinator_user, delegate_user):
    entries = list(AuditEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    head = ChainHead.objects.get()
    assert (head.seq, head.entry_hash) == (entries[-1].seq, entries[-1].entry_hash)
    assert signing.signature_valid(head.seq, head.entry_hash, head.signature, signing.public_key())
    verdict = verify_chain()
    assert (verdict.intact, verdict.entries, verdict.head.seq) == (True, len(entries), head.seq)


def test_an_empty_trail_is_intact(db):
    verdict = verify_chain()
    assert (verdict.intact, verdict.entries, verdict.head.seq) == (True, 0, 0)


def test_a_changed_entry_is_named(append):
    append(5)
    change_entry(3, summary="nothing happened")
    assert reasons(verify_chain()) == [
        (3, "Entry #3 was changed after it was written: its content no longer matches its hash.")
    ]


def test_a_gap_is_named(append):
    append(6)
    delete_entries(2, 3, 5)
    assert reasons(verify_chain()) == [
        (2, "Entries #2 to #3 are missing: they were deleted."),
        (5, "Entry #5 is missing: it was deleted."),
    ]


def test_an_entry_replaced_by_a_well_formed_one_is_named(append):
    append(4)
    rewrite_from(2, summary="forged")  # 2 is consistent in itself; 3 was rewritten to point at it
    change_entry(3, prev_hash=GENESIS)
    problems = reasons(verify_chain())
    assert problems[0] == (
        3,
        "Entry #3 does not point to the entry before it: that entry was replaced.",
    )


def test_entries_deleted_from_the_end_are_noticed(append):
    append(5)
    delete_entries(4, 5)
    assert reasons(verify_chain()) == [
        (
            4,
            "The chain ends at #3 but the head is at #5: entries at the end were deleted, or "
            "the head was moved forward.",
        )
    ]


def test_a_head_moved_forward_is_noticed(append):
    head = append(3)
    move_head(7, "f" * 64, head.signature)
    problems = reasons(verify_chain())
    assert problems[0][0] == 4 and "the head is at #7" in problems[0][1]
    assert "not signed with this installation's key" in problems[1][1]


def test_a_truncated_chain_with_its_head_moved_back_is_noticed(append):
    append(5)
    third = AuditEntry.objects.get(seq=3)
    delete_entries(4, 5)
    move_head(3, third.entry_hash)  # consistent, but the head keeps #5's signature
    assert reasons(verify_chain()) == [unsigned(3)]


def test_a_head_moved_back_over_remaining_entries_is_noticed(append):
    append(5)
    move_head(3, AuditEntry.objects.get(seq=3).entry_hash)
    assert reasons(verify_chain()) == [
        unsigned(3),
        (
            4,
            "Entry #4 lies beyond the head (#3): the head was moved back, or the entry was "
            "added without moving it.",
        ),
    ]


def test_a_rewrite_with_recomputed_hashes_is_noticed_at_the_head(append):
    append(5)
    rewrite_from(2, summary="nothing happened")
    assert reasons(verify_chain()) == [
        (
            5,
            "Entry #5 does not carry the head's hash: the chain was rewritten and its hashes "
            "recomputed, or the head was changed.",
        )
    ]


def test_a_rewrite_that_moves_the_head_too_fails_on_the_signature(append):
    append(5)
    move_head(5, rewrite_from(2, summary="nothing happened"))
    assert reasons(verify_chain()) == [unsigned(5)]


def test_an_append_refuses_to_extend_a_head_it_did_not_sign(append):
    append(3)
    move_head(3, rewrite_from(2, summary="nothing happened"))
    with pytest.raises(UnsignedHead, match="audit-sign-head"), transaction.atomic():
        record(actor=SYSTEM, event=AuditEvent.LOGGED_IN, summary="signed in")
    assert AuditEntry.objects.count() == 3


def test_a_rollback_to_an_earlier_signed_head_shows_only_against_a_later_copy(append, copy_of):
    earlier = append(3)
    later = append(2)
    delete_entries(4, 5)
    move_head(earlier.seq, earlier.hash, earlier.signature)
    assert verify_chain().intact  # every signature is genuine: only a copy of #5 tells
    verdict = verify_chain(saved=[saved_head(copy_of(later))])
    assert reasons(verdict) == [
        (
            5,
            "The chain no longer reaches the saved head #5: it ends at #3, so entries were "
            "removed.",
        )
    ]


def test_a_rewrite_signed_anew_shows_against_an_earlier_copy(append, copy_of):
    copy = saved_head(copy_of(append(3)))
    append(2)
    move_head(5, rewrite_from(2, summary="nothing happened"))
    sign_head_anew(actor=SYSTEM)  # what someone holding the key can do
    verdict = verify_chain(saved=[copy])
    assert reasons(verdict) == [
        (
            3,
            "The chain no longer passes through the saved head #3: the entry there has another "
            "hash, so the history up to it was rewritten.",
        )
    ]
    assert verify_chain(saved=[]).intact


def test_a_forged_copy_and_a_copy_under_another_key_are_told_apart(append, copy_of):
    copy = copy_of(append(2))
    forged = saved_head({**copy, "hash": "e" * 64})
    assert reasons(verify_chain(saved=[forged]))[0] == (
        2,
        "The saved head #2 is not validly signed by the key it names: it is not a head that was "
        "published.",
    )
    other = Ed25519PrivateKey.generate()
    raw_key = other.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    resigned = {
        **copy,
        "signature": base64.b64encode(other.sign(f"2:{copy['hash']}".encode())).decode(),
        "public_key": base64.b64encode(raw_key).decode(),
    }
    verdict = verify_chain(saved=[saved_head(resigned)])
    assert verdict.intact
    assert verdict.notes == [
        "The saved head #2 was signed with another key than this installation's current one: "
        "the key was changed since."
    ]


def test_signing_the_head_anew_is_recorded_and_lets_appends_resume(append):
    append(3)
    ChainHead.objects.update(signature="")  # as if the key had been replaced
    entry = sign_head_anew(actor=SYSTEM)
    assert (entry.seq, entry.event) == (4, AuditEvent.HEAD_SIGNED_ANEW)
    assert entry.data["seq"] == 3 and entry.data["previous_signature"] == ""
    assert entry.summary == f"Head #3 signed anew with the key {signing.public_key()}"
    append(1)
    assert verify_chain().intact


def test_signing_the_head_anew_is_refused_when_there_is_nothing_to_sign(append):
    with pytest.raises(InvalidTransition, match="no entries yet"):
        sign_head_anew(actor=SYSTEM)
    append(1)
    with pytest.raises(InvalidTransition, match="already signed"):
        sign_head_anew(actor=SYSTEM)
    assert AuditEntry.objects.count() == 1


def test_only_the_operator_signs_the_head_anew(secretariat_user):
    ChainHead.objects.update(signature="")
    with pytest.raises(NotPermitted, match="Only the operator"):
        sign_head_anew(actor=actor_for(secretariat_user))
    assert ChainHead.objects.get().signature == ""


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
