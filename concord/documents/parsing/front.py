"""The front of a part: header lines (who adopted it, where, when), then the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import vocabulary
from .dates import _front_line, _FrontLine
from .errors import gettext_noop
from .kinds import LineKind
from .lettercase import _continues_title, _normalise_title
from .structure import Part
from .units import _Unit

if TYPE_CHECKING:
    from .builder import _DocumentBuilder

_MARKED = frozenset(
    {
        LineKind.ARTICLE,
        LineKind.RULE,
        LineKind.SECTION,
        LineKind.PARAGRAPH,
        LineKind.SUBPARAGRAPH,
    }
)


def read_front(
    doc: _DocumentBuilder, units: list[_Unit], part: Part, prefix: str
) -> tuple[int, str | None]:
    """Fill the header and the title of ``part``.

    Returns where the enacting part or the preamble begins, and the id of the last unit read
    (None if there was none).
    """
    limit = next((i for i, unit in enumerate(units) if _opens_text(unit)), len(units))
    fronts = [_front_line(u.text) for u in units[:limit]]
    for unit, front in zip(units, fronts, strict=False):
        if _invalid_date(front):
            doc.warn(unit.line, gettext_noop("the date is not a valid calendar date"))
    title_at = _title_at(units, fronts)
    if title_at is None:
        return limit, _read_header_only(doc, units, limit, part, prefix)
    part.header.extend(u.text for u in units[:title_at])
    return _read_title(part, units, fronts, title_at), f"{prefix}title"


def _read_header_only(
    doc: _DocumentBuilder, units: list[_Unit], limit: int, part: Part, prefix: str
) -> str | None:
    part.header.extend(u.text for u in units[:limit])
    if not prefix:  # an annex may have no title of its own; the document must
        doc.warn(units[0].line if units else 1, gettext_noop("no title found"))
    return f"{prefix}header-{len(part.header)}" if part.header else None


def _invalid_date(front: _FrontLine | None) -> bool:
    return front is not None and front.when is not None and front.when.date is None


def _opens_text(unit: _Unit) -> bool:
    if unit.kind in _MARKED or unit.text[-1] in ",;:":
        return True
    # "Adopted by the Summit on 17 June 2006" opens like a clause, but is a header line.
    return unit.kind is LineKind.CLAUSE and _front_line(unit.text) is None


def _title_at(units: list[_Unit], fronts: list[_FrontLine | None]) -> int | None:
    candidates = [i for i, front in enumerate(fronts) if front is None]
    typed = next((i for i in candidates if vocabulary.DOCTYPE.match(units[i].text)), None)
    if typed is not None or not candidates:
        return typed
    return candidates[-1]  # without a document type, the line just above the text


def _read_title(
    part: Part, units: list[_Unit], fronts: list[_FrontLine | None], title_at: int
) -> int:
    """The title and the lines that continue it (header lines among them stay header)."""
    title_lines = list(units[title_at].lines)
    end = title_at + 1
    while end < len(fronts):
        unit = units[end]
        if fronts[end] is not None:
            part.header.append(unit.text)
        elif _continues_title(unit.text, title_lines):
            title_lines.extend(unit.lines)
        else:
            break
        end += 1
    part.title = _normalise_title(title_lines)
    part.title_line = units[title_at].line
    return end
