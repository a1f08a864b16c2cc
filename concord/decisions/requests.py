"""A procedure to open, as each adapter (the API, the form, a test) hands it to the service:
one value, so that a new input is added in one place rather than passed along by hand."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SubjectRequest:
    """``proposal`` is the subject's own part (the meeting to convene, the catalogue change),
    named in errors ``subject.<part>.<field>``."""

    type: str
    state: str | None = None
    version: int | None = None
    text: str = ""
    proposal: dict | None = None


@dataclass(frozen=True)
class ProcedureRequest:
    title: str
    subject: SubjectRequest
    mode: str
    deadline: dt.datetime | None = None
    shared_with_observers: bool = False
    held_at: str | None = None
