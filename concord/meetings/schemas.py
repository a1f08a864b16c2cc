import datetime as dt

from ninja import Field, Schema


class MeetingOut(Schema):
    slug: str
    body: str = Field(..., alias="body.code")
    kind: str
    number: int | None
    title: str
    title_en: str
    title_ru: str
    starts_on: dt.date
    ends_on: dt.date | None
    precision: str
    place: str
    host: str | None
    status: str
    outcomes: list[str]
    source: str
    confidence: str
    note: str

    @staticmethod
    def resolve_host(meeting) -> str | None:
        return meeting.host.code if meeting.host_id else None
