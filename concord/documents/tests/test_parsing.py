"""The document parser on the seed declaration, on small synthetic texts and on faulty input."""

import datetime
from pathlib import Path

import pytest

from concord.documents.parsing import ParsedDocument, ParseError, decode, parse, render_text

HERE = Path(__file__).parent
TEXTS = HERE / "texts"
SEED_PATH = HERE.parent / "data" / "cica-2006-almaty-declaration.txt"
SHARED_SEED = Path("/work/shared/seeds/cica-2006-almaty-declaration.txt")


def text_of(name: str) -> bytes:
    return (TEXTS / name).read_bytes()


def clauses(doc: ParsedDocument) -> list[tuple[str, str]]:
    return [(c.id, c.lead) for c in doc.preamble]


def subparagraph_ids(doc: ParsedDocument, number: int) -> list[str]:
    paragraph = next(p for p in doc.paragraphs if p.number == number)
    return [s.id for s in paragraph.subparagraphs]


def without_lines(structure: dict) -> dict:
    """The structure minus what only says where the source had things (warnings' lines)."""
    warnings = [{**w, "line": None} for w in structure["warnings"]]
    return {**structure, "warnings": warnings}


def assert_round_trip(doc: ParsedDocument) -> None:
    assert without_lines(parse(render_text(doc)).to_dict()) == without_lines(doc.to_dict())


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return parse(SEED_PATH.read_bytes())


# -- the seed: CICA, Almaty Declaration 2006 ---------------------------------------------------


def test_the_seed_copy_is_byte_identical_to_the_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip("the shared seed is not on this machine")
    assert SEED_PATH.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_title_is_joined_and_recased(seed):
    assert seed.title == (
        "Declaration of the Second Summit of the Conference on Interaction and "
        "Confidence Building Measures in Asia"
    )


def test_seed_header_gives_organisation_adopting_body_place_and_date(seed):
    assert seed.header == [
        "CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA",
        "СОВЕЩАНИЕ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ",
        "Adopted by the CICA Summit",
        "Almaty, 17 June 2006",
    ]
    assert seed.organisation == {
        "en": "Conference on Interaction and Confidence Building Measures in Asia",
        "ru": "Совещание по взаимодействию и мерам доверия в Азии",
    }
    assert "Summit" in seed.adopted_by
    assert seed.place == "Almaty"
    assert seed.adopted_on == datetime.date(2006, 6, 17)
    assert seed.language == "en"


def test_seed_enacting_subject_is_not_a_preamble_clause(seed):
    assert seed.enacting == (
        "We, the Heads of State or Government of the Member States of the Conference on "
        "Interaction and Confidence Building Measures in Asia (CICA);"
    )
    assert not any(c.text.startswith("We,") for c in seed.preamble)


def test_seed_has_seven_preamble_clauses_with_their_leads(seed):
    assert clauses(seed) == [
        ("pre-1", "Having met"),
        ("pre-2", "Reaffirming"),
        ("pre-3", "Recognizing"),
        ("pre-4", "Also reaffirming"),
        ("pre-5", "Expressing"),
        ("pre-6", "Underlining"),
        ("pre-7", "Expressing"),
    ]
    assert seed.preamble[0].text.startswith("Having met in Almaty for the 2nd CICA Summit")
    assert seed.preamble[0].text.endswith("(CBMs);")
    assert seed.preamble[-1].text.endswith("a better future for our people,")


def test_seed_formula(seed):
    assert seed.formula == "DECLARE THE FOLLOWING:"


def test_seed_has_six_sections_without_headings(seed):
    assert [(s.number, s.heading, s.paragraphs) for s in seed.sections] == [
        ("I", None, list(range(1, 15))),
        ("II", None, list(range(15, 22))),
        ("III", None, [22]),
        ("IV", None, [23]),
        ("V", None, [24]),
        ("VI", None, [25]),
    ]


def test_seed_has_25_paragraphs_and_21_continuation_blocks(seed):
    assert [p.number for p in seed.paragraphs] == list(range(1, 26))
    assert [p.id for p in seed.paragraphs][:3] == ["op-1", "op-2", "op-3"]
    assert sum(len(p.blocks) - 1 for p in seed.paragraphs) == 21
    eighth = seed.paragraphs[7]
    assert [b.id for b in eighth.blocks] == ["op-8"] + [f"op-8-{n}" for n in range(2, 9)]
    assert eighth.blocks[1].text == (
        "We call upon all States to co-operate in preventing proliferation of WMDs."
    )


