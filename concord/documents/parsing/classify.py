"""Give a unit its kind from its own words, before anything is placed.

As Django's template ``Lexer`` makes typed tokens for its ``Parser``, this pass says what each
unit looks like, and only that: where it stands (preamble or body, inside an article or not) is
for the placement (``part_builder``) to weigh. The tests run in order, the first that knows the
unit gives its kind, and what it found goes with it so that placement need not look again. A
new family of lines is a ``LineKind``, its test here at its rank, and its handlers in
``part_builder``.
"""

from __future__ import annotations

from . import vocabulary
from .dates import _place_and_date
from .kinds import LineKind
from .markers import _is_heading, _marker
from .preamble import _is_formula, _lead


def classify(text: str) -> tuple[LineKind, object]:
    """The kind of a unit, and what told it: the marker, the leading phrase, the place and date.

    The order of the tests is the rule: an annex heading is never an article; a numbered unit
    is numbered even if it holds a date; a dated line closes the text even if it opens like a
    clause; a formula ("Declare the following:") has no leading phrase, so it never competes
    with a clause; a clause may be short and unpunctuated like a heading (where that counts,
    in the body, placement asks). What nothing recognises is ``TEXT``.
    """
    if vocabulary.ANNEX.fullmatch(text):
        return LineKind.ANNEX, None
    marker = _marker(text)
    if marker is not None:
        return marker.kind, marker
    when = _place_and_date(text)
    if when is not None:
        return LineKind.CLOSING, when
    if _is_formula(text):
        return LineKind.FORMULA, None
    lead = _lead(text)
    if lead is not None:
        return LineKind.CLAUSE, lead
    if _is_heading(text):
        return LineKind.HEADING, None
    return LineKind.TEXT, None
