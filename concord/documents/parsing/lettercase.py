"""Letter case and script: ALL-CAPS titles recased, Cyrillic told from Latin."""

from __future__ import annotations

from . import vocabulary
from .units import _join_lines


def _is_all_caps(text: str) -> bool:
    return text.upper() == text and text.lower() != text


def _is_cyrillic(text: str) -> bool:
    """More Cyrillic letters than Latin ones (counted in C: this runs on the whole sample)."""
    encoded = text.encode("utf-8")
    cyrillic = encoded.count(b"\xd0") + encoded.count(b"\xd1")  # lead bytes of А-я, Ё, ё
    latin = len(encoded.translate(None, vocabulary.NOT_LATIN_BYTES))
    return cyrillic > latin


def _capitalise(word: str) -> str:
    for i, char in enumerate(word):
        if char.isalpha():
            return word[:i] + char.upper() + word[i + 1 :].lower()
    return word


def _smart_case(text: str) -> str:
    """Recase an ALL-CAPS line: English title case, Russian sentence case."""
    words = text.split()
    russian = _is_cyrillic(text)
    out = []
    for i, word in enumerate(words):
        bare = word.strip(vocabulary.EDGE_PUNCTUATION)
        if word.startswith("(") or bare.upper() in vocabulary.ACRONYMS:
            out.append(word)
        elif russian:
            proper = i == 0 or vocabulary.RU_PROPER_NOUN.match(bare.lower())
            out.append(_capitalise(word) if proper else word.lower())
        elif i and word.lower() in vocabulary.SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(_capitalise(p) for p in word.split("-")))
    recased = " ".join(out)
    if russian:
        recased = vocabulary.RU_UNITED_NATIONS.sub(lambda m: m.group(0).title(), recased)
    return recased


def _continues_title(text: str, title_lines: list[str]) -> bool:
    """'DECLARATION' and, after a blank line, 'of the Second Summit ...' make one title."""
    first_word = text.split(maxsplit=1)[0].lower()
    if text[:1].islower() or first_word in vocabulary.TITLE_LINKS:
        return True
    title = _join_lines(title_lines)
    return len(title.split()) <= 2 and _is_all_caps(title) and _is_all_caps(text)


def _normalise_title(lines: list[str]) -> str:
    whole = _join_lines(lines)
    if _is_all_caps(whole):
        return _smart_case(whole)
    if len(lines) > 1 and _is_all_caps(lines[0]):
        return _join_lines([_smart_case(lines[0]), *lines[1:]])
    return whole