def test_seed_closing_and_nothing_left_over(seed):
    assert seed.closing == "Almaty, 17 June 2006"
    assert seed.unclassified == []
    assert seed.warnings == []


def test_seed_units_in_reading_order(seed):
    units = seed.units()
    ids = [u["id"] for u in units]
    assert ids[:7] == ["header-1", "header-2", "header-3", "header-4", "title", "enacting", "pre-1"]
    assert ids[13:16] == ["formula", "sec-I", "op-1"]
    assert ids[-3:] == ["sec-VI", "op-25", "closing"]
    assert len(ids) == len(set(ids))
    by_id = {u["id"]: u for u in units}
    assert by_id["op-8"]["kind"] == "paragraph" and by_id["op-8"]["number"] == "8"
    assert by_id["op-8"]["text"].startswith("We recognize that proliferation")
    assert by_id["op-8-8"]["kind"] == "block"
    assert by_id["sec-III"] == {
        "id": "sec-III",
        "kind": "section",
        "number": "III",
        "text": "",
        "heading": None,
    }


def test_seed_round_trips_through_plain_text(seed):
    text = render_text(seed)
    assert "**" not in text
    assert parse(text).to_dict() == seed.to_dict()


def test_seed_reads_the_same_from_str_crlf_bom_and_windows_1251(seed):
    text = SEED_PATH.read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    assert parse(text).to_dict() == seed.to_dict()
    assert parse(b"\xef\xbb\xbf" + crlf.encode("utf-8")).to_dict() == seed.to_dict()
    assert parse(crlf.encode("cp1251")).to_dict() == seed.to_dict()


def test_seed_structure_survives_to_dict_and_back(seed):
    assert ParsedDocument.from_dict(seed.to_dict()).to_dict() == seed.to_dict()
    assert render_text(ParsedDocument.from_dict(seed.to_dict())) == render_text(seed)


# -- acts, resolutions with annexes, Russian texts ---------------------------------------------


def test_act_with_articles():
    doc = parse(text_of("act-with-articles.txt"))
    assert doc.title == "Agreement on the Establishment of the CICA Secretariat"
    assert doc.enacting.endswith('hereinafter referred to as "the Parties",')
    assert clauses(doc) == [("pre-1", "Guided"), ("pre-2", "Desiring")]
    assert doc.formula == "Have agreed as follows:"
    assert [(p.id, p.kind, p.number, p.heading) for p in doc.paragraphs] == [
        ("art-1", "article", 1, "Establishment"),
        ("art-2", "article", 2, "Functions"),
        ("art-3", "article", 3, None),
        ("art-4", "article", 4, "Entry into force"),
    ]
    functions = doc.paragraphs[1]
    assert [(b.id, b.text[:18]) for b in functions.blocks] == [
        ("art-2", "1. The Secretariat"),
        ("art-2-2", "2. The Secretariat"),
    ]
    assert subparagraph_ids(doc, 2) == ["art-2-a", "art-2-b", "art-2-c"]
    assert doc.closing.startswith("Done at Almaty on 17 June 2006")
    assert (doc.place, doc.adopted_on) == ("Almaty", datetime.date(2006, 6, 17))
    assert_round_trip(doc)


def test_rules_of_procedure_number_rules_inside_sections():
    doc = parse(text_of("rules-of-procedure.txt"))
    assert doc.title == "Rules of Procedure of the Senior Officials Committee"
    assert [(s.number, s.heading, s.paragraphs) for s in doc.sections] == [
        ("I", "General provisions", [1, 2]),
        ("II", "Decision-making", [3]),
    ]
    assert [(p.id, p.kind, p.heading) for p in doc.paragraphs] == [
        ("rule-1", "rule", None),
        ("rule-2", "rule", "Chair"),
        ("rule-3", "rule", None),
    ]
    assert_round_trip(doc)


