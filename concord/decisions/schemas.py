import datetime as dt
from typing import Literal

from ninja import Field, Schema
from pydantic import create_model

from concord.core.schemas import (
    IdentifierOf,
    InputSchema,
    IsoDateTime,
    LineOf,
    TextOf,
)
from concord.meetings.models import Meeting
from concord.members.models import Participant

from .choices import Mode, Outcome, PositionKind, Status
from .models import Position, Procedure
from .requests import ProcedureRequest, SubjectRequest
from .selectors import Standing, standing
from .subjects import registry

SETTLING = (
    "true from the deadline of a silence procedure until its outcome, which status and outcome "
    "already show, is recorded and its effect applied by the task worker"
)


def _for(need: str) -> str:
    return "for type " + ", ".join(
        f"'{s.name}'" for s in registry.all_subjects() if need in s.needs
    )


class _SubjectIn(InputSchema):
    type: Literal[tuple(registry.names())]
    state: IdentifierOf(Participant, "code", description=_for("state")) | None = None
    version: int | None = Field(None, ge=1, le=2**31 - 1, description=_for("version"))
    text: TextOf(Procedure, "text", description=_for("text")) = ""

    def to_request(self) -> SubjectRequest:
        part = registry.get(self.type).part
        proposal = getattr(self, part) if part else None
        return SubjectRequest(
            type=self.type,
            state=self.state,
            version=self.version,
            text=self.text,
            proposal=proposal.model_dump() if proposal else None,
        )


# The inputs shared by several subjects, then each subject's own part.
SubjectIn = create_model(
    "SubjectIn",
    __base__=_SubjectIn,
    **{
        s.part: (s.schema | None, Field(None, description=f"for type '{s.name}'"))
        for s in registry.all_subjects()
        if s.part
    },
)


class ProcedureIn(InputSchema):
    title: LineOf(Procedure, "title", min_length=1)
    subject: SubjectIn
    mode: Literal[tuple(Mode.values)]
    deadline: IsoDateTime | None = Field(
        None, description="with its time zone; at most PROCEDURE_MAX_DEADLINE_DAYS ahead"
    )
    shared_with_observers: bool = False
    held_at: IdentifierOf(Meeting, "slug") | None = Field(
        None, description="slug of the meeting an in-session procedure is held at"
    )

    def to_request(self) -> ProcedureRequest:
        return ProcedureRequest(
            title=self.title,
            subject=self.subject.to_request(),
            mode=self.mode,
            deadline=self.deadline,
            shared_with_observers=self.shared_with_observers,
            held_at=self.held_at,
        )


class PositionIn(InputSchema):
    position: Literal[tuple(PositionKind.values)]
    statement: TextOf(Position, "statement") = ""


class ReopenIn(InputSchema):
    reason: TextOf(
        Procedure,
        "withdrawn_because",
        min_length=1,
        description="why the procedure is withdrawn; recorded on it and sent to the coordinators",
    )
    deadline: IsoDateTime | None = Field(
        None, description="of the new silence procedure; two weeks from now if not given"
    )


class SupersededOut(Schema):
    version: int = Field(description="the number of the version under decision")
    latest_version: int = Field(description="the number of the version that supersedes it")
    kept: bool = Field(
        description="the Chair or the Secretariat chose to keep the procedure on its version"
    )


class TallyOut(Schema):
    joined: list[str]
    objected: list[str]
    stood_aside: list[str]
    silent: list[str]


class StatedByOut(Schema):
    name: str = Field(description="the account's name, or its e-mail address if it has none")
    role: str = Field(description="coordinator or delegate: the roles that speak for a state")


class PositionOut(Schema):
    state: str
    position: str
    statement: str
    stated_by: StatedByOut = Field(description="the account through which the state spoke")
    stated_at: dt.datetime
    current: bool


class ProcedureOut(Schema):
    id: int
    title: str
    record_number: str | None = Field(
        description="the decision record's number, CICA/D/<year>/<n>: the n-th procedure "
        "closed with an outcome in that year; null until it closes (and for a withdrawn one)"
    )
    question: str = Field(
        description="where the question stands, in one line, in the language of the request: "
        "'Silence holds: no objection so far', 'Silence broken: India objects'"
    )
    subject: dict
    mode: Literal[tuple(Mode.values)]
    status: Literal[tuple(Status.values)]
    outcome: Literal[tuple(Outcome.values)] | None
    settling: bool = Field(description=SETTLING)
    deadline: dt.datetime | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    opened_by: str | None = Field(description="the account that opened it")
    closed_by: str | None = Field(
        description="the account that closed or withdrew it; null when its deadline closed it"
    )
    shared_with_observers: bool
    held_at: str | None
    effect: dict = Field(description="what the adoption made, e.g. {'meeting': slug}")
    superseded: SupersededOut | None = Field(
        description="while open on a version of a document that a later version supersedes"
    )
    reopened_as: int | None = Field(description="the procedure that replaced this withdrawn one")
    withdrawn_because: str
    tally: TallyOut
    positions: list[PositionOut]


class ProcedureItemOut(Schema):
    id: int
    title: str
    record_number: str | None = Field(description="see the procedure's record_number")
    subject: str
    mode: Literal[tuple(Mode.values)]
    status: Literal[tuple(Status.values)]
    outcome: Literal[tuple(Outcome.values)] | None
    settling: bool = Field(description=SETTLING)
    deadline: dt.datetime | None
    opened_at: dt.datetime

    @staticmethod
    def resolve_record_number(procedure) -> str | None:
        return procedure.record_number or None

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
