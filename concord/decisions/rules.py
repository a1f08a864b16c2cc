"""The rule of consensus, as pure functions of the record: no database, no clock."""

import datetime as dt
from collections.abc import Iterable

OPEN, CLOSED, WITHDRAWN = "open", "closed", "withdrawn"
ADOPTED, NOT_ADOPTED = "adopted", "not_adopted"
JOIN, OBJECT, STAND_ASIDE = "join", "object", "stand_aside"

# Which step may follow which; everything else is refused.
TRANSITIONS = {
    (OPEN, "state_position"): OPEN,
    (OPEN, "close"): CLOSED,
    (OPEN, "withdraw"): WITHDRAWN,
}


def outcome(current_positions: Iterable[str]) -> str:
    """Adopted when no Member State objects; standing aside does not block."""
    return NOT_ADOPTED if OBJECT in set(current_positions) else ADOPTED


def is_due(status: str, mode: str, deadline: dt.datetime | None, now: dt.datetime) -> bool:
    """A silence procedure closes itself at its deadline."""
    return status == OPEN and mode == "silence" and deadline is not None and now >= deadline


def accepts_positions(status: str, deadline: dt.datetime | None, now: dt.datetime) -> bool:
    return status == OPEN and (deadline is None or now < deadline)


def tally(seats: Iterable[str], current: dict[str, str]) -> dict[str, list[str]]:
    """States by position; a seated state with no position is silent."""
    board = {"joined": [], "objected": [], "stood_aside": [], "silent": []}
    column = {JOIN: "joined", OBJECT: "objected", STAND_ASIDE: "stood_aside"}
    for code in sorted(seats):
        board[column[current[code]] if code in current else "silent"].append(code)
    return board


def after(status: str, step: str) -> str | None:
    """The status a step leads to, or None when the step is not allowed from `status`."""
    return TRANSITIONS.get((status, step))