def test_resolution_with_an_annexed_declaration_numbered_on_its_own():
    doc = parse(text_of("resolution-with-annex.txt"))
    assert doc.title == "Resolution 3/2010 on the Adoption of the Declaration on Energy Security"
    assert doc.enacting == "The Ministerial Council,"
    assert clauses(doc) == [("pre-1", "Recalling"), ("pre-2", "Noting")]
    assert doc.formula is None
    assert [p.id for p in doc.paragraphs] == ["op-1", "op-2"]
    [annex] = doc.annexes
    assert (annex.id, annex.heading, annex.title) == (
        "annex-1",
        "ANNEX",
        "Declaration on Energy Security",
    )
    assert annex.enacting.startswith("We, the Ministers")
    assert clauses(annex) == [("annex-1-pre-1", "Convinced")]
    assert annex.formula == "Declare:"
    assert [p.id for p in annex.paragraphs] == [f"annex-1-op-{n}" for n in range(1, 5)]
    assert [(s.number, s.heading, s.paragraphs, s.subheadings) for s in annex.sections] == [
        ("I", "General principles", [1, 2, 3], [{"before": 3, "text": "Regional co-operation"}]),
        ("II", None, [4], []),
    ]
    assert annex.closing == "Istanbul, 8 June 2010"
    assert (doc.place, doc.adopted_on) == ("Istanbul", datetime.date(2010, 6, 8))
    ids = [u["id"] for u in doc.units()]
    assert ids[ids.index("annex-1") :][:6] == [
        "annex-1",
        "annex-1-title",
        "annex-1-enacting",
        "annex-1-pre-1",
        "annex-1-formula",
        "annex-1-sec-I",
    ]
    assert "annex-1-sec-I-sub-1" in ids
    assert_round_trip(doc)


def test_russian_declaration():
    doc = parse(text_of("russian-declaration.txt"))
    assert doc.language == "ru"
    assert doc.organisation == {"ru": "Совещание по взаимодействию и мерам доверия в Азии"}
    assert doc.adopted_by == "Саммитом СВМДА"
    assert (doc.place, doc.adopted_on) == ("Алматы", datetime.date(2006, 6, 17))
    assert doc.title == (
        "Декларация второго саммита Совещания по взаимодействию и мерам доверия в Азии"
    )
    assert doc.enacting.startswith("Мы, главы государств")
    assert [c.lead for c in doc.preamble] == [
        "Встретившись",
        "Подтверждая",
        "Принимая во внимание",
        "Будучи убеждены",
        "Вновь подтверждая",
    ]
    assert doc.formula == "Заявляем следующее:"
    assert [(s.number, s.paragraphs) for s in doc.sections] == [("I", [1, 2]), ("II", [3])]
    second = doc.paragraphs[1]
    # Russian "а) б) в)" carry the ids of "(a) (b) (c)", so both languages line up.
    assert [(s.id, s.label) for s in second.subparagraphs] == [
        ("op-2-a", "а"),
        ("op-2-b", "б"),
        ("op-2-c", "в"),
    ]
    assert doc.closing == "Алматы, 17 июня 2006 года"
    assert_round_trip(doc)


def test_windows_1251_russian_text_reads_like_utf8():
    raw = text_of("russian-declaration-cp1251.txt")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert decode(raw) == text_of("russian-declaration.txt").decode("utf-8")
    assert parse(raw).to_dict() == parse(text_of("russian-declaration.txt")).to_dict()


def test_upper_case_preamble_and_bracketed_numbering():
    doc = parse(text_of("upper-case-preamble.txt"))
    assert doc.title == "Joint Statement of the Ministers of Foreign Affairs"
    assert doc.enacting == "THE MINISTERS OF FOREIGN AFFAIRS OF THE CICA MEMBER STATES,"
    assert [c.lead for c in doc.preamble] == ["REAFFIRMING", "DEEPLY CONCERNED", "MINDFUL OF"]
    assert doc.formula == "HAVE AGREED AS FOLLOWS:"
    assert [p.id for p in doc.paragraphs] == ["op-1", "op-2", "op-3"]
    assert doc.paragraphs[0].blocks[0].text == "To strengthen co-operation in combating terrorism."
    assert subparagraph_ids(doc, 2) == ["op-2-a", "op-2-b"]
    assert_round_trip(doc)


