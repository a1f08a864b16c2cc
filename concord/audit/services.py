"""`record` is the only way an audit entry is written; services call it inside their transaction.
Every append signs the new head, and refuses to extend a head this installation did not sign."""

import contextlib
import json
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import InvalidTransition, NotPermitted

from . import chain, signing
from .events import AuditEvent
from .models import AuditEntry, ChainHead


class UnsignedHead(RuntimeError):
    """The stored head carries no signature of this installation's key. Extending it would sign
    whatever someone with only database access made of the chain, so nothing is appended."""


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
    head, _created = ChainHead.objects.select_for_update().get_or_create(id=1)
    if head.seq and not signing.signed_by_us(head.seq, head.entry_hash, head.signature):
        raise UnsignedHead(
            f"The audit chain's head #{head.seq} is not signed with this installation's key, so "
            "no entry can be added. Check the chain with `concord audit-verify`, then sign the "
            "head with `concord audit-sign-head --for-real`."
        )
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
    entry.entry_hash = chain.compute_hash(entry)
    entry.save()
    _sign(head, entry.seq, entry.entry_hash)
    return entry


def _sign(head: ChainHead, seq: int, entry_hash: str) -> None:
    head.seq, head.entry_hash = seq, entry_hash
    head.signature = signing.sign_head(seq, entry_hash)
    head.signed_at = clock.now()
    head.save(update_fields=["seq", "entry_hash", "signature", "signed_at"])


@transaction.atomic(durable=True)
def sign_head_anew(*, actor: Actor) -> AuditEntry:
    """Sign the stored head with this installation's key, after the key was replaced or lost,
    and say so in the trail. Entries keep their hashes, so a break among them stays visible; what
    this vouches for is the head, which is why only the operator (the command line) may."""
    if not actor.is_system:
        raise NotPermitted(_("Only the operator can sign the audit chain's head anew."))
    head = ChainHead.objects.select_for_update().filter(id=1, seq__gt=0).first()
    if head is None:
        raise InvalidTransition(_("The audit trail has no entries yet: there is no head to sign."))
    if signing.signed_by_us(head.seq, head.entry_hash, head.signature):
        raise InvalidTransition(_("The head is already signed with this installation's key."))
    previous = head.signature
    _sign(head, head.seq, head.entry_hash)
    return record(
        actor=actor,
        event=AuditEvent.HEAD_SIGNED_ANEW,
        summary=f"Head #{head.seq} signed anew with the key {signing.public_key()}",
        data={"seq": head.seq, "hash": head.entry_hash, "previous_signature": previous},
    )


@contextlib.contextmanager
def _snapshot():
    """One consistent view of the head and the entries while appends go on."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def verify_chain(*, saved: Iterable[chain.Head] = ()) -> chain.Verdict:
    """Walk the whole chain against the stored, signed head and any heads saved by others."""
    with _snapshot():
        stored = ChainHead.objects.filter(id=1).first()
        head = (
            chain.Head(stored.seq, stored.entry_hash, stored.signature, signed_at=stored.signed_at)
            if stored
            else chain.Head(0, chain.GENESIS)
        )
        entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
        return chain.walk(entries, head, public_key=signing.public_key(), saved=saved)
