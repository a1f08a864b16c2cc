"""Notes shared by several rows of a table, numbered once: the rows carry the number, the text
is written once below the table. Sources often give one explanation for a dozen states (the
founding members), and a table that repeats it a dozen times hides the rows it explains."""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Footnote:
    number: int
    text: str
    names: list[str] = field(default_factory=list)  # who the note is about, in table order


def number_notes(rows: Iterable) -> list[Footnote]:
    """Number the distinct notes of `rows` (memberships) in the order they first appear, and
    set each row's `note_number` (None for a row without a note)."""
    notes: dict[str, Footnote] = {}
    for row in rows:
        text = row.note.strip()
        if not text:
            row.note_number = None
            continue
        note = notes.setdefault(text, Footnote(len(notes) + 1, text))
        note.names.append(row.participant.name)
        row.note_number = note.number
    return list(notes.values())
