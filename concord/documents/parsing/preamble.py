"""Preamble clauses and the formula: the phrase a clause opens with, the verb of a formula."""

from __future__ import annotations

from . import vocabulary


def _lead(text: str) -> str | None:
    """The participle or adjective phrase that opens a preamble clause, as written."""
    if not text[:1].isupper() or not _may_open_clause(text.split(maxsplit=1)[0]):
        return None
    words = text.split(maxsplit=8)
    bare = [w.strip(vocabulary.EDGE_PUNCTUATION).lower() for w in words]
    i = 0
    while i < min(3, len(words) - 1) and _is_adverb(bare[i]):
        i += 1
    if bare[i] in vocabulary.AUXILIARIES:
        end = i + 1
        while end < len(words) - 1 and _is_adverb(bare[end]):
            end += 1
        if end >= len(words):
            return None
        end += 1
    elif _is_participle(bare[i]):
        end = i + 1
    else:
        return None
    for complement in vocabulary.LEAD_COMPLEMENTS:
        if tuple(bare[end : end + len(complement)]) == complement:
            end += len(complement)
            break
    return " ".join(words[:end]).rstrip(vocabulary.EDGE_PUNCTUATION)


def _may_open_clause(word: str) -> bool:
    # Most units open with a word no clause opens with ("The", "We"): every unit is asked, so
    # the first word answers before the rest of the text is cut into words.
    bare = word.strip(vocabulary.EDGE_PUNCTUATION).lower()
    return _is_adverb(bare) or bare in vocabulary.AUXILIARIES or _is_participle(bare)


def _is_adverb(word: str) -> bool:
    if word in vocabulary.ADVERBS:
        return True
    if len(word) >= 5 and word.endswith("ly"):
        return True
    return len(word) >= 6 and word.endswith("о") and vocabulary.CYRILLIC.match(word) is not None


def _is_participle(word: str) -> bool:
    if len(word) < 4 or not word.replace("-", "").isalpha():
        return False
    if word in vocabulary.ADJECTIVE_LEADS:
        return True
    if word in vocabulary.NOT_LEADS:
        return False
    if word.endswith(vocabulary.PARTICIPLE_ENDINGS) and len(word) >= 5:
        return True
    return len(word) >= 5 and word.endswith(vocabulary.RU_PARTICIPLE_ENDINGS)


def _is_formula(text: str) -> bool:
    """A short line ending with ':' whose first word is a finite verb: "Declare the following:"."""
    if not text.endswith(":"):
        return False
    words = text[:-1].split()
    if not words or len(words) > vocabulary.FORMULA_MAX_WORDS:
        return False
    first = words[0].strip(vocabulary.EDGE_PUNCTUATION).lower()
    return first[:1].isalpha() and first not in vocabulary.NOT_VERBS and _lead(text) is None
