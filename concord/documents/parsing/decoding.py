"""From bytes to text: the encoding, the byte-order mark and LF newlines.

UTF-8 is the norm, and UTF-16 is read when its byte-order mark says so. A file that is not
UTF-8 is read in the one single-byte encoding in which it reads plausibly: Windows-1251 or
KOI8-R for Russian, told apart by how Russian their letters are (each encoding puts the other's
common lower-case letters on rare or upper-case ones), or Windows-1252 for Western text with
accents; a file that reads plausibly in none is refused. A UTF-8 file with a few stray bytes is
refused naming the line: reading it in a single-byte encoding would garble every other letter,
and replacing the bytes would lose text without a word.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from .errors import ParseError, gettext_noop

# C0 controls other than tab, newline, form feed and carriage return: no text file has them.
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f]")
# What XML 1.0 cannot hold (the Akoma Ntoso export is XML): surrogates and U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_WORD = re.compile(r"[^\W\d_]+")

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1251": "Windows-1251",
    "koi8_r": "KOI8-R",
    "cp1252": "Windows-1252",
}

# Letter frequencies of Russian prose (per cent); ё and ъ are rare.
_RUSSIAN = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (
            *(10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98),
            *(2.81, 2.62, 2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73),
            *(0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04),
        ),
        strict=True,
    )
)
_LOG_P = {letter: math.log(share / 100) for letter, share in _RUSSIAN.items()}
# Below this mean log-probability per letter the letters are not Russian: prose scores about
# -3.1, and a text read in the wrong one of the two encodings -3.8 or less.
_RUSSIAN_FLOOR = -3.9
_PUNCTUATION = frozenset("«»„“”‘’‚–—…•№§°±×€£©®™\xa0\xad")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a key of ENCODING_NAMES

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES[self.encoding]


def decode(raw: bytes) -> str:
    """The text of ``raw``, with LF newlines; raises ParseError naming the line."""
    return read_text(raw).text


def read_text(raw: bytes) -> Decoded:
    """The text of ``raw`` and the encoding it was read in."""
    if not raw:
        raise ParseError(1, gettext_noop("empty file"))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(_normalise(raw.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start].decode("utf-16", errors="replace")
            raise ParseError(before.count("\n") + 1, gettext_noop("not valid UTF-16")) from exc
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ParseError(raw.count(b"\n", 0, nul) + 1, gettext_noop("binary file (NUL bytes)"))
    declared = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8) :] if declared else raw
    try:
        return Decoded(_normalise(body.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = body.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    valid = sum(1 for c in escaped if c > "\x7f") - stray
    # Mostly valid UTF-8 with a few bad bytes: stray bytes in a UTF-8 file. A single-byte text
    # has a valid UTF-8 pair only by chance ("всё" in KOI8-R), far fewer than its other bytes.
    if declared or valid > stray:
        raise _not_utf8(escaped)
    decoded = _single_byte(body, western=valid == 0)
    if decoded is not None:
        return decoded
    if valid:
        raise _not_utf8(escaped)
    first = next(i for i, b in enumerate(body) if b > 0x7F)
    raise ParseError(
        body.count(b"\n", 0, first) + 1,
        gettext_noop(
            "the file is not UTF-8, and it reads as Russian neither in Windows-1251 nor in "
            "KOI8-R; save it as UTF-8"
        ),
    )


def _not_utf8(escaped: str) -> ParseError:
    first = _ESCAPED_BYTE.search(escaped)
    line, column = _position(escaped, first.start())
    byte = ord(first.group()) - 0xDC00
    return ParseError(
        line,
        gettext_noop(
            "at column %(column)s, byte %(byte)s is not valid UTF-8; save the file as UTF-8"
        ),
        column=column,
        byte=f"0x{byte:02X}",
    )


def _single_byte(raw: bytes, *, western: bool) -> Decoded | None:
    """The plausible single-byte reading, if there is one. Windows-1252 only when no UTF-8
    sequence occurs at all: "CafÃ©" is UTF-8 read the wrong way, not Western text."""
    readings = {}
    for encoding in ("cp1251", "koi8_r", "cp1252"):
        try:
            readings[encoding] = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    russian = {
        encoding: score
        for encoding in ("cp1251", "koi8_r")
        if encoding in readings and (score := _russian_score(readings[encoding])) is not None
    }
    if russian:
        best = max(russian, key=russian.get)
        return Decoded(_normalise(readings[best]), best)
    if western and "cp1252" in readings and _reads_as_western(readings["cp1252"]):
        return Decoded(_normalise(readings["cp1252"]), "cp1252")
    return None


def _russian_score(text: str) -> float | None:
    """How Russian the text's non-ASCII words read (higher is more), or None if they do not:
    Russian letters in Russian proportions, each word in lower case, in upper case or with a
    capital first letter; the other high characters typographic punctuation."""
    words = [w for w in _WORD.findall(text) if any(c > "\x7f" for c in w)]
    russian = [w for w in words if all(c.lower() in _LOG_P for c in w)]
    shaped = [w for w in russian if w.islower() or w.isupper() or w.istitle()]
    if not shaped or len(shaped) < len(words) * 3 / 4:
        return None
    high = [c for c in text if c > "\x7f"]
    others = sum(1 for c in high if not c.isalpha() and c not in _PUNCTUATION)
    letters = [c for w in shaped for c in w]
    likelihood = sum(_LOG_P[c.lower()] for c in letters) / len(letters)
    # A few letters say little about proportions; their shape decides alone.
    if others > len(high) / 20 or (len(letters) >= 20 and likelihood < _RUSSIAN_FLOOR):
        return None
    upper = sum(1 for c in letters if c.isupper()) / len(letters)
    # Upper case counts a little: the wrong encoding turns running lower-case text upper.
    return likelihood - (len(words) - len(shaped)) / len(words) - upper / 20


def _reads_as_western(text: str) -> bool:
    """Accented letters inside Latin words ("Café", "Müller") and typographic punctuation."""
    plausible = total = 0
    for word in re.finditer(r"\S+", text):
        for c in word.group():
            if c > "\x7f":
                total += 1
                latin = c.isalpha() and any("a" <= x.lower() <= "z" for x in word.group())
                plausible += latin or c in _PUNCTUATION
    return plausible == total


def _position(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(text.count("\n", 0, nul) + 1, gettext_noop("binary file (NUL bytes)"))
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise ParseError(
            line,
            gettext_noop("binary file (control character %(character)s)"),
            character=f"U+{ord(control.group()):04X}",
        )
    # An ASCII text cannot hold them, and CPython knows a string is ASCII without reading it.
    not_xml = None if text.isascii() else _NOT_XML.search(text)
    if not_xml:
        line, column = _position(text, not_xml.start())
        raise ParseError(
            line,
            gettext_noop(
                "at column %(column)s, the character %(character)s cannot be held in a document"
            ),
            column=column,
            character=f"U+{ord(not_xml.group()):04X}",
        )
    if not text.strip():
        raise ParseError(1, gettext_noop("empty file"))
    return text
