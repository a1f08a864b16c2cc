import datetime as dt

from ninja import Schema


class DocumentItemOut(Schema):
    slug: str
    symbol: str
    type: str
    status: str
    title: str
    title_en: str
    title_ru: str
    adopted_on: dt.date | None
    place: str
    body: str | None
    meeting: str
    languages: list[str]
    text_held: bool


class ImportOut(Schema):
    status: str
    slug: str | None
    language: str
    title: str
    paragraphs: int
    warnings: list[str]
    structure: dict | None = None


class SearchHitOut(Schema):
    unit: str
    kind: str
    snippet: str
    document: str
    title: str
    type: str
    adopted_on: dt.date | None
    language: str
    url: str
    rank: float


class SearchOut(Schema):
    query: str
    count: int
    more: bool
    page: int
    pages: int
    items: list[SearchHitOut]
