"""Read the plain text of an intergovernmental document into its structure.

Pure Python (no Django, no database), so the importer, the CLI and the tests share it.

The text is first cut into *units*: runs of lines separated by blank lines, cut further where a
line starts a numbered paragraph, a sub-paragraph or a heading (documents pasted from word
processors often have no blank lines). Each unit gets a kind from its own words (an article, a
dated line, a clause...); then it is placed by its kind and where it stands: header, title,
enacting subject, preamble, formula, operative part, annexes, closing.
Text that fits nowhere is kept as ``unclassified`` with a warning, never dropped. Numbering
faults and text after the closing line raise ``ParseError``, the only exception ``parse`` raises.

The package, module by module, in the order the text goes through it:

- ``decoding``: bytes to text (encoding, byte-order mark, newlines);
- ``units``: the text cut into units, each given its kind by ``classify``;
- ``markers``, ``preamble``, ``dates``, ``lettercase``: what a unit looks like, with the words
  and patterns of the genre in ``vocabulary``;
- ``front``, ``part_builder`` (a table of handlers by zone and kind), ``items``, ``builder``:
  the units placed into the ``structure``.

``kinds`` holds the enums the rest of Concord shares: the kinds of units and of paragraphs.
"""

from .builder import parse
from .decoding import Decoded, decode, read_text
from .errors import ParseError
from .kinds import ParagraphKind, UnitKind
from .markers import paragraph_style
from .structure import (
    Annex,
    Block,
    Clause,
    Paragraph,
    ParsedDocument,
    Part,
    Section,
    Subparagraph,
    Unclassified,
    Warning,
    render_text,
)

__all__ = [
    "Annex",
    "Block",
    "Clause",
    "Decoded",
    "Paragraph",
    "ParagraphKind",
    "ParseError",
    "ParsedDocument",
    "Part",
    "Section",
    "Subparagraph",
    "Unclassified",
    "UnitKind",
    "Warning",
    "decode",
    "paragraph_style",
    "parse",
    "read_text",
    "render_text",
]