def test_lettered_and_roman_sub_paragraphs():
    doc = parse(text_of("subparagraphs.txt"))
    assert doc.formula == "Decides:"
    first = doc.paragraphs[0]
    assert [(s.id, s.label) for s in first.subparagraphs][:5] == [
        ("op-1-a", "a"),
        ("op-1-b", "b"),
        ("op-1-c", "c"),
        ("op-1-c-i", "i"),  # roman, nested in (c)
        ("op-1-c-ii", "ii"),
    ]
    assert [s.id for s in first.subparagraphs][5:] == [f"op-1-{x}" for x in "defghi"]
    assert first.subparagraphs[-1].text == "review the Catalogue of CBMs."  # (i) after (h)
    second = doc.paragraphs[1]
    assert [s.id for s in second.subparagraphs] == ["op-2-i", "op-2-ii", "op-2-iii"]
    assert [b.id for b in second.blocks] == ["op-2", "op-2-2"]
    assert_round_trip(doc)


def test_sections_with_headings_and_unnumbered_subheadings_in_a_crlf_bom_file():
    raw = text_of("statement-crlf-bom.txt")
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    doc = parse(raw)
    assert doc.title == "Final Statement of the Third Meeting of the Special Working Group"
    assert doc.enacting is None
    assert doc.formula == "Agree as follows:"
    assert [s.to_dict() for s in doc.sections] == [
        {
            "number": "I",
            "heading": "Security",
            "paragraphs": [1, 2, 3],
            "subheadings": [
                {"before": 1, "text": "Counter-terrorism"},
                {"before": 3, "text": "Border security"},
            ],
        },
        {"number": "II", "heading": "Economy", "paragraphs": [4, 5], "subheadings": []},
    ]
    assert (doc.place, doc.adopted_on) == ("Bangkok", datetime.date(2012, 3, 2))
    assert_round_trip(doc)


# -- the generic rules -------------------------------------------------------------------------


def declaration(*lines: str) -> str:
    return "\n\n".join(["Declaration on Co-operation", *lines])


@pytest.mark.parametrize(
    ("clause", "lead"),
    [
        ("Recalling the Almaty Act,", "Recalling"),
        ("Recognising the role of dialogue;", "Recognising"),
        ("Deeply concerned by the threat of terrorism,", "Deeply concerned"),
        ("Mindful of the need for dialogue,", "Mindful of"),
        ("Aware of the challenges,", "Aware of"),
        ("Cognizant of the growing threat,", "Cognizant of"),
        ("Having considered the report of the Secretariat,", "Having considered"),
        ("Being convinced that co-operation matters,", "Being convinced"),
        ("Bearing in mind the principles of the Charter,", "Bearing in mind"),
        ("Taking into account the views of the Member States,", "Taking into account"),
        ("Once again reaffirming our commitment,", "Once again reaffirming"),
        ("Desirous of strengthening relations,", "Desirous of"),
        ("Firmly determined to act,", "Firmly determined"),
        ("WELCOMING the progress achieved", "WELCOMING"),
        ("Учитывая важность сотрудничества,", "Учитывая"),
        ("Исходя из принципов Устава,", "Исходя из"),
        ("Руководствуясь целями Совещания,", "Руководствуясь"),
        ("Глубоко обеспокоенные ростом терроризма,", "Глубоко обеспокоенные"),
        ("Рассмотрев доклад Секретариата,", "Рассмотрев"),
    ],
)
def test_preamble_leads_follow_a_rule_not_a_list(clause, lead):
    doc = parse(declaration("We, the Ministers,", clause, "Declare:", "1. We agree."))
    assert [(c.lead, c.text) for c in doc.preamble] == [(lead, clause)]


@pytest.mark.parametrize(
    "formula",
    [
        "DECLARE THE FOLLOWING:",
        "Declare the following:",
        "Declare:",
        "Have agreed as follows:",
        "Hereby declare:",
        "Decides:",
        "Decide:",
        "Adopt the following Statement:",
        "Agree as follows:",
        "Заявляем следующее:",
        "Заявляют следующее:",
        "Постановляет:",
        "Договорились о нижеследующем:",
    ],
)
def test_introductory_formulas(formula):
    doc = parse(declaration("We, the Ministers,", "Recalling the Almaty Act,", formula, "1. Go."))
    assert doc.formula == formula
    assert [c.lead for c in doc.preamble] == ["Recalling"]


