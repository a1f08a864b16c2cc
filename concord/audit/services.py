"""`record` is the only way an audit entry is written; services call it inside their transaction."""

import hashlib
import json

from django.db import connection, transaction

from concord.core import clock
from concord.core.actors import Actor

from .events import AuditEvent
from .models import AuditEntry, ChainHead

GENESIS = "0" * 64


def canonical(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_fields(entry: AuditEntry) -> dict:
    """What the hash seals: everything but the hash itself."""
    return {
        "seq": entry.seq,
        "occurred_at": entry.occurred_at.isoformat(),
        "event": entry.event,
        "actor_user": entry.actor_user_id,
        "actor_label": entry.actor_label,
        "actor_role": entry.actor_role,
        "acting_for": entry.acting_for,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "summary": entry.summary,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }


def compute_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry_fields(entry))).hexdigest()


def record(
    *,
    actor: Actor,
    event: AuditEvent,
    summary: str,
    target=None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry. Must run inside the caller's transaction, so both commit or neither."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit.record must be called inside the service's transaction")
    head, _ = ChainHead.objects.select_for_update().get_or_create(id=1)
    entry = AuditEntry(
        seq=head.seq + 1,
        occurred_at=clock.now(),
        event=event,
        actor_user=actor.user,
        actor_label=actor.label,
        actor_role=actor.role,
        acting_for=actor.participant.code if actor.participant else "",
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        summary=summary,
        data=json.loads(json.dumps(data or {}, default=str)),
        prev_hash=head.entry_hash,
    )
    entry.entry_hash = compute_hash(entry)
    entry.save()
    head.seq, head.entry_hash = entry.seq, entry.entry_hash
    head.save(update_fields=["seq", "entry_hash"])
    return entry


@transaction.atomic
def verify_chain() -> tuple[bool, int, int | None]:
    """Walk the chain from the start: (intact, entries checked, first broken seq or None)."""
    previous = GENESIS
    count = 0
    for entry in AuditEntry.objects.order_by("seq").iterator():
        count += 1
        if (
            entry.seq != count
            or entry.prev_hash != previous
            or compute_hash(entry) != entry.entry_hash
        ):
            return False, count, entry.seq
        previous = entry.entry_hash
    return True, count, None
