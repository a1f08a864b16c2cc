import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.schemas import IsoDate


class MeetingProposalIn(Schema):
    body: str = Field(..., max_length=40, description="summit, ministerial_council, soc, swg ...")
    title: str = Field(..., max_length=300)
    title_ru: str = Field("", max_length=300)
    starts_on: IsoDate
    ends_on: IsoDate | None = None
    place: str = Field("", max_length=200)
    place_ru: str = Field("", max_length=200)
    host: str | None = Field(None, max_length=10, description="ISO code of the host state")


class CatalogueChangeIn(Schema):
    action: Literal["add", "change"]
    measure: str | None = Field(None, max_length=12, description="for 'change': e.g. HD-3")
    dimension: str | None = Field(None, max_length=4, description="for 'add': MP, NT, EC, EN, HD")
    area: str | None = Field(None, max_length=40, description="for 'add': a priority area code")
    text_en: str = Field(..., max_length=20000)
    text_ru: str = Field("", max_length=20000)


class SubjectIn(Schema):
    type: Literal[
        "accession",
        "observer_status",
        "end_observer_status",
        "chairmanship",
        "document_adoption",
        "meeting",
        "catalogue_change",
        "text",
    ]
    state: str | None = Field(None, max_length=10)
    version: int | None = Field(None, ge=1, le=2**31 - 1)
    text: str = Field("", max_length=20000)
    meeting: MeetingProposalIn | None = Field(None, description="for type 'meeting'")
    catalogue: CatalogueChangeIn | None = Field(None, description="for type 'catalogue_change'")


class ProcedureIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    subject: SubjectIn
    mode: Literal["silence", "in_session"]
    deadline: dt.datetime | None = None
    shared_with_observers: bool = False
    held_at: str | None = Field(
        None, max_length=80, description="slug of the meeting an in-session procedure is held at"
    )


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
    deadline: dt.datetime | None
    opened_at: dt.datetime

    @staticmethod
    def resolve_outcome(procedure) -> str | None:
        return procedure.outcome or None
