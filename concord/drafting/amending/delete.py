from concord.documents.parsing import UnitKind
from concord.drafting import comparison

from .chunks import Chunk, strike
from .registry import AmendmentKind, Change, Kind


class Delete(Kind):
    """Delete a clause, a paragraph (with what it holds), a block or a sub-paragraph."""

    name, label = AmendmentKind.DELETE, AmendmentKind.DELETE.label
    targets = frozenset(
        {UnitKind.PREAMBLE, UnitKind.PARAGRAPH, UnitKind.BLOCK, UnitKind.SUBPARAGRAPH}
    )
    takes_text = False
    whole_unit = True

    def apply(self, chunks: list[Chunk], at: int, change: Change, text: str) -> None:
        strike(chunks, at, change)

    def preview(self, current: str, text: str) -> list[comparison.Segment]:
        """The words deleted."""
        return [comparison.Segment(comparison.Op.DELETE, current)] if current else []
