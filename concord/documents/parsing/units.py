"""Cut the text into units: runs of lines, split again where a line starts a new one; each
unit gets its kind (``classify``) as it is cut."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from . import vocabulary
from .classify import classify
from .errors import ParseError, gettext_noop
from .kinds import LineKind
from .markers import _article, _section, _subparagraph
from .preamble import _lead


@dataclass(slots=True)
class _Unit:
    line: int
    lines: list[str]
    text: str
    kind: LineKind
    found: object  # what told its kind: the marker, the leading phrase, the place and date


class _UnitReader:
    """Cut the text into units: blank-line-separated blocks, split again at structural lines."""

    def __init__(self) -> None:
        self.units: list[_Unit] = []
        self.lines: list[str] = []
        self.start = 0
        self.last_number = 0

    def read(self, text: str) -> list[_Unit]:
        bold_open = False
        for number, raw in enumerate(text.split("\n"), 1):
            stripped = raw.strip()
            if not stripped:
                self._flush()
                bold_open = False
                continue
            marks = stripped.count("**")
            line = _clean_line(stripped)
            if line:
                self._take(number, line, bold_open)
                closes_bold = bold_open and marks % 2 == 1
                wholly_bold = marks == 2 and stripped.startswith("**") and stripped.endswith("**")
                if closes_bold or wholly_bold or _is_heading_line(line):
                    self._flush()
            if marks % 2:
                bold_open = not bold_open
        self._flush()
        return self.units

    def _take(self, number: int, line: str, bold_open: bool) -> None:
        if line[0].isdigit() and vocabulary.PARAGRAPH_TOO_LONG.match(line):
            raise ParseError(
                number,
                gettext_noop("a paragraph number has at most %(digits)s digits"),
                digits=vocabulary.PARAGRAPH_DIGITS,
            )
        if self.lines and not bold_open and self._starts_unit(self.lines[-1], line):
            self._flush()
        if not self.lines:
            self.start = number
            marker = vocabulary.PARAGRAPH.match(line)
            if marker:
                self.last_number = int(marker.group(1))
        self.lines.append(line)

    def _starts_unit(self, previous: str, line: str) -> bool:
        marker = vocabulary.PARAGRAPH.match(line)
        if marker:
            # A wrapped line may begin with "3." by chance; only the next number counts.
            number = int(marker.group(1))
            return number in (1, self.last_number + 1)
        if _subparagraph(line) or _is_heading_line(line):
            return True
        end = previous[-1]
        if end in ";:":
            return True
        if end == ",":
            return _lead(line) is not None
        # One paragraph per line (word-processor text) rather than lines wrapped by hand.
        return end in ".!?" and len(previous) > 100

    def _flush(self) -> None:
        if self.lines:
            text = _join_lines(self.lines)
            self.units.append(_Unit(self.start, self.lines, text, *classify(text)))
            self.lines = []


def _clean_line(stripped: str) -> str:
    line = stripped.replace("\ufeff", "") if "\ufeff" in stripped else stripped
    if not line:
        return line
    if line[0] == "#":
        line = vocabulary.MD_HEADING.sub("", line, count=1)
    if "*" in line:
        line = line.replace("**", "")
        if "*" in line:
            line = vocabulary.MD_EMPHASIS.sub("", line)
    if "\\" in line:
        line = vocabulary.MD_ESCAPED_NUMBER.sub(r"\1\2", line)
    return " ".join(line.split())


def _join_lines(lines: list[str]) -> str:
    if len(lines) == 1:  # most units: a paragraph on one line
        return lines[0]
    pieces = [lines[0]]
    for previous, line in pairwise(lines):
        hyphenated = len(previous) > 1 and previous[-1] == "-" and previous[-2].isalpha()
        if not hyphenated:
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)


def _is_heading_line(line: str) -> bool:
    """A line that is a heading on its own: nothing after it belongs to the same unit."""
    if line[0].isdigit():  # a paragraph number: the commonest line, and never a heading
        return False
    article = _article(line)
    if article is not None:
        return article.text == ""
    return _section(line) is not None or vocabulary.ANNEX.fullmatch(line) is not None
