"""Does a text reproduce one that Concord holds for a decision? An import may record as adopted
only a decision taken elsewhere; a text the forum is still deciding on, lightly edited and
imported under a new slug, would otherwise be adopted round the procedure.

The rule compares paragraphs, not bytes: the preamble clauses, the operative paragraphs and
their further blocks and sub-paragraphs, each reduced to its words (case, punctuation, spacing
and numbering ignored). The title, the header, the formula ("Decide:") and the closing line are
left out: every text of the genre shares them. A text *reproduces* a held one when at least half
of its paragraphs are paragraphs of the held text, or at least half of the held text's paragraphs
are among its own. The first catches a text edited here and there; the second a held text
padded out with paragraphs of its own until it is a minority of the whole.

Whole paragraphs, because the answer must be one a person can check ("5 of its 6 paragraphs
are in the draft") and because forum texts repeat earlier ones paragraph by paragraph, so a
text that merely quotes an adopted paragraph or two stays far below half. A text rewritten in
every paragraph is not caught; it is no longer the text the forum has before it.

Pure: the held texts come from ``selectors.list_held_texts``.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import parsing

# The units that carry what a text says; the rest is the form of the genre.
SUBSTANTIVE = ("preamble", "paragraph", "block", "subparagraph", "unclassified")

_NOT_A_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """The words of a paragraph, in lower case, one space apart."""
    return " ".join(_NOT_A_WORD.sub(" ", text.casefold()).split())


def paragraphs(units: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The distinct normalised paragraphs among ``(kind, text)`` units."""
    found = (normalise(text) for kind, text in units if kind in SUBSTANTIVE)
    return frozenset(p for p in found if p)


def paragraphs_of_text(text: str) -> frozenset[str]:
    """Of a free text (a decision under a procedure), read as an imported file is read; a text
    with no body to read (a line or two, taken for a title) counts whole, block by block."""
    try:
        units = [(unit["kind"], unit["text"]) for unit in parsing.parse(text).units()]
    except parsing.ParseError:
        units = []
    blocks = (normalise(block) for block in text.split("\n\n"))
    return paragraphs(units) or frozenset(block for block in blocks if block)


@dataclass(frozen=True)
class HeldText:
    label: str  # how a refusal names it: the draft “Statement on Water” (version 2)
    paragraphs: frozenset[str]


@dataclass(frozen=True)
class Resemblance:
    held: HeldText
    shared: int
    of_imported: int


def closest(imported: frozenset[str], held: Iterable[HeldText]) -> Resemblance | None:
    """The held text that ``imported`` reproduces most closely, if it reproduces one."""
    best = None
    for text in held:
        shared = len(imported & text.paragraphs)
        smaller = min(len(imported), len(text.paragraphs))
        if shared and 2 * shared >= smaller and (best is None or shared > best.shared):
            best = Resemblance(text, shared, len(imported))
    return best
