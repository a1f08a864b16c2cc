"""Dates, places and the other lines of a header ("Adopted by ...", "Almaty, 17 June 2006")."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from . import vocabulary


@dataclass(slots=True)
class _PlaceDate:
    place: str | None
    date: datetime.date | None


def _find_date(text: str) -> tuple[re.Match | None, datetime.date | None]:
    if not vocabulary.YEAR.search(text):  # cheap test first: most units hold no date at all
        return None, None
    match = vocabulary.DATE.search(text)
    if not match:
        return None, None
    g = match.groupdict()
    if g["d1"]:
        day, month, year = int(g["d1"]), _month(g["m1"]), int(g["y1"])
    elif g["d2"]:
        day, month, year = int(g["d2"]), _month(g["m2"]), int(g["y2"])
    elif g["d3"]:
        day, month, year = int(g["d3"]), int(g["m3"]), int(g["y3"])
    else:
        day, month, year = int(g["d4"]), int(g["m4"]), int(g["y4"])
    try:
        return match, datetime.date(year, month, day)
    except ValueError:
        return match, None


def _month(name: str) -> int:
    # Case-blind matching lets look-alikes through ("Auguſt"): those are no month (0).
    return vocabulary.MONTHS.get(name.lower(), 0)


def _place_and_date(text: str) -> _PlaceDate | None:
    """'Almaty, 17 June 2006', 'Done at Almaty on 17 June 2006 ...', '17.06.2006' and the like."""
    done = vocabulary.DONE_AT.match(text)
    if len(text) > 160 and not done:
        return None
    body = text[1:-1] if text.startswith("(") and text.endswith(")") else text
    match, day = _find_date(body)
    if match is None:
        return None
    prefix = body[: match.start()]
    done = vocabulary.DONE_AT.match(prefix)
    if done:
        prefix = prefix[done.end() :]
    elif not vocabulary.DATE_SUFFIX.fullmatch(body[match.end() :]):
        return None
    place_prefix = vocabulary.PLACE_PREFIX.match(prefix)
    if place_prefix:
        prefix = prefix[place_prefix.end() :]
    place = _strip_tail(prefix)
    if len(place.split()) > 6 or vocabulary.SENTENCE_PUNCTUATION.search(place):
        return None
    return _PlaceDate(place or None, day)


def _strip_tail(text: str) -> str:
    """'Almaty, on the ' -> 'Almaty': what is left of a line once its date is cut out."""
    text = text.rstrip(" ,")
    while True:
        head, _, last = text.rpartition(" ")
        if last.lower() not in vocabulary.PLACE_TAIL_WORDS:
            return text
        text = head.rstrip(" ,")


@dataclass(slots=True)
class _FrontLine:
    adopted_by: str | None
    when: _PlaceDate | None


def _front_line(text: str) -> _FrontLine | None:
    """An "Adopted by ..." line or a place/date line of the header."""
    adopted = vocabulary.ADOPTED.fullmatch(text)
    if adopted:
        by = adopted.group(1) or adopted.group(2)
        match, day = _find_date(by)
        if match is None:
            return _FrontLine(by, None)
        by = _strip_tail(by[: match.start()]) or by
        return _FrontLine(by, _PlaceDate(None, day))
    when = _place_and_date(text)
    return _FrontLine(None, when) if when else None


def _looks_like_name(text: str) -> bool:
    return (
        len(text.split()) >= 2
        and not any(c.isdigit() or c in ":/@" for c in text)
        and sum(c.isalpha() for c in text) * 2 > len(text)
    )
