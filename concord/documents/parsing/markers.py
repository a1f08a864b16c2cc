"""What a unit opens with: an article, a section, a numbered paragraph or a sub-paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from . import vocabulary
from .kinds import LineKind

# Looked up once: an enum's member costs ten globals to look up, and most units are paragraphs.
_PARAGRAPH = LineKind.PARAGRAPH


@dataclass(slots=True)
class _Marker:
    kind: LineKind
    number: int | None = None
    label: str = ""
    heading: str | None = None
    text: str = ""


def _marker(text: str) -> _Marker | None:
    if text[:1].isdigit():  # of the markers, only a paragraph number opens with a digit
        return _paragraph(text)
    return _article(text) or _section(text) or _subparagraph(text)


def _article(text: str) -> _Marker | None:
    match = vocabulary.ARTICLE.match(text)
    if not match:
        return None
    word, numeral, separator, rest = match.groups()
    number = int(numeral) if numeral.isdigit() else _roman_value(numeral)
    if number is None or (rest and not separator and not rest[0].isupper()):
        return None  # "Article 5 of the Charter ..." is prose
    kind = LineKind.ARTICLE if word.lower() in ("article", "статья") else LineKind.RULE
    if _fits_heading(rest):
        return _Marker(kind, number, numeral, rest or None)
    return _Marker(kind, number, numeral, None, rest)


def _section(text: str) -> _Marker | None:
    match = vocabulary.SECTION_WORD.match(text)
    if match:
        numeral, separator, rest = match.group(2, 3, 4)
        if rest and not separator and not rest[0].isupper():
            return None
    else:
        match = vocabulary.SECTION_ROMAN.fullmatch(text)
        if not match:
            return None
        numeral, rest = match.group(1), match.group(2) or ""
    number = int(numeral) if numeral.isdigit() else _roman_value(numeral)
    if number is None or not _fits_heading(rest):
        return None
    return _Marker(LineKind.SECTION, number, numeral.upper(), rest or None)


def paragraph_style(text: str) -> str | None:
    """The numbering style, "." or ")", if ``text`` opens with a paragraph number."""
    match = vocabulary.PARAGRAPH.match(text)
    return match.group(2) if match else None


def _paragraph(text: str) -> _Marker | None:
    match = vocabulary.PARAGRAPH.match(text)
    if not match:
        return None
    return _Marker(_PARAGRAPH, int(match.group(1)), match.group(2), None, text[match.end() :])


def _subparagraph(text: str) -> _Marker | None:
    match = vocabulary.SUBPARAGRAPH.match(text)
    if not match:
        return None
    label = match.group(1) or match.group(2)
    if not (len(label) == 1 or _is_doubled_letter(label) or _roman_value(label)):
        return None
    return _Marker(LineKind.SUBPARAGRAPH, None, label, None, text[match.end() :])


def _fits_heading(text: str) -> bool:
    """What follows "Article 2." or "II." on its line: a title, or already the text?"""
    if not text:
        return True
    words = len(text.split())
    if (
        len(text) > vocabulary.HEADING_MAX_CHARS
        or words > vocabulary.HEADING_MAX_WORDS
        or text[-1] in ",;:"
    ):
        return False
    # "Entry into force." is a title; "This Agreement enters into force today." is text.
    return text[-1] not in ".!?" or words <= vocabulary.TITLE_SENTENCE_WORDS


def _is_heading(text: str) -> bool:
    """A short line without final punctuation that starts with a capital: an unnumbered heading."""
    first_letter = next((c for c in text if c.isalpha()), "")
    return (
        first_letter.isupper()
        and text[-1] not in ".;:,!?"
        and len(text) <= vocabulary.HEADING_MAX_CHARS
        and len(text.split()) <= vocabulary.HEADING_MAX_WORDS
    )


def _roman_value(numeral: str) -> int | None:
    upper = numeral.upper()
    if not upper or not vocabulary.ROMAN_NUMERAL.fullmatch(upper):
        return None
    total = 0
    for current, following in pairwise([*upper, ""]):
        value = vocabulary.ROMAN_VALUES[current]
        total += -value if following and vocabulary.ROMAN_VALUES[following] > value else value
    return total


def _to_roman(number: int) -> str:
    digits = []
    for value, numeral in vocabulary.ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _is_doubled_letter(label: str) -> bool:
    return len(label) == 2 and label[0] == label[1]
