import base64
import hashlib
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.test import Client

from concord.accounts import services as accounts
from concord.audit.models import ChainHead
from concord.core.actors import SYSTEM, actor_for

from .tampering import delete_entries


@pytest.fixture
def as_user():
    """A client with the user's API token; issuing it writes an entry, so get the client first."""

    def client(user) -> Client:
        _t, plaintext = accounts.issue_api_token(actor=SYSTEM, user=user, name="t")
        return Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")

    return client


def test_audit_api_is_for_the_secretariat_and_the_chair(
    secretariat_user, chair_user, delegate_user, as_user
):
    page = as_user(secretariat_user).get("/api/audit", {"event": "accounts.user_created"}).json()
    assert page["count"] == 3 and page["items"][0]["event"] == "accounts.user_created"
    assert as_user(chair_user).get("/api/audit/verify").json()["intact"] is True
    denied = as_user(delegate_user).get("/api/audit")
    assert denied.status_code == 403
    assert denied.json()["detail"] == "Only the Secretariat and the Chair can read the audit trail."


def test_anyone_reads_the_signed_head_and_can_check_it(append):
    append(3)
    response = Client().get("/api/audit/head")
    assert response.status_code == 200
    head = response.json()
    stored = ChainHead.objects.get()
    assert set(head) == {"seq", "hash", "signed_at", "signature", "public_key"}
    assert (head["seq"], head["hash"], head["signature"]) == (
        3,
        stored.entry_hash,
        stored.signature,
    )
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(head["public_key"]))
    key.verify(base64.b64decode(head["signature"]), f"3:{stored.entry_hash}".encode("ascii"))


def test_the_head_of_an_empty_trail_is_not_found(db):
    response = Client().get("/api/audit/head")
    assert response.status_code == 404
    assert response.json()["detail"] == "The audit trail has no entries yet."


def test_verify_says_which_entry_and_why(secretariat_user, as_user):
    client = as_user(secretariat_user)
    seq = ChainHead.objects.get().seq
    delete_entries(seq)
    body = client.get("/api/audit/verify").json()
    assert body == {
        "intact": False,
        "entries": seq - 1,
        "head_seq": seq,
        "first_broken_seq": seq,
        "problems": [
            {
                "seq": seq,
                "reason": f"The chain ends at #{seq - 1} but the head is at #{seq}: entries at "
                "the end were deleted, or the head was moved forward.",
            }
        ],
    }


def test_verify_checks_that_the_chain_passes_through_a_saved_head(
    append, secretariat_user, as_user
):
    client = as_user(secretariat_user)
    head = Client().get("/api/audit/head").json()
    append(2)
    passes = client.get("/api/audit/verify", {"seq": head["seq"], "hash": head["hash"]})
    assert passes.json()["intact"] is True
    other = client.get("/api/audit/verify", {"seq": head["seq"], "hash": "0" * 64})
    assert other.json()["first_broken_seq"] == head["seq"]
    assert "no longer passes through the saved head" in other.json()["problems"][0]["reason"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"seq": 1}, "hash"),
        ({"hash": "a" * 64}, "seq"),
        ({"seq": 0, "hash": "a" * 64}, "seq"),
        ({"seq": 1, "hash": "A" * 64}, "hash"),
        ({"seq": 1, "hash": "a" * 63}, "hash"),
    ],
)
def test_verify_refuses_half_a_saved_head(secretariat_user, as_user, params, field):
    response = as_user(secretariat_user).get("/api/audit/verify", params)
    assert response.status_code == 422
    assert response.json()["field"] == field


def test_verify_is_not_for_others(delegate_user, as_user, db):
    assert as_user(delegate_user).get("/api/audit/verify").status_code == 403
    anonymous = Client().get("/api/audit/verify")
    assert anonymous.status_code == 401


def test_whoever_reads_the_trail_can_recompute_the_chain_from_the_api_alone(chair_user):
    _t, plaintext = accounts.issue_api_token(actor=actor_for(chair_user), user=chair_user, name="t")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    head = Client().get("/api/audit/head").json()
    entries = client.get("/api/audit", {"page_size": 200}).json()["items"][::-1]
    previous = "0" * 64
    for item in entries:
        sealed = {k: v for k, v in item.items() if k not in ("actor", "entry_hash")}
        sealed["actor_label"] = item["actor"]
        canonical = json.dumps(sealed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert item["prev_hash"] == previous
        assert hashlib.sha256(canonical.encode()).hexdigest() == item["entry_hash"]
        previous = item["entry_hash"]
    assert (entries[-1]["seq"], previous) == (head["seq"], head["hash"])
    assert any(item["actor_user"] == chair_user.pk for item in entries)
