"""For tests that play the attacker: the audit table refuses UPDATE and DELETE, so tampering
goes through `guard_lifted()`, which drops the triggers for its block (test settings only)."""

import contextlib

from django.db import connection

from concord.audit import guard
from concord.audit.chain import compute_hash
from concord.audit.models import AuditEntry, ChainHead


@contextlib.contextmanager
def guard_lifted():
    with guard.lifted(connection.alias):
        yield


def change_entry(seq: int, **fields) -> None:
    """Change an entry as a database-only attacker would, leaving its hash as it was."""
    with guard_lifted():
        AuditEntry.objects.filter(seq=seq).update(**fields)


def delete_entries(*seqs: int) -> None:
    with guard_lifted():
        AuditEntry.objects.filter(seq__in=seqs).delete()


def rewrite_from(seq: int, **fields) -> str:
    """Change entry `seq` and recompute its hash and every later link and hash, as an attacker
    who knows the scheme would; returns the new last hash (the head is left alone)."""
    entries = list(AuditEntry.objects.filter(seq__gte=seq).order_by("seq"))
    previous = None
    with guard_lifted():
        for entry in entries:
            if previous is None:
                for name, value in fields.items():
                    setattr(entry, name, value)
            else:
                entry.prev_hash = previous
            entry.entry_hash = compute_hash(entry)
            AuditEntry.objects.filter(pk=entry.pk).update(
                **{name: getattr(entry, name) for name in fields},
                prev_hash=entry.prev_hash,
                entry_hash=entry.entry_hash,
            )
            previous = entry.entry_hash
    return previous


def move_head(seq: int, entry_hash: str, signature: str | None = None) -> None:
    """The head is no guarded table: every append moves it. Only its signature protects it."""
    fields = {"seq": seq, "entry_hash": entry_hash}
    if signature is not None:
        fields["signature"] = signature
    ChainHead.objects.filter(id=1).update(**fields)
