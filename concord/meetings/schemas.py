import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.models import Precision
from concord.members.models import Confidence

from .models import Meeting


class MeetingOut(Schema):
    slug: str
    body: str = Field(..., alias="body.code")
    kind: Literal[tuple(Meeting.Kind.values)]
    number: int | None
    title: str
    title_en: str
    title_ru: str
    starts_on: dt.date
    ends_on: dt.date | None
    precision: Literal[tuple(Precision.values)]
    place: str
    host: str | None
    status: Literal[tuple(Meeting.Status.values)]
    outcomes: list[str]
    source: str
    confidence: Literal[tuple(Confidence.values)]
    note: str

    @staticmethod
    def resolve_host(meeting) -> str | None:
        return meeting.host.code if meeting.host_id else None
