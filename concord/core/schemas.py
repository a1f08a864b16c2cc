import datetime as dt
import re
from typing import Annotated

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import BeforeValidator, WithJsonSchema


class FieldError(Schema):
    field: str | None
    message: str


class ErrorOut(Schema):
    """Every API error: a message, and the input field it is about (when there is one)."""

    detail: str
    field: str | None = None
    errors: list[FieldError] | None = None


def with_errors(ok: dict, *codes: int) -> dict:
    """A response map: the success schema(s) plus the documented error statuses."""
    return {**ok, **dict.fromkeys(codes, ErrorOut)}


def _iso_date(value):
    """Only YYYY-MM-DD: pydantic would otherwise read `0` as 1 January 1970."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError("Enter a date as YYYY-MM-DD")
    return dt.date.fromisoformat(value)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[
    dt.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]


class Pages(PageNumberPagination):
    """Page numbers with a ceiling the database can hold."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)
