import datetime as dt

from ninja import Schema


class MeetingOut(Schema):
    slug: str
    body: str
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
