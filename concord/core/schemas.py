"""What every API schema shares: the error shape and the input types. Every input
schema (bodies and query strings alike) derives from `InputSchema`, so that whatever reaches a
handler has been checked, whatever content type carried it: a field's value, not the bytes of
the request, is what is refused, and it is refused naming the field."""

import datetime as dt
import re
from typing import Annotated, Any

from django.db import models
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from . import inputs


class FieldError(Schema):
    field: str | None
    message: str


class ErrorOut(Schema):
    """Every API error: a message, and the input field it is about (when there is one)."""

    detail: str
    field: str | None = None
    errors: list[FieldError] | None = None


def with_errors(ok: dict, *codes: int) -> dict:
    """A response map: the success schema(s) plus the documented error statuses. 401 is on
    every operation: a request that sends a token no longer valid (expired, revoked) is
    refused even where no token is needed, rather than read as anonymous."""
    return {**ok, **dict.fromkeys((401, *codes), ErrorOut)}


def _refuse(problem: str) -> None:
    # A custom error keeps pydantic's "Value error, " prefix out of the message.
    if problem:
        raise PydanticCustomError("invalid_input", problem)


def _storable(value: Any) -> None:
    if isinstance(value, str):
        _refuse(inputs.text_problem(value))
    elif isinstance(value, list | tuple | set):
        for item in value:
            _storable(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _storable(key)
            _storable(item)


class InputSchema(Schema):
    """The base of every input schema: no string value holds a character that no database or
    XML document holds (nested schemas check their own fields)."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_unstorable_characters(cls, value):
        _storable(value)
        return value


def _one_line(value: str) -> str:
    _refuse(inputs.text_problem(value, single_line=True))
    return value


def _identifier(max_length: int):
    def check(value: str) -> str:
        _refuse(inputs.identifier_problem(value, max_length=max_length))
        return value

    return check


def LineOf(model: type[models.Model], name: str, *, min_length: int = 0, **field: Any):
    """A single line (a title, a name, a place) for model field ``name``, limited as its column
    is."""
    limit = inputs.limit(model, name)
    return Annotated[
        str, Field(min_length=min_length, max_length=limit, **field), AfterValidator(_one_line)
    ]


def TextOf(model: type[models.Model], name: str, *, min_length: int = 0, **field: Any):
    """A text that may run over several lines, for model field ``name``."""
    limit = inputs.limit(model, name)
    return Annotated[str, Field(min_length=min_length, max_length=limit, **field)]


def IdentifierOf(model: type[models.Model], name: str, **field: Any):
    """A code or slug naming a row by model field ``name``: ASCII letters, digits, hyphens and
    underscores. The check is ours (its message names the rule in words); the schema documents
    it."""
    limit = inputs.limit(model, name)
    documented = {"maxLength": limit, "pattern": f"^{inputs.IDENTIFIER.pattern}$"}
    return Annotated[
        str, Field(json_schema_extra=documented, **field), AfterValidator(_identifier(limit))
    ]


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value):
    """Only YYYY-MM-DD: pydantic would otherwise read `0` as 1 January 1970."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
    elif isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
    else:
        day = None
    if day is None:
        _refuse(_("Enter a date as YYYY-MM-DD."))
    _refuse(inputs.date_problem(day))
    return day


def _iso_datetime(value):
    """Only an ISO 8601 date and time with its time zone, within the years Concord holds."""
    moment = value if isinstance(value, dt.datetime) else None
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
    if moment is None:
        _refuse(_("Enter a date and time as YYYY-MM-DDTHH:MM:SS+00:00."))
    _refuse(inputs.date_problem(moment))
    return moment


IsoDate = Annotated[
    dt.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]
IsoDateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_datetime),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
