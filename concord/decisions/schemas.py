import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.catalogue.models import Dimension, Measure, PriorityArea
from concord.core.schemas import (
    IdentifierOf,
    InputSchema,
    IsoDate,
    IsoDateTime,
    LineOf,
    TextOf,
)
from concord.meetings.models import Meeting
from concord.members.models import Body, Participant

from .models import Position, Procedure, Subject
from .selectors import Standing, standing

SETTLING = (
    "true from the deadline of a silence procedure until its outcome, which status and outcome "
    "already show, is recorded and its effect applied by the task worker"
)


class MeetingProposalIn(InputSchema):
    body: IdentifierOf(Body, "code", description="summit, ministerial_council, soc, swg ...")
    title: LineOf(Meeting, "title_en", min_length=1)
    title_ru: LineOf(Meeting, "title_ru") = ""
    starts_on: IsoDate
    ends_on: IsoDate | None = None
    place: LineOf(Meeting, "place_en") = ""
    place_ru: LineOf(Meeting, "place_ru") = ""
    host: IdentifierOf(Participant, "code") | None = Field(
        None, description="ISO code of the host state"
    )


class CatalogueChangeIn(InputSchema):
    action: Literal["add", "change"]
    measure: IdentifierOf(Measure, "code") | None = Field(
        None, description="for 'change': e.g. HD-3"
    )
    dimension: IdentifierOf(Dimension, "code") | None = Field(
        None, description="for 'add': MP, NT, EC, EN, HD"
    )
    area: IdentifierOf(PriorityArea, "code") | None = Field(
        None, description="for 'add': a priority area code"
    )
    text_en: TextOf(Measure, "text_en")
    text_ru: TextOf(Measure, "text_ru") = ""


class SubjectIn(InputSchema):
    type: Literal[tuple(Subject.values)]
    state: IdentifierOf(Participant, "code") | None = None
    version: int | None = Field(None, ge=1, le=2**31 - 1)
    text: TextOf(Procedure, "text") = ""
    meeting: MeetingProposalIn | None = Field(None, description="for type 'meeting'")
    catalogue: CatalogueChangeIn | None = Field(None, description="for type 'catalogue_change'")


class ProcedureIn(InputSchema):
    title: LineOf(Procedure, "title", min_length=1)
    subject: SubjectIn
    mode: Literal[tuple(Procedure.Mode.values)]
    deadline: IsoDateTime | None = Field(
        None, description="with its time zone; at most PROCEDURE_MAX_DEADLINE_DAYS ahead"
    )
    shared_with_observers: bool = False
    held_at: IdentifierOf(Meeting, "slug") | None = Field(
        None, description="slug of the meeting an in-session procedure is held at"
    )


class PositionIn(InputSchema):
    position: Literal[tuple(Position.Kind.values)]
    statement: TextOf(Position, "statement") = ""


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
    settling: bool = Field(description=SETTLING)
    deadline: dt.datetime | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    shared_with_observers: bool
    held_at: str | None
    effect: dict = Field(description="what the adoption made, e.g. {'meeting': slug}")
    tally: TallyOut
    positions: list[PositionOut]


class ProcedureItemOut(Schema):
    id: int
    title: str
    subject: str
    mode: str
    status: str
    outcome: str | None
    settling: bool = Field(description=SETTLING)
    deadline: dt.datetime | None
    opened_at: dt.datetime

    @staticmethod
    def resolve_status(procedure) -> str:
        return _standing(procedure).status

    @staticmethod
    def resolve_outcome(procedure) -> str | None:
        return _standing(procedure).outcome or None

    @staticmethod
    def resolve_settling(procedure) -> bool:
        return _standing(procedure).settling


def _standing(procedure) -> Standing:
    """Read once per row: a due procedure's standing costs a query."""
    if not hasattr(procedure, "_standing"):
        procedure._standing = standing(procedure)
    return procedure._standing
