from concord.documents.parsing import UnitKind
from concord.drafting import comparison

from .chunks import Chunk, new_chunk, strike
from .registry import AmendmentKind, Change, Kind


class Replace(Kind):
    """Replace a whole clause, or a whole paragraph with its blocks and sub-paragraphs; the new text
    may hold several blocks and ``(a)`` items."""

    name, label = AmendmentKind.REPLACE, AmendmentKind.REPLACE.label
    targets = frozenset({UnitKind.PREAMBLE, UnitKind.PARAGRAPH})
    starts_from_wording = whole_unit = True

    def apply(self, chunks: list[Chunk], at: int, change: Change, text: str) -> None:
        target = chunks[at]
        struck = strike(chunks, at, change)
        chunks.insert(struck[-1] + 1, new_chunk(target, text, change, replaces=change.unit))

    def preview(self, current: str, text: str) -> list[comparison.Segment]:
        return comparison.words(current, text)
