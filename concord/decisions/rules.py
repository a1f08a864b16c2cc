"""The rule of consensus, as pure functions of the record: no database, no clock."""

import datetime as dt
from collections.abc import Iterable

from .choices import Mode, Outcome, PositionKind, Status

# Which step may follow which; everything else is refused.
TRANSITIONS = {
    (Status.OPEN, "state_position"): Status.OPEN,
    (Status.OPEN, "close"): Status.CLOSED,
    (Status.OPEN, "withdraw"): Status.WITHDRAWN,
}


def outcome(current_positions: Iterable[str]) -> str:
    """Adopted when no Member State objects; standing aside does not block."""
    return Outcome.NOT_ADOPTED if PositionKind.OBJECT in set(current_positions) else Outcome.ADOPTED


def is_due(status: str, mode: str, deadline: dt.datetime | None, now: dt.datetime) -> bool:
    """A silence procedure closes itself at its deadline."""
    return (
        status == Status.OPEN and mode == Mode.SILENCE and deadline is not None and now >= deadline
    )


def accepts_positions(status: str, deadline: dt.datetime | None, now: dt.datetime) -> bool:
    return status == Status.OPEN and (deadline is None or now < deadline)


def tally(seats: Iterable[str], current: dict[str, str]) -> dict[str, list[str]]:
    """States by position; a seated state with no position is silent."""
    board = {"joined": [], "objected": [], "stood_aside": [], "silent": []}
    column = {
        PositionKind.JOIN: "joined",
        PositionKind.OBJECT: "objected",
        PositionKind.STAND_ASIDE: "stood_aside",
    }
    for code in sorted(seats):
        board[column[current[code]] if code in current else "silent"].append(code)
    return board


def after(status: str, step: str) -> str | None:
    """The status a step leads to, or None when the step is not allowed from `status`."""
    return TRANSITIONS.get((status, step))
