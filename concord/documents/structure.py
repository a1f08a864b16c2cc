"""Do two language versions of one text have the same structure? The languages of a version
share their unit ids (``pre-3``, ``op-7-b``, ``sec-II``, ``annex-1-op-2``), so the structures
match when both texts have the same structural units, and each operative paragraph stands in
the same section: the same number of preambular paragraphs, the same operative numbering, the
same items and further parts of paragraphs, the same sections and annexes.

The frame of a text (its header, title, opening and operative words, closing line) is left
out: a bilingual header, or an opening the parser reads as a clause in one language only, does
not make two translations different texts. What is compared is what amendments, commitments
and references point at.

A difference names its unit as a reader does (``labels``), in the reader's language, and the
line of the new text where it is, or near which it is missing, so that a translator can find
it. Pure: both texts come parsed; the line numbers come from the new text's source.
"""

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import labels
from .parsing import ParsedDocument, UnitKind
from .rendering import walk

STRUCTURAL = frozenset(
    {
        UnitKind.PREAMBLE,
        UnitKind.PARAGRAPH,
        UnitKind.BLOCK,
        UnitKind.SUBPARAGRAPH,
        UnitKind.SECTION,
        UnitKind.ANNEX,
    }
)


class Change(enum.StrEnum):
    MISSING = "missing"  # in the held text only
    ADDED = "added"  # in the new text only
    MOVED = "moved"  # in both, in another section


@dataclass(frozen=True)
class Difference:
    unit: str
    change: Change
    where: str  # "Paragraph 7 (b)", in the active language
    what: str  # what differs, in the active language
    line: int | None = None  # of the new text: where the unit is, or near which it is missing


@dataclass(frozen=True)
class Counts:
    """What a reader counts in a text, to say that two texts match."""

    preamble: int
    paragraphs: int
    items: int
    sections: int
    annexes: int


def counts(doc: ParsedDocument) -> Counts:
    kinds = [item.kind for item in walk(doc)]
    return Counts(
        preamble=kinds.count(UnitKind.PREAMBLE),
        paragraphs=kinds.count(UnitKind.PARAGRAPH),
        items=kinds.count(UnitKind.SUBPARAGRAPH),
        sections=kinds.count(UnitKind.SECTION),
        annexes=kinds.count(UnitKind.ANNEX),
    )


def structural_ids(doc: ParsedDocument) -> list[str]:
    return [item.id for item in walk(doc) if item.kind in STRUCTURAL]


def sections_of(doc: ParsedDocument) -> dict[str, str | None]:
    """Each operative paragraph's id mapped to the id of the section it stands in, or None:
    ``walk`` reads a part's paragraphs outside sections before its first section."""
    placed, section = {}, None
    for item in walk(doc):
        if item.kind == UnitKind.SECTION:
            section = item.id
        elif item.kind == UnitKind.ANNEX:
            section = None
        elif item.kind == UnitKind.PARAGRAPH:
            placed[item.id] = section
    return placed


def compare(
    held: ParsedDocument, new: ParsedDocument, *, source: str | None = None
) -> list[Difference]:
    """Where ``new`` (a text to add) differs in structure from ``held`` (a text of the same
    version in another language), in the reading order of ``new``; empty when they match."""
    names = {**labels.unit_labels(new), **labels.unit_labels(held)}
    lines = unit_lines(source, new) if source is not None else {}
    held_ids, new_ids = structural_ids(held), structural_ids(new)
    held_set, new_set = set(held_ids), set(new_ids)
    differences = []
    for uid in align(held_ids, new_ids):
        if uid not in new_set:
            line = _line_before(uid, held_ids, new_set, lines)
            what = missing_from(new.language, line)
            differences.append(Difference(uid, Change.MISSING, names.get(uid, uid), what, line))
        elif uid not in held_set:
            what = only_in(new.language, lines.get(uid))
            differences.append(
                Difference(uid, Change.ADDED, names.get(uid, uid), what, lines.get(uid))
            )
    held_sections, new_sections = sections_of(held), sections_of(new)
    for uid in new_ids:
        if uid in held_sections and held_sections[uid] != new_sections.get(uid):
            what = placed_in(
                held.language,
                names.get(held_sections[uid] or "", ""),
                new.language,
                names.get(new_sections.get(uid) or "", ""),
            )
            differences.append(
                Difference(uid, Change.MOVED, names.get(uid, uid), what, lines.get(uid))
            )
    return differences


def align(left: Iterable[str], right: Iterable[str]) -> list[str]:
    """The ids of both sequences in one order: ``left``'s, each id found only in ``right``
    placed after the id it follows there."""
    left, right = list(left), list(right)
    known = set(left)
    after: dict[str | None, list[str]] = {}
    anchor = None
    for uid in right:
        if uid in known:
            anchor = uid
        elif uid not in after.get(anchor, ()):
            after.setdefault(anchor, []).append(uid)
    order = list(after.get(None, []))
    for uid in left:
        order.append(uid)
        order.extend(after.get(uid, []))
    return order


def _line_before(uid: str, held_ids: list[str], new_set: set, lines: dict) -> int | None:
    """The line of the nearest unit before ``uid`` that the new text has."""
    for previous in reversed(held_ids[: held_ids.index(uid)]):
        if previous in new_set and lines.get(previous):
            return lines[previous]
    return None


def missing_from(language: str, line: int | None) -> str:
    if language == "ru":
        what = _("missing from the Russian text")
    else:
        what = _("missing from the English text")
    if line:
        what += " " + _("(expected after line %(line)s)") % {"line": line}
    return what


def only_in(language: str, line: int | None) -> str:
    if language == "ru":
        what = _("only in the Russian text, not in the English text")
    else:
        what = _("only in the English text, not in the Russian text")
    if line:
        what += " " + _("(line %(line)s)") % {"line": line}
    return what


def placed_in(held: str, held_section: str, new: str, new_section: str) -> str:
    outside = _("outside any section")
    sections = {"held": held_section or outside, "new": new_section or outside}
    if new == "ru":
        return _("%(held)s in the English text, %(new)s in the Russian text") % sections
    return _("%(held)s in the Russian text, %(new)s in the English text") % sections


def unit_lines(source: str, doc: ParsedDocument) -> dict[str, int]:
    """The line of ``source`` on which each structural unit of ``doc`` starts, where it can be
    found: the lines are searched forward, in reading order, for the first words of each."""
    lines = [" ".join(line.replace("**", "").split()) for line in source.splitlines()]
    found, cursor = {}, 0
    for item in walk(doc):
        for n in range(cursor, len(lines)):
            if _starts_on(item, lines[n]):
                if item.kind in STRUCTURAL:
                    found[item.id] = n + 1
                cursor = n + 1
                break
    return found


def _starts_on(item, line: str) -> bool:
    if not line:
        return False
    if item.kind == UnitKind.SECTION and item.number:
        number = item.number
        if line == number or line.startswith((f"{number}.", f"{number} ")):
            return True
        if line.endswith(f" {number}") and len(line.split()) == 2:  # "Section 2", "Раздел 2"
            return True
    probe = " ".join((item.text or "").split()[:4])
    return bool(probe) and probe in line
