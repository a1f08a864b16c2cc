import datetime as dt
from typing import Literal

from ninja import Field, Schema


class SubjectIn(Schema):
    type: Literal[
        "accession",
        "observer_status",
        "end_observer_status",
        "chairmanship",
        "document_adoption",
        "text",
    ]
    state: str | None = Field(None, max_length=10)
    version: int | None = Field(None, ge=1, le=2**31 - 1)
    text: str = Field("", max_length=20000)


class ProcedureIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    subject: SubjectIn
    mode: Literal["silence", "in_session"]
    deadline: dt.datetime | None = None
    shared_with_observers: bool = False


class PositionIn(Schema):
    position: Literal["join", "object", "stand_aside"]
    statement: str = Field("", max_length=20000)


class TallyOut(Schema):
    joined: list[str]
    objected: list[str]
    stood_aside: list[str]
    silent: list[str]


class PositionOut(Schema):
    state: str
    position: str
    statement: str
    stated_at: dt.datetime
    current: bool


class ProcedureOut(Schema):
    id: int
    title: str
    subject: dict
    mode: str
    status: Literal["open", "closed", "withdrawn"]
    outcome: Literal["adopted", "not_adopted"] | None
    deadline: dt.datetime | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    shared_with_observers: bool
    tally: TallyOut
    positions: list[PositionOut]


class ProcedureItemOut(Schema):
    id: int
    title: str
    subject: str
    mode: str
    status: str
    outcome: str | None
    deadline: dt.datetime | None
    opened_at: dt.datetime

    @staticmethod
    def resolve_outcome(procedure) -> str | None:
        return procedure.outcome or None
