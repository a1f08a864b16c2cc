import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.schemas import IdentifierOf, InputSchema, TextOf

from .amending import AmendmentKind, Place, kinds
from .models import LANGUAGES, Amendment

Language = Literal[LANGUAGES]


class DraftItemOut(Schema):
    slug: str
    title: str
    status: str
    latest_version: int | None
    proposed_amendments: int


class VersionOut(Schema):
    id: int
    number: int
    frozen: bool
    based_on: int | None = Field(None, description="number of the version it was made from")
    created_at: dt.datetime
    languages: list[str]
    amendments: int


class DraftOut(Schema):
    slug: str
    title: str
    status: str
    amendable: bool
    versions: list[VersionOut]


class UnitOut(Schema):
    id: str
    kind: str
    number: str
    text: str


class VersionTextOut(Schema):
    number: int
    language: str
    frozen: bool
    units: list[UnitOut]


class AmendmentIn(InputSchema):
    version: int | None = Field(
        None, ge=1, le=2**31 - 1, description="version number; the latest when left out"
    )
    language: Language = "en"
    kind: Literal[tuple(AmendmentKind.values)] = Field(..., description=kinds.described())
    unit: IdentifierOf(Amendment, "unit", description="e.g. op-8, pre-3, op-8-a")
    place: Literal[("", *Place.values)] = Field("", description="for an insertion")
    text: TextOf(Amendment, "text") = ""
    rationale: TextOf(Amendment, "rationale", min_length=1)


class DecisionIn(InputSchema):
    note: TextOf(Amendment, "note") = ""


class AmendmentOut(Schema):
    id: int
    number: int
    version: int
    language: str
    kind: str
    unit: str
    place: str
    text: str
    rationale: str
    state: str
    proposed_at: dt.datetime
    status: Literal["proposed", "accepted", "rejected", "withdrawn", "incorporated", "lapsed"]
    decided_at: dt.datetime | None
    note: str
    incorporated_into: int | None


class SegmentOut(Schema):
    op: Literal["equal", "insert", "delete"]
    text: str


class UnitChangeOut(Schema):
    status: Literal["unchanged", "changed", "inserted", "deleted"]
    old_id: str | None
    new_id: str | None
    kind: str
    segments: list[SegmentOut]


class ComparisonOut(Schema):
    slug: str
    language: str
    from_version: int
    to_version: int
    summary: dict[str, int]
    units: list[UnitChangeOut]