@pytest.mark.parametrize(
    ("line", "place", "day"),
    [
        ("Almaty, 17 June 2006", "Almaty", datetime.date(2006, 6, 17)),
        ("Almaty, June 17, 2006", "Almaty", datetime.date(2006, 6, 17)),
        ("Almaty, 17.06.2006", "Almaty", datetime.date(2006, 6, 17)),
        ("Almaty, 2006-06-17", "Almaty", datetime.date(2006, 6, 17)),
        ("Алматы, 17 июня 2006 года", "Алматы", datetime.date(2006, 6, 17)),
        ("г. Алматы, 17 июня 2006 г.", "Алматы", datetime.date(2006, 6, 17)),
        ("Done at Almaty on 17 June 2006", "Almaty", datetime.date(2006, 6, 17)),
        ("Done at Almaty on 4th June 2002, in two originals.", "Almaty", datetime.date(2002, 6, 4)),
        ("17 June 2006", None, datetime.date(2006, 6, 17)),
    ],
)
def test_closing_place_and_date(line, place, day):
    doc = parse(declaration("Declare:", "1. We agree.", line))
    assert doc.closing == line
    assert (doc.place, doc.adopted_on) == (place, day)


def test_header_date_wins_over_the_closing_and_invalid_dates_warn():
    doc = parse("Astana, 1 May 2010\n\n" + declaration("Decide:", "1. Go.", "Almaty, 31 June 2006"))
    assert (doc.place, doc.adopted_on) == ("Astana", datetime.date(2010, 5, 1))
    assert [w.message for w in doc.warnings] == ["the date is not a valid calendar date"]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["**DECLARATION**", "**of the Summit**"], "Declaration of the Summit"),
        (["DECLARATION", "OF THE CICA SUMMIT"], "Declaration of the CICA Summit"),
        (["**FINAL ACT\nof the Conference**"], "Final Act of the Conference"),
        (["# Almaty Act"], "Almaty Act"),
        (["ДЕКЛАРАЦИЯ\nсаммита в Азии"], "Декларация саммита в Азии"),
        (["CICA Ministerial Meeting", "Chairman's summary"], "Chairman's summary"),
    ],
)
def test_titles(lines, title):
    doc = parse("\n\n".join([*lines, "Decide:", "1. Go."]))
    assert doc.title == title


@pytest.mark.parametrize(
    ("heading_lines", "number", "heading"),
    [
        (["I"], "I", None),
        (["I."], "I", None),
        (["I. General provisions"], "I", "General provisions"),
        (["I – General provisions"], "I", "General provisions"),
        (["Section I"], "I", None),
        (["Section I. General provisions"], "I", "General provisions"),
        (["SECTION I", "GENERAL PROVISIONS"], "I", "GENERAL PROVISIONS"),
        (["Chapter 1: Scope"], "1", "Scope"),
        (["Раздел I. Общие положения"], "I", "Общие положения"),
        (["**I**", "**General provisions**"], "I", "General provisions"),
    ],
)
def test_section_headings(heading_lines, number, heading):
    doc = parse(declaration("Declare:", *heading_lines, "1. We agree."))
    assert [(s.number, s.heading, s.paragraphs) for s in doc.sections] == [(number, heading, [1])]
    assert_round_trip(doc)


def test_unnumbered_headings_without_numbered_sections_become_sections():
    doc = parse(declaration("Declare:", "Security", "1. One.", "2. Two.", "Economy", "3. Three."))
    assert [(s.number, s.heading, s.paragraphs) for s in doc.sections] == [
        (None, "Security", [1, 2]),
        (None, "Economy", [3]),
    ]
    assert [u["id"] for u in doc.units() if u["kind"] == "section"] == ["sec-h1", "sec-h2"]
    assert_round_trip(doc)


@pytest.mark.parametrize(
    ("line", "heading", "first_block"),
    [
        ("Article 2. Functions", "Functions", None),
        ("Article 2 - Entry into force.", "Entry into force.", None),
        ("ARTICLE II: Scope", "Scope", None),
        ("Article 2. The Secretariat shall:", None, "The Secretariat shall:"),
        (
            "Article 2. This Agreement shall enter into force upon signature.",
            None,
            "This Agreement shall enter into force upon signature.",
        ),
    ],
)
def test_what_follows_an_article_number_on_its_line(line, heading, first_block):
    doc = parse(f"Agreement on X\n\nArticle 1\n\nIt applies.\n\n{line}\n\nIt works.")
    second = doc.paragraphs[1]
    assert (second.id, second.heading) == ("art-2", heading)
    assert [b.text for b in second.blocks] == [t for t in (first_block, "It works.") if t]
    assert_round_trip(doc)


