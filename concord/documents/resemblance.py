"""Does a text reproduce one that Concord holds for a decision? An import may record a decision
taken elsewhere; a text the forum is still deciding on, lightly edited and imported under a new
slug or as a new language of an adopted document, would otherwise be adopted round the
procedure.

The rule compares wording, not bytes: the words of the preamble clauses, the operative
paragraphs and their further blocks and sub-paragraphs, read one after another as a reader
sees them (``lookalikes.words``: case, punctuation, spacing, numbering, look-alike letters and
invisible characters make no difference). The title, the header, the formula ("Decide:") and
the closing line are left out: every text of the genre shares them. The wording is cut into
overlapping runs of five words ("shingles"), across paragraph breaks, so that splitting every
paragraph in two or merging them in pairs changes next to nothing. A text *reproduces* a held
one when at least half of its runs are runs of the held text, or at least half of the held
text's runs are among its own. The first catches a text edited here and there; the second a
held text padded out with wording of its own until it is a minority of the whole.

The answer is one a person can check ("83% of its wording is found in that text"), and a text
that quotes a paragraph or two of another stays far below half. A text rewritten in every
sentence is not caught; it is no longer the text the forum has before it. Nor is a
translation: a Russian text shares no wording with the English draft it translates.

Pure: the held texts come from ``selectors.list_held_texts``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from . import lookalikes, parsing

# The units that carry what a text says; the rest is the form of the genre.
SUBSTANTIVE = ("preamble", "paragraph", "block", "subparagraph", "unclassified")

SHINGLE = 5  # words: long enough that the phrases of the genre alone share few runs


def shingles_of_words(words: list[str]) -> frozenset[tuple[str, ...]]:
    """The distinct runs of ``SHINGLE`` words; a shorter text is one run."""
    if len(words) <= SHINGLE:
        return frozenset([tuple(words)] if words else [])
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def shingles(units: Iterable[tuple[str, str]]) -> frozenset[tuple[str, ...]]:
    """The runs of words of the substantive ``(kind, text)`` units, in reading order."""
    words = [word for kind, text in units if kind in SUBSTANTIVE for word in lookalikes.words(text)]
    return shingles_of_words(words)


def shingles_of_text(text: str) -> frozenset[tuple[str, ...]]:
    """Of a free text (a decision under a procedure), read as an imported file is read; a text
    with no body to read (a line or two, taken for a title) counts whole."""
    try:
        units = [(unit["kind"], unit["text"]) for unit in parsing.parse(text).units()]
    except parsing.ParseError:
        units = []
    return shingles(units) or shingles_of_words(lookalikes.words(text))


@dataclass(frozen=True)
class HeldText:
    label: str  # how a refusal names it: the draft “Statement on Water” (version 2)
    shingles: frozenset


@dataclass(frozen=True)
class Resemblance:
    held: HeldText
    shared: int
    of_imported: int

    @property
    def imported_percent(self) -> int:
        """How much of the imported wording is the held text's (rounded down: 49.9 is 49)."""
        return 100 * self.shared // self.of_imported

    @property
    def held_percent(self) -> int:
        return 100 * self.shared // len(self.held.shingles)


def closest(imported: frozenset, held: Iterable[HeldText]) -> Resemblance | None:
    """The held text that ``imported`` reproduces most closely, if it reproduces one."""
    best = None
    for text in held:
        shared = len(imported & text.shingles)
        smaller = min(len(imported), len(text.shingles))
        if shared and 2 * shared >= smaller and (best is None or shared > best.shared):
            best = Resemblance(text, shared, len(imported))
    return best
