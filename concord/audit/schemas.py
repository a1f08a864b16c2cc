import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import WithJsonSchema

# Exactly as sealed by the hash (microseconds included): the API's JSON encoder would cut
# datetimes to milliseconds, and a reader could no longer recompute the chain.
SealedDateTime = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]


class AuditEntryOut(Schema):
    """`entry_hash` is SHA-256 over the canonical JSON of these fields (`chain.entry_fields`),
    so whoever reads the trail can recompute the chain without trusting the server."""

    seq: int
    occurred_at: SealedDateTime
    event: str
    actor: str
    actor_user: int | None
    actor_role: str
    acting_for: str
    target_type: str
    target_id: str
    summary: str
    data: dict
    prev_hash: str
    entry_hash: str

    @staticmethod
    def resolve_occurred_at(entry) -> str:
        return entry.occurred_at.isoformat()

    @staticmethod
    def resolve_actor(entry) -> str:
        return entry.actor_label

    @staticmethod
    def resolve_actor_user(entry) -> int | None:
        return entry.actor_user_id


class SignedHeadOut(Schema):
    """Keep a copy: `concord audit-verify copy.json` shows later whether the chain still passes
    through it. The signature is Ed25519 over the ASCII bytes `<seq>:<hash>`; the signature and
    the public key (its raw 32 bytes) are in base64."""

    seq: int
    hash: str
    signed_at: dt.datetime | None
    signature: str
    public_key: str


class VerifyQuery(Schema):
    seq: int | None = Field(None, ge=1, le=2**63 - 1, description="seq of a saved head")
    hash: str | None = Field(None, pattern=r"^[0-9a-f]{64}$", description="hash of a saved head")


class ProblemOut(Schema):
    seq: int
    reason: str


class ChainOut(Schema):
    intact: bool
    entries: int
    head_seq: int
    first_broken_seq: int | None
    problems: list[ProblemOut]