def test_article_forms_in_russian():
    doc = parse(
        "Соглашение о Секретариате\n\nСтатья 1\nУчреждение\n\nСекретариат учреждается.\n\n"
        "Статья 2. Функции\n\nСекретариат:\nа) ведёт архив;\nб) готовит встречи.\n"
    )
    assert doc.language == "ru"
    assert [(p.id, p.heading) for p in doc.paragraphs] == [
        ("art-1", "Учреждение"),
        ("art-2", "Функции"),
    ]
    assert subparagraph_ids(doc, 2) == ["art-2-a", "art-2-b"]
    assert "Статья 2. Функции" in render_text(doc)
    assert_round_trip(doc)


def test_continuation_blocks_and_sub_paragraphs_keep_their_order():
    doc = parse(
        declaration(
            "Declare:",
            "1. The Council shall:\n(a) meet;\n(b) report.",
            "It shall also:\n(a) publish;\n(b) archive.",
            "The Secretariat assists it.",
        )
    )
    paragraph = doc.paragraphs[0]
    assert [b.id for b in paragraph.blocks] == ["op-1", "op-1-2", "op-1-3"]
    assert [s.id for s in paragraph.subparagraphs] == ["op-1-a", "op-1-b", "op-1-2-a", "op-1-2-b"]
    ids = [u["id"] for u in doc.units()]
    assert ids[ids.index("op-1") :] == [
        "op-1",
        "op-1-a",
        "op-1-b",
        "op-1-2",
        "op-1-2-a",
        "op-1-2-b",
        "op-1-3",
    ]
    assert_round_trip(doc)


def test_bracketed_items_inside_a_dotted_paragraph_are_its_text():
    doc = parse(declaration("Decide:", "1. The Council shall:", "1) meet;", "2) report.", "2. Go."))
    assert [b.text for b in doc.paragraphs[0].blocks] == [
        "The Council shall:",
        "1) meet;",
        "2) report.",
    ]
    assert_round_trip(doc)


def test_hard_wrapped_lines_join_and_one_line_paragraphs_split():
    wrapped = parse(
        "Declaration on Co-\noperation\n\nRecalling the Almaty\nAct,\nNoting the report,\n\n"
        "Declare:\n\n1. We agree\nthat co-operation matters.\n2. We will meet.\n(a) soon;\n"
    )
    assert wrapped.title == "Declaration on Co-operation"
    assert [c.text for c in wrapped.preamble] == ["Recalling the Almaty Act,", "Noting the report,"]
    assert [p.blocks[0].text for p in wrapped.paragraphs] == [
        "We agree that co-operation matters.",
        "We will meet.",
    ]
    assert subparagraph_ids(wrapped, 2) == ["op-2-a"]
    long_line = "We note the progress achieved by the Member States in the implementation. " * 2
    one_per_line = parse(f"Declaration on X\n\nDecide:\n\n1. {long_line}\n{long_line}\n")
    assert len(one_per_line.paragraphs[0].blocks) == 2


def test_markdown_emphasis_and_escapes_are_removed():
    doc = parse("# Declaration on X\n\n*Recalling* the Act,\n\n**Declare:**\n\n1\\. We *do* agree.")
    assert doc.title == "Declaration on X"
    assert [(c.lead, c.text) for c in doc.preamble] == [("Recalling", "Recalling the Act,")]
    assert doc.formula == "Declare:"
    assert doc.paragraphs[0].blocks[0].text == "We do agree."


def test_unnumbered_operative_paragraphs_are_numbered_in_order_with_a_warning():
    doc = parse(declaration("We, the Ministers,", "We agree on this.", "We will meet again."))
    assert [(p.id, p.blocks[0].text) for p in doc.paragraphs] == [
        ("op-1", "We agree on this."),
        ("op-2", "We will meet again."),
    ]
    assert [w.message for w in doc.warnings] == [
        "paragraphs are not numbered; numbered in reading order"
    ]


def test_text_that_fits_nowhere_is_kept_with_a_warning_and_rendered_in_place():
    text = declaration("Recalling the Act,", "(a) a stray item;", "Decide:", "1. Go.")
    doc = parse(text)
    assert [(u.id, u.text, u.line, u.after) for u in doc.unclassified] == [
        ("x-1", "(a) a stray item;", 5, "pre-1")
    ]
    assert doc.warnings[0].line == 5
    assert "sub-paragraph outside a numbered paragraph" in doc.warnings[0].message
    assert [u["id"] for u in doc.units()][:4] == ["title", "pre-1", "x-1", "formula"]
    again = parse(render_text(doc))
    assert again.unclassified[0].text == "(a) a stray item;"


