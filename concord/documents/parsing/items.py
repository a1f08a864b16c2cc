"""The ids of a paragraph's sub-paragraphs: letter or roman numeral, nested or not, repeated."""

from __future__ import annotations

from dataclasses import dataclass

from . import vocabulary
from .markers import _is_doubled_letter, _roman_value


@dataclass(slots=True)
class _Item:
    roman: bool
    label: str
    id: str
    value: int = 0
    parent: str | None = None


class _Items:
    """The sub-paragraphs of one paragraph, in order: each gets an id no other one has."""

    def __init__(self) -> None:
        self.previous: _Item | None = None
        self.ids: set[str] = set()
        self.repeats: dict[str, int] = {}

    def add(self, label: str, base: str) -> tuple[str, bool]:
        """The id of item ``label`` under block ``base``, and whether the label repeats one."""
        item = _next_item(label, self.previous, base)
        repeated = item.id in self.ids
        if repeated:
            n = self.repeats.get(item.id, 1) + 1
            while f"{item.id}-{n}" in self.ids:
                n += 1
            self.repeats[item.id] = n
            item.id = f"{item.id}-{n}"
        self.ids.add(item.id)
        self.previous = item
        return item.id, repeated

    def interrupt(self) -> None:
        """A block of text stands between items: the next label starts afresh."""
        self.previous = None


def _next_item(label: str, previous: _Item | None, base: str) -> _Item:
    value = _roman_value(label) if label.isascii() else None
    if value is None or not _reads_as_roman(label, value, previous):
        return _Item(False, label, f"{base}-{_letter_id(label)}")
    # Nested in the lettered item before it, or beside the roman one before it.
    parent = None if previous is None else previous.parent if previous.roman else previous.id
    return _Item(True, label, f"{parent or base}-{label}", value, parent)


def _reads_as_roman(label: str, value: int, previous: _Item | None) -> bool:
    """ "(i)" is roman unless it follows "(h)", "(ii)" unless it follows "(hh)"; a single "(v)"
    or "(x)" only where it continues roman numbering."""
    if previous is not None and previous.roman and value == previous.value + 1:
        return True
    after_letter = previous is not None and not previous.roman
    if value == 1:
        return not (after_letter and previous.label == "h")
    if len(label) > 1:
        return not (_is_doubled_letter(label) and after_letter and len(previous.label) == 2)
    return False


def _letter_id(label: str) -> str:
    # Russian "в)" is the third item, like English "(c)": the same id lines the languages up.
    position = vocabulary.CYRILLIC_SEQUENCE.find(label)
    return chr(ord("a") + position) if 0 <= position < 26 else label
