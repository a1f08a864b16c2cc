"""Properties of the decoder: UTF-8 reads back exactly, stray bytes are refused at their line
and column, Russian in Windows-1251 or KOI8-R is told apart, and nothing XML cannot hold gets
through (defect 10 of issue 8)."""

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from concord.documents.parsing import ParseError, read_text

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

# Characters a text file holds: no surrogates, no C0 controls but tab and newline, nothing XML
# 1.0 refuses. Carriage returns are left out: they become newlines, which the properties
# compare separately.
TEXT_CHARACTERS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(map(chr, range(0x20))).replace("\t", "").replace("\n", "")
    + "\x7f\ufffe\uffff",
)
texts = st.text(TEXT_CHARACTERS, min_size=1, max_size=300).filter(lambda t: t.strip())

# Real Russian prose, line by line: detection weighs letters as Russian text has them, so the
# property draws on real sentences (and on their capitalised forms, as headings have them).
PROSE = [
    line.replace("*", "")
    for line in (Path(__file__).parent / "texts" / "russian-declaration.txt")
    .read_text()
    .splitlines()
    if re.search("[а-яА-Я]", line)
]


@st.composite
def russian_prose(draw) -> str:
    lines = draw(st.lists(st.sampled_from(PROSE), min_size=1, max_size=12))
    styled = [line.upper() if draw(st.booleans()) and len(line) < 80 else line for line in lines]
    return "\n\n".join(styled) + "\n"


@PROPERTY
@given(texts, st.booleans(), st.booleans())
def test_utf8_reads_back_exactly(text, bom, crlf):
    raw = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
    decoded = read_text(raw.encode())
    assert decoded.encoding == "utf-8" and decoded.text == text


@PROPERTY
@given(texts, st.integers(0, 10_000), st.integers(0x80, 0xFF))
@example("Мы сотрудничаем.", 6, 0xED)
def test_a_stray_byte_in_utf8_is_refused_at_its_line_and_column(text, at, byte):
    assume(sum(1 for c in text if c > "\x7f") >= 2)
    at %= len(text) + 1
    raw = text[:at].encode() + bytes([byte]) + text[at:].encode()
    with pytest.raises(ParseError) as caught:
        read_text(raw)
    before = text[:at]
    line, column = before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1
    assert caught.value.line == line
    assert caught.value.message == (
        f"at column {column}, byte 0x{byte:02X} is not valid UTF-8; save the file as UTF-8"
    )


@PROPERTY
@given(russian_prose(), st.sampled_from(["cp1251", "koi8_r"]))
@example("Мир", "koi8_r")
@example("Статья 5", "cp1251")
@example("всё её объём", "koi8_r")  # "с" + "ё" in KOI8-R is a valid UTF-8 pair
@example("ДЕКЛАРАЦИЯ О МИРЕ", "koi8_r")
def test_russian_in_a_single_byte_encoding_is_told_apart(text, codec):
    decoded = read_text(text.encode(codec))
    assert (decoded.encoding, decoded.text) == (codec, text)


@PROPERTY
@given(texts, st.sampled_from(["\ufffe", "\uffff"]), st.integers(0, 10_000))
def test_what_xml_cannot_hold_is_refused_at_its_line_and_column(text, char, at):
    at %= len(text) + 1
    with pytest.raises(ParseError) as caught:
        read_text((text[:at] + char + text[at:]).encode())
    before = text[:at]
    assert caught.value.line == before.count("\n") + 1
    column = at - (before.rfind("\n") + 1) + 1
    assert caught.value.message.startswith(f"at column {column}, the character U+{ord(char):04X}")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@PROPERTY
@given(st.binary(max_size=400))
def test_any_bytes_give_xml_safe_text_or_a_parse_error(raw):
    try:
        decoded = read_text(raw)
    except ParseError as error:
        assert isinstance(error.line, int) and error.line >= 1
        return
    assert not _NOT_XML.search(decoded.text)


def test_a_file_that_is_neither_utf8_nor_russian_is_refused():
    greek = "Η Διάσκεψη για την αλληλεπίδραση και τα μέτρα οικοδόμησης εμπιστοσύνης".encode(
        "cp1253"
    )
    with pytest.raises(ParseError, match="reads as Russian neither in Windows-1251 nor in KOI8-R"):
        read_text(b"Title\n\n" + greek)


def test_utf8_read_the_wrong_way_is_not_taken_for_western_text():
    with pytest.raises(ParseError, match=r"line 1: at column 7, byte 0xE9 is not valid UTF-8"):
        read_text("Café".encode() + " déjà".encode("cp1252"))  # one UTF-8 é, two cp1252


def test_western_text_is_still_read():
    decoded = read_text("Café déclaration — “x”".encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", "Café déclaration — “x”")