def test_long_runs_of_unclassified_text_are_kept_in_order():
    strays = "".join(f"Stray text {n}.\n\n" for n in range(3000))
    doc = parse(f"Declaration on X\n\nDecide:\n\n{strays}1. Go.")
    assert len(doc.unclassified) == 3000
    assert [u["id"] for u in doc.units()][2:5] == ["x-1", "x-2", "x-3"]
    assert render_text(doc).count("Stray text") == 3000


def test_repeated_sub_paragraph_labels_get_distinct_ids_and_a_warning():
    doc = parse(declaration("Decide:", "1. Do:\n(a) this;\n(a) that;\n(a) more."))
    assert subparagraph_ids(doc, 1) == ["op-1-a", "op-1-a-2", "op-1-a-3"]
    assert [w.message for w in doc.warnings] == ["sub-paragraph (a) repeats a label"] * 2
    assert_round_trip(doc)


def test_language_can_be_given():
    assert parse(declaration("Decide:", "1. Go."), language="ru").language == "ru"


# -- errors --------------------------------------------------------------------------------------


def test_a_numbering_gap_names_the_line():
    lines = ["Declaration on X", "", "Declare:", "", "1. One.", "", "2. Two.", "", "4. Four."]
    with pytest.raises(ParseError) as caught:
        parse("\n".join(lines))
    assert caught.value.line == 9
    assert caught.value.message == "paragraph 4 follows paragraph 2 (expected 3)"
    assert str(caught.value) == "line 9: paragraph 4 follows paragraph 2 (expected 3)"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "Declaration on X\n\n1. One.\n\n2. Two.\n\n2. Again.",
            "line 7: paragraph 2 follows paragraph 2 (expected 3)",
        ),
        ("Declaration on X\n\n2. Two.", "line 3: the first paragraph is numbered 2 (expected 1)"),
        (
            "Agreement on X\n\nArticle 1\n\nArticle 3\n",
            "line 5: article 3 follows article 1 (expected 2)",
        ),
        ("Declaration on X\n\nI\n\nIII\n", "line 5: section III follows section I (expected II)"),
        ("Declaration on X\n\nII\n", "line 3: the first section is numbered II (expected I)"),
    ],
)
def test_duplicates_gaps_and_wrong_first_numbers_are_errors(text, error):
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert str(caught.value) == error


def test_an_annex_restarts_the_numbering():
    doc = parse("Resolution on X\n\n1. Adopts.\n\n2. Asks.\n\nAnnex\n\n1. One.\n\n2. Two.")
    assert [p.id for p in doc.annexes[0].paragraphs] == ["annex-1-op-1", "annex-1-op-2"]
    with pytest.raises(ParseError, match=r"^line 11: paragraph 3 follows paragraph 1"):
        parse("Resolution on X\n\n1. Adopts.\n\n2. Asks.\n\nAnnex\n\n1. One.\n\n3. Three.")


def test_text_after_the_closing_line_is_an_error_on_its_line():
    with pytest.raises(ParseError, match=r"^line 7: text after the closing line$"):
        parse("Declaration on X\n\n1. One.\n\nAlmaty, 17 June 2006\n\nFor Kazakhstan")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "line 1: empty file"),
        (b"  \r\n\t\n", "line 1: empty file"),
        ("", "line 1: empty file"),
        ("**\n#\n", "line 1: empty file"),
        (b"Declaration\n\nabc\x00def", "line 3: binary file (NUL bytes)"),
        ("x\x00", "line 1: binary file (NUL bytes)"),
    ],
)
def test_empty_and_binary_files(raw, message):
    with pytest.raises(ParseError) as caught:
        parse(raw)
    assert str(caught.value) == message


def test_decode_handles_boms_newlines_and_western_single_byte_text():
    assert decode("Café\r\nfin\r".encode("utf-8-sig")) == "Café\nfin\n"
    assert decode("Déclaration".encode("utf-16")) == "Déclaration"
    assert decode("Café déclaration".encode("cp1252")) == "Café déclaration"
    assert decode("Декларация".encode("cp1251")) == "Декларация"
    with pytest.raises(ParseError, match="empty file"):
        decode(b"")
