"""What a procedure's page says in a sentence: where the question stands, what closing it now
would decide, what a position recorded. Pure functions of names and kinds, in the reader's
language, so that the page, the htmx answer and the API say the same thing."""

import datetime as dt
from collections.abc import Sequence

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import Mode, Outcome, PositionKind, Status

# A moment as people read it: "28 November 2026, 20:02 UTC" ("28 ноября 2026, 20:02 UTC").
MOMENT = "j E Y, H:i T"


def moment(at: dt.datetime) -> str:
    """``at`` in the active time zone, with the zone's abbreviation."""
    return formats.date_format(timezone.localtime(at), MOMENT)


def states(names: Sequence[str]) -> str:
    """ "India", "India and China", "India, China and Iran"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def agreement(names: Sequence[str]) -> int:
    """The number a verb agrees with: one state, or several (in Russian a list of 21 names
    takes the plural, as any list of several does)."""
    return 1 if len(names) == 1 else 2


def stated(state: str, kind: str) -> str:
    """ "Kazakhstan objects"."""
    sentence = {
        PositionKind.JOIN: _("%(state)s joins the consensus"),
        PositionKind.OBJECT: _("%(state)s objects"),
        PositionKind.STAND_ASIDE: _("%(state)s stands aside"),
    }[PositionKind(kind)]
    return sentence % {"state": state}


def recorded(state: str, kind: str, at: dt.datetime) -> str:
    """ "Kazakhstan objects — recorded 28 November 2026, 20:02 UTC": what an accepted position
    tells the delegation that stated it."""
    return _("%(position)s — recorded %(when)s") % {
        "position": stated(state, kind),
        "when": moment(at),
    }


def question(*, status: str, mode: str, outcome: str, objected: Sequence[str]) -> str:
    """Where the question stands, in one line: "Silence holds: no objection so far",
    "Silence broken: India objects", "Adopted: no Member State objected"."""
    n, who = agreement(objected), states(objected)
    if status == Status.WITHDRAWN:
        return _("Withdrawn: no decision was taken")
    if status == Status.CLOSED:
        if outcome == Outcome.ADOPTED:
            return _("Adopted: no Member State objected")
        return ngettext(
            "Not adopted: %(states)s objected", "Not adopted: %(states)s objected", n
        ) % {"states": who}
    if mode == Mode.SILENCE:
        if not objected:
            return _("Silence holds: no objection so far")
        return ngettext(
            "Silence broken: %(states)s objects", "Silence broken: %(states)s object", n
        ) % {"states": who}
    if not objected:
        return _("In session: no objection so far")
    return ngettext("In session: %(states)s objects", "In session: %(states)s object", n) % {
        "states": who
    }


def forecast(board: dict[str, list[str]]) -> str:
    """What closing now would decide and why, from the tally by name: the Chair's confirmation
    before closing an in-session procedure."""
    objected = board["objected"]
    if objected:
        return ngettext(
            "If you close now, the decision is not adopted: %(states)s objects.",
            "If you close now, the decision is not adopted: %(states)s object.",
            agreement(objected),
        ) % {"states": states(objected)}
    return _(
        "If you close now, the decision is adopted: no Member State objects "
        "(%(joined)s joined, %(aside)s stood aside, %(silent)s did not respond)."
    ) % {
        "joined": len(board["joined"]),
        "aside": len(board["stood_aside"]),
        "silent": len(board["silent"]),
    }
