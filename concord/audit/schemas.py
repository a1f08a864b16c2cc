import datetime as dt

from ninja import Schema


class AuditEntryOut(Schema):
    seq: int
    occurred_at: dt.datetime
    event: str
    actor: str
    actor_role: str
    acting_for: str
    target_type: str
    target_id: str
    summary: str
    data: dict
    prev_hash: str
    entry_hash: str

    @staticmethod
    def resolve_actor(entry) -> str:
        return entry.actor_label


class ChainOut(Schema):
    intact: bool
    entries: int
    first_broken_seq: int | None
