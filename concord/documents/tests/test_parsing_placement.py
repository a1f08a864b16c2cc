"""The parser's two passes: a unit's kind from its own words, then its place by zone and kind."""

import pytest

from concord.documents.parsing import ParseError, parse
from concord.documents.parsing.classify import classify
from concord.documents.parsing.kinds import LineKind
from concord.documents.parsing.part_builder import HANDLERS, Zone

SIGNED = """DECLARATION

1. We agree.

Done at Almaty on 17 June 2006

For the Republic of Kazakhstan
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Annex I", LineKind.ANNEX),
        ("Article 3. Entry into force", LineKind.ARTICLE),
        ("Rule 2", LineKind.RULE),
        ("II. Cooperation", LineKind.SECTION),
        ("4. We agree.", LineKind.PARAGRAPH),
        ("б) торговля;", LineKind.SUBPARAGRAPH),
        ("Done at Almaty on 17 June 2006", LineKind.CLOSING),
        ("Declare the following:", LineKind.FORMULA),
        ("Recalling the Charter,", LineKind.CLAUSE),
        ("Economic dimension", LineKind.HEADING),
        ("We agree to meet again.", LineKind.TEXT),
    ],
)
def test_a_unit_gets_its_kind_from_its_own_words(text, kind):
    assert classify(text)[0] is kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Annex I", LineKind.ANNEX),  # short and capitalised like a heading
        ("1. Almaty, 17 June 2006", LineKind.PARAGRAPH),  # numbered, though dated
        ("Having met in Almaty on 17 June 2006", LineKind.CLOSING),  # dated, though a clause
        ("Recalling the Charter", LineKind.CLAUSE),  # unpunctuated like a heading
    ],
)
def test_where_a_unit_fits_two_kinds_the_earlier_test_wins(text, kind):
    assert classify(text)[0] is kind


def test_what_told_the_kind_goes_with_it():
    assert classify("Recalling the Charter,")[1] == "Recalling"
    assert classify("4. We agree.")[1].number == 4
    assert classify("Done at Almaty on 17 June 2006")[1].place == "Almaty"


def test_every_zone_has_a_handler_for_every_kind_a_part_holds():
    # Annex headings never reach a part: they are where the document is cut into parts.
    kinds = set(LineKind) - {LineKind.ANNEX}
    assert {zone: kinds - set(HANDLERS[zone]) for zone in Zone} == {zone: set() for zone in Zone}


def test_past_the_closing_line_what_has_no_handler_of_its_own_is_refused():
    with pytest.raises(ParseError) as refused:
        parse(SIGNED)
    assert (refused.value.line, refused.value.message) == (7, "text after the closing line")


def test_a_handler_registered_for_a_zone_and_a_kind_places_those_units(monkeypatch):
    def signatory(builder, unit):
        builder.doc.warn(unit.line, f"signed: {unit.text}")

    monkeypatch.setitem(HANDLERS[Zone.CLOSED], LineKind.HEADING, signatory)
    doc = parse(SIGNED)
    assert doc.closing == "Done at Almaty on 17 June 2006"
    assert [(w.line, w.message) for w in doc.warnings] == [
        (7, "signed: For the Republic of Kazakhstan")
    ]


def test_without_a_title_the_warning_names_the_first_unit_of_the_text():
    doc = parse("\n\n1. We agree.\n")
    assert [(w.line, w.message) for w in doc.warnings] == [(3, "no title found")]
