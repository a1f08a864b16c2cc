from django.utils.translation import gettext as _

from concord.documents.parsing import UnitKind

from .chunks import Chunk, extent, new_chunk
from .registry import AmendmentError, AmendmentKind, Change, Kind, Place


class Insert(Kind):
    """Insert a new preamble clause or operative paragraph before or after a clause or paragraph."""

    name, label = AmendmentKind.INSERT, AmendmentKind.INSERT.label
    targets = frozenset({UnitKind.PREAMBLE, UnitKind.PARAGRAPH})
    takes_place = True
    beside_changed = True  # a new clause may go beside one another amendment changes

    def place(self, place: str) -> str:
        place = place or Place.AFTER
        if place not in Place.values:
            raise AmendmentError(_("An insertion goes 'before' or 'after' a unit."), field="place")
        return place

    def apply(self, chunks: list[Chunk], at: int, change: Change, text: str) -> None:
        try:
            place = self.place(change.place)
        except AmendmentError as exc:
            raise AmendmentError(exc.message, field=exc.field, ref=change.ref) from exc
        if place == Place.BEFORE:
            where = at
        else:
            # After the unit, what it holds and what earlier amendments put after it.
            where = extent(chunks, at)[-1] + 1
            while where < len(chunks) and change.unit in (
                chunks[where].anchor,
                chunks[where].replaces,
            ):
                where += 1
        chunks.insert(where, new_chunk(chunks[at], text, change, anchor=change.unit))
