from django.utils.translation import gettext as _

from concord.documents.parsing import UnitKind
from concord.drafting import comparison

from .chunks import Chunk
from .registry import AmendmentError, AmendmentKind, Change, Kind


class Edit(Kind):
    """Edit the words of one unit, nothing else."""

    name, label = AmendmentKind.EDIT, AmendmentKind.EDIT.label
    starts_from_wording = True
    targets = frozenset(
        {
            UnitKind.TITLE,
            UnitKind.PREAMBLE,
            UnitKind.FORMULA,
            UnitKind.PARAGRAPH,
            UnitKind.BLOCK,
            UnitKind.SUBPARAGRAPH,
            UnitKind.CLOSING,
        }
    )

    def check_text(self, text: str, change: Change) -> None:
        if "\n" in text:
            raise AmendmentError(
                _(
                    "An edit changes the words of one unit: no line breaks "
                    "(to restructure a paragraph, replace it)."
                ),
                ref=change.ref,
            )

    def apply(self, chunks: list[Chunk], at: int, change: Change, text: str) -> None:
        chunks[at].edit(text, change)

    def preview(self, current: str, text: str) -> list[comparison.Segment]:
        return comparison.words(current, text)
