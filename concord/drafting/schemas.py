"""What the API takes and gives on drafts: each output schema reads its model object (or a
selector's read object) and says where every field comes from."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.schemas import IdentifierOf, InputSchema, TextOf
from concord.documents.models import Document

from . import selectors
from .amending import AmendmentKind, Place, kinds
from .comparison import ChangeStatus, Op
from .models import LANGUAGES, Amendment
from .requests import AmendmentRequest

Language = Literal[LANGUAGES]


DocumentStatus = Literal[tuple(Document.Status.values)]


class DraftItemOut(Schema):
    slug: str
    title: str
    status: DocumentStatus
    latest_version: int | None
    proposed_amendments: int

    @staticmethod
    def resolve_proposed_amendments(document) -> int:
        return document.proposed


class VersionOut(Schema):
    id: int
    number: int
    frozen: bool
    based_on: int | None = Field(None, description="number of the version it was made from")
    created_at: dt.datetime
    languages: list[str]
    amendments: int

    @staticmethod
    def resolve_based_on(version) -> int | None:
        return version.based_on.number if version.based_on_id else None

    @staticmethod
    def resolve_languages(version) -> list[str]:
        return selectors.languages(version)

    @staticmethod
    def resolve_amendments(version) -> int:
        return version.amendment_count


class DraftOut(Schema):
    slug: str
    title: str
    status: DocumentStatus
    amendable: bool
    versions: list[VersionOut]

    @staticmethod
    def resolve_amendable(document) -> bool:
        return selectors.is_amendable(document)

    @staticmethod
    def resolve_versions(document) -> list:
        return selectors.list_versions(document)


class UnitOut(Schema):
    id: str
    kind: str
    number: str
    text: str
    label: str = Field(..., description="what a reader calls the unit, in the request's language")
    wording: str = Field(
        ...,
        description="the unit's words with what it holds (blocks, lettered items): what a "
        "replacement starts from and a deletion strikes",
    )


class VersionTextOut(Schema):
    number: int = Field(..., alias="version.number")
    language: str
    frozen: bool = Field(..., alias="version.frozen")
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

    def to_request(self, version_id: int) -> AmendmentRequest:
        """``version_id`` is the id of the version ``version`` numbers."""
        return AmendmentRequest(
            version_id=version_id,
            language=self.language,
            kind=self.kind,
            unit=self.unit,
            rationale=self.rationale,
            text=self.text,
            place=self.place,
        )


class DecisionIn(InputSchema):
    note: TextOf(Amendment, "note") = ""


class RejectionIn(DecisionIn):
    reason: TextOf(
        Amendment, "reason", min_length=1, description="required: the delegation reads it"
    )


class AmendmentOut(Schema):
    id: int
    number: int
    version: int = Field(..., alias="version.number")
    language: Language
    kind: Literal[tuple(AmendmentKind.values)]
    unit: str
    place: Literal[("", *Place.values)]
    text: str
    rationale: str
    state: str = Field(..., alias="participant.code")
    proposed_at: dt.datetime
    status: Literal[tuple(Amendment.Status.values)]
    decided_at: dt.datetime | None
    note: str
    reason: str = Field(..., description="why it was rejected")
    incorporated_into: int | None
    made_units: list[str] = Field(
        ..., description="units of the version it was incorporated into that it made"
    )
    struck_units: list[str] = Field(..., description="units of its own version that it struck")

    @staticmethod
    def resolve_incorporated_into(amendment) -> int | None:
        return amendment.incorporated_into.number if amendment.incorporated_into_id else None


class SegmentOut(Schema):
    op: Literal[tuple(Op)]
    text: str


class AmendmentRefOut(Schema):
    number: int
    version: int = Field(..., alias="version.number")
    state: str = Field(..., alias="participant.code")


class UnitChangeOut(Schema):
    status: Literal[tuple(ChangeStatus)]
    old_id: str | None
    new_id: str | None
    kind: str
    segments: list[SegmentOut]
    amendments: list[AmendmentRefOut] = Field(
        ...,
        description="the amendments that made the change, when a version is compared with the "
        "one it was made from",
    )

    @staticmethod
    def resolve_old_id(change) -> str | None:
        return change.old["id"] if change.old else None

    @staticmethod
    def resolve_new_id(change) -> str | None:
        return change.new["id"] if change.new else None

    @staticmethod
    def resolve_kind(change) -> str:
        return (change.new or change.old)["kind"]


class ComparisonOut(Schema):
    slug: str = Field(..., alias="document.slug")
    language: str
    from_version: int = Field(..., alias="before.number")
    to_version: int = Field(..., alias="after.number")
    summary: dict[str, int]
    units: list[UnitChangeOut] = Field(..., alias="changes")
