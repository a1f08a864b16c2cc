"""What a reader sees of a text: its words, whatever letters and invisible characters spell them,
and the script it is written in.

A text can be changed without changing a word a reader sees: Latin "e" and "o" replaced by the
Cyrillic "е" and "о" or a capital by its Greek twin, a zero-width space or a soft hyphen put
inside a word, a letter written in its full-width or mathematical form. ``words`` undoes all of
it: compatibility forms become plain letters (NFKC), invisible characters inside a word (format
characters such as the zero-width space, the word joiner and the soft hyphen, and combining
marks such as a stress mark) are taken out, and the Cyrillic and Greek letters of the table
below become the Latin letters they look like. The table is explicit and small: the letters
that look like a Latin one in the common typefaces, and within Latin "l", "I" and "1", "O" and
"0". Folding a letter that only nearly looks alike merges at most words no text holds both of.

Pure: no Django, no database.
"""

import re
import string
import unicodedata

# Small letters, after case is folded, so that both cases of a letter fold alike. Where a capital
# and its small letter look like two Latin letters (Greek "Η" like "H", "η" like "n"), the small
# letter decides, as small letters are most of a text, unless it hardly looks like one ("μ").
_CYRILLIC = dict(zip("аеёѕіјорсхуүԁԛԝһӏвкмнт", "aeesijopcxyydqwhibkmht", strict=True))
_GREEK = dict(zip("αβγεζηικμνορτυχ", "abyeznikmvoptux", strict=True))
_LATIN = dict(zip("ıl10", "iiio", strict=True))
_LOOK_ALIKE = str.maketrans(_CYRILLIC | _GREEK | _LATIN)

_WORD_OR_GAP = re.compile(r"[^\W_]+|[\W_]+")
_INVISIBLE = frozenset(("Cf", "Mn", "Me"))

# The letters only one of the two scripts has (no letter of the other looks like them), and
# their share of all the letters of an English or a Russian text (measured on forum texts).
_LATIN_ONLY = re.compile(
    "[" + "".join(c for c in string.ascii_letters if c.lower() not in _CYRILLIC.values()) + "]"
)
_CYRILLIC_ONLY = re.compile(
    "["
    + "".join(
        c for c in map(chr, range(0x400, 0x530)) if c.isalpha() and c.lower() not in _CYRILLIC
    )
    + "]"
)
_LATIN_SHARE, _CYRILLIC_SHARE = 0.22, 0.35


def _invisible(gap: str) -> bool:
    return not gap.isascii() and all(unicodedata.category(c) in _INVISIBLE for c in gap)


def words(text: str) -> list[str]:
    """The words of ``text`` as a reader sees them: case, punctuation, spacing, look-alike
    letters and characters that cannot be seen make no difference."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LOOK_ALIKE)
    found: list[str] = []
    joins = False
    for match in _WORD_OR_GAP.finditer(text):
        piece = match.group()
        if not piece[0].isalnum():
            joins = bool(found) and _invisible(piece)
        elif joins:
            found[-1] += piece
        else:
            found.append(piece)
    return found


def script_letters(text: str) -> tuple[float, float]:
    """(Latin, Cyrillic): about how many letters of ``text`` are in each script, told from the
    letters only that script has, so that a text spelt partly in look-alike letters counts as
    the script of its other letters."""
    text = unicodedata.normalize("NFKC", text)
    latin, cyrillic = len(_LATIN_ONLY.findall(text)), len(_CYRILLIC_ONLY.findall(text))
    return latin / _LATIN_SHARE, cyrillic / _CYRILLIC_SHARE
