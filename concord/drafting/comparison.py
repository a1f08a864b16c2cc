"""Two versions of a draft compared unit by unit, and changed units word by word.

Units are matched by their text, not their ids: inserting a paragraph renumbers the ones after
it, and ``op-5`` of the new version is then ``op-4`` of the old. Where a run of units differs,
units of the same kind whose words are mostly shared are taken for one unit edited; the rest
for units deleted and inserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

SAME_UNIT = 0.5  # share of words two texts must have in common to be one unit edited

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class ChangeStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str

    @property
    def inserted(self) -> bool:
        return self.op == Op.INSERT

    @property
    def deleted(self) -> bool:
        return self.op == Op.DELETE


@dataclass
class UnitChange:
    status: ChangeStatus
    old: dict | None  # {"id", "kind", "text"} of the old version
    new: dict | None
    segments: list[Segment] = field(default_factory=list)
    amendments: list = field(default_factory=list)  # those that made the change, when known

    @property
    def unchanged(self) -> bool:
        return self.status == ChangeStatus.UNCHANGED

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old["id"] != self.new["id"])


def words(old: str, new: str) -> list[Segment]:
    """Word-level differences: the ``equal`` and ``delete`` segments spell ``old``, the
    ``equal`` and ``insert`` segments spell ``new``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _append(segments, Op.EQUAL, "".join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _append(segments, Op.DELETE, "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _append(segments, Op.INSERT, "".join(b[j1:j2]))
    return segments


def _append(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, _TOKEN.findall(old), _TOKEN.findall(new), autojunk=False).ratio()


def compare(old_units: list[dict], new_units: list[dict]) -> list[UnitChange]:
    """Every unit of either version once, in the new version's reading order."""
    keys_a = [(u["kind"], u["text"]) for u in old_units]
    keys_b = [(u["kind"], u["text"]) for u in new_units]
    changes: list[UnitChange] = []
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes.extend(
                UnitChange(ChangeStatus.UNCHANGED, old, new, [Segment(Op.EQUAL, new["text"])])
                for old, new in zip(old_units[i1:i2], new_units[j1:j2], strict=True)
            )
        else:
            changes.extend(_pair(old_units[i1:i2], new_units[j1:j2]))
    return changes


def _pair(olds: list[dict], news: list[dict]) -> list[UnitChange]:
    """Within a run that differs, keep the order and pair each old unit with the first new unit
    of its kind that shares most of its words."""
    out: list[UnitChange] = []
    j = 0
    for old in olds:
        match = next(
            (
                k
                for k in range(j, len(news))
                if news[k]["kind"] == old["kind"]
                and similarity(old["text"], news[k]["text"]) >= SAME_UNIT
            ),
            None,
        )
        if match is None:
            out.append(
                UnitChange(ChangeStatus.DELETED, old, None, [Segment(Op.DELETE, old["text"])])
            )
            continue
        out.extend(_inserted(news[j:match]))
        new = news[match]
        out.append(UnitChange(ChangeStatus.CHANGED, old, new, words(old["text"], new["text"])))
        j = match + 1
    out.extend(_inserted(news[j:]))
    return out


def _inserted(news: list[dict]) -> list[UnitChange]:
    return [
        UnitChange(ChangeStatus.INSERTED, None, new, [Segment(Op.INSERT, new["text"])])
        for new in news
    ]


def summary(changes: list[UnitChange]) -> dict[str, int]:
    counts = dict.fromkeys(ChangeStatus, 0)
    for change in changes:
        counts[change.status] += 1
    return counts
