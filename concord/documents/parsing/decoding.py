"""From bytes to text: the encoding (UTF-8, UTF-16, cp1251 or cp1252) and LF newlines."""

from __future__ import annotations

import codecs
import re

from .errors import ParseError

_HIGH_BYTES = bytes(range(128, 256))
# C0 controls other than tab, newline, form feed and carriage return: no text file has them.
_CONTROL = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f]")
_ACCENTED_LATIN = re.compile(rb"(?<=[A-Za-z])[\x80-\xff]|[\x80-\xff](?=[A-Za-z])")


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251/1252; newlines to LF."""
    if not raw:
        raise ParseError(1, "empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _normalise(raw.decode("utf-16", errors="replace"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ParseError(raw.count(b"\n", 0, nul) + 1, "binary file (NUL bytes)")
    if raw.startswith(codecs.BOM_UTF8):
        return _normalise(raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"))
    try:
        return _normalise(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _normalise(_decode_single_byte(raw))


def _decode_single_byte(raw: bytes) -> str:
    # Russian texts from older Windows tools come as cp1251, where every high byte is a letter.
    # In Western (cp1252) text the high bytes are accents inside Latin words instead.
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    accents = len(_ACCENTED_LATIN.findall(raw))
    return raw.decode("cp1252" if accents * 2 > high else "cp1251", errors="replace")


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(text.count("\n", 0, nul) + 1, "binary file (NUL bytes)")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise ParseError(line, f"binary file (control character U+{ord(control.group()):04X})")
    if not text.strip():
        raise ParseError(1, "empty file")
    return text
