"""Properties of the parser: it never fails but with ParseError, and text round-trips."""

import datetime
import re
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from concord.documents.parsing import (
    Annex,
    Block,
    Clause,
    Paragraph,
    ParsedDocument,
    ParseError,
    Section,
    Subparagraph,
    parse,
    render_text,
)

SEED = Path(__file__).parent.parent / "data" / "cica-2006-almaty-declaration.txt"
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
ROUND_TRIP = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


# -- nothing but ParseError ----------------------------------------------------------------------

# Lines that exercise every rule, mixed with noise: hypothesis finds the odd combinations.
FRAGMENTS = [
    *("1. We agree.", "2) Text", "3. More", "1.", "0.", "9999. Year", "(a) item;", "a) item"),
    *("(i) x", "(ii) y", "(h) z", "(aa)", "()", "(", "б) пункт", "Article 1", "Article 2. Title"),
    *("Article 5 of the Charter", "Статья 3", "Rule 1", "I", "II. Heading", "Section I", "III"),
    *("Chapter 2 General", "ANNEX", "Annex I", "Приложение", "Almaty, 17 June 2006", "I."),
    *("Done at Almaty on 17 June 2006", "31.02.2006", "2006-13-45", "June 4th, 2002", "**"),
    *("**DECLARATION", "of the Summit**", "**Bold**", "*em*", "# Heading", "Reaffirming x;"),
    *("Having met,", "DECLARE:", "Decides:", "We, the Heads,", "Subheading", "text.", "co-"),
    *("Принята Саммитом", "Adopted by the Summit on 17 June 2006", "Having", "Being deeply"),
    *("", "", "", "\t", "\u2028", "\x0c", "\x85", "\ufeff", "\r"),
]
line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
line_soup = st.builds(
    lambda lines, newline: newline.join(lines),
    st.lists(line, max_size=40),
    st.sampled_from(["\n", "\r\n", "\r"]),
)


def parse_or_none(text):
    try:
        return parse(text)
    except ParseError as error:
        assert isinstance(error.line, int) and error.line >= 1
        assert str(error) == f"line {error.line}: {error.message}"
        return None


@FUZZ
@given(st.text())
def test_any_string_parses_or_raises_parse_error(text):
    doc = parse_or_none(text)
    if doc is not None:
        doc.to_dict()
        doc.units()


@FUZZ
@given(st.binary())
def test_any_bytes_parse_or_raise_parse_error(raw):
    parse_or_none(raw)


@FUZZ
@given(line_soup)
def test_structured_noise_parses_or_raises_parse_error(text):
    parse_or_none(text)
    parse_or_none(text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(line_soup)
def test_rendered_text_is_a_fixed_point(text):
    doc = parse_or_none(text)
    assume(doc is not None)
    rendered = render_text(doc)
    again = parse(rendered)  # rendering a parsed document never produces an invalid text
    assert render_text(again) == rendered
    ids = [u["id"] for u in again.units()]
    assert len(ids) == len(set(ids))


# -- well-formed documents round-trip --------------------------------------------------------------

WORDS = {
    "en": "security co-operation dialogue region peace development confidence measures trade"
    " energy terrorism process summit conference relations principles stability partnership",
    "ru": "безопасность сотрудничество диалог регион мир развитие доверие меры торговля"
    " энергетика терроризм процесс саммит совещание отношения принципы стабильность",
}
LEADS = {
    "en": [
        *("Reaffirming", "Recalling", "Also reaffirming", "Deeply concerned", "Mindful of"),
        *("Having met", "Having considered", "Bearing in mind", "Taking into account"),
        *("Convinced", "Recognizing", "Recognising", "Welcoming", "Noting", "Aware of"),
        *("Determined", "Desirous of", "REAFFIRMING", "Further recalling", "Being convinced"),
    ],
    "ru": [
        *("Подтверждая", "Принимая во внимание", "Признавая", "Вновь подтверждая"),
        *("Будучи убеждены", "Встретившись", "Руководствуясь", "Стремясь", "Отмечая"),
        "Исходя из",
    ],
}
FORMULAS = {
    "en": ["DECLARE THE FOLLOWING:", "Declare:", "Have agreed as follows:", "Decide:"],
    "ru": ["Заявляем следующее:", "Постановляет:", "Договорились о нижеследующем:"],
}
MONTHS = {
    "en": [
        *("January", "February", "March", "April", "May", "June"),
        *("July", "August", "September", "October", "November", "December"),
    ],
    "ru": [
        *("января", "февраля", "марта", "апреля", "мая", "июня"),
        *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
    ],
}
PLACES = {"en": ["Almaty", "Astana", "Bangkok", "Istanbul", "Dushanbe"], "ru": ["Алматы", "Астана"]}
ORGANISATIONS = [
    (
        "CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA",
        "en",
        "Conference on Interaction and Confidence Building Measures in Asia",
    ),
    (
        "СОВЕЩАНИЕ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ",
        "ru",
        "Совещание по взаимодействию и мерам доверия в Азии",
    ),
]


def phrase(language, size=(2, 8)):
    return st.lists(st.sampled_from(WORDS[language].split()), min_size=size[0], max_size=size[1])


def sentence(language, opener):
    return phrase(language).map(lambda words: f"{opener} {' '.join(words)}.")


def heading(language):
    return phrase(language, (1, 4)).map(lambda words: " ".join(words).capitalize())


def day_line(language):
    def render(place, day):
        if language == "ru":
            return f"{place}, {day.day} {MONTHS['ru'][day.month - 1]} {day.year} года"
        return f"{place}, {day.day} {MONTHS['en'][day.month - 1]} {day.year}"

    return st.tuples(
        st.sampled_from(PLACES[language]),
        st.dates(datetime.date(1992, 1, 1), datetime.date(2040, 12, 31)),
    ).map(lambda pd: (render(*pd), pd[0], pd[1]))


@st.composite
def subparagraphs(draw, language, base):
    """Lettered items, roman items, or lettered items with roman ones nested in one of them."""
    shape = draw(st.sampled_from(["none", "letters", "romans", "nested"]))
    letters = "abcdefghijklm" if language == "en" else "абвгдежзиклм"
    romans = ["i", "ii", "iii", "iv", "v"]
    if shape == "none":
        return []
    text = phrase(language).map(lambda words: " ".join(words) + ";")
    count = draw(st.integers(1, 10 if shape == "letters" else 4))
    items = []
    for n in range(count):
        if shape == "romans":
            items.append(Subparagraph(f"{base}-{romans[n]}", romans[n], draw(text)))
            continue
        letter_id = "abcdefghijklm"[n]
        items.append(Subparagraph(f"{base}-{letter_id}", letters[n], draw(text)))
        if shape == "nested" and n == 0:
            for roman in romans[: draw(st.integers(1, 3))]:
                items.append(Subparagraph(f"{base}-a-{roman}", roman, draw(text)))
    return items


@st.composite
def paragraph(draw, language, prefix, number, kind):
    short = {"paragraph": "op", "article": "art"}[kind]
    ident = f"{prefix}{short}-{number}"
    opener = {"en": "We", "ru": "Мы"}[language] if kind == "paragraph" else "The"
    if language == "ru" and kind == "article":
        opener = "Стороны"
    count = draw(st.integers(1, 3))
    blocks = [Block(ident, draw(sentence(language, opener)))]
    blocks += [Block(f"{ident}-{n}", draw(sentence(language, opener))) for n in range(2, count + 1)]
    items = []
    for block in blocks:
        items += draw(subparagraphs(language, block.id))
    title = draw(st.none() | heading(language)) if kind == "article" else None
    return Paragraph(ident, number, title, blocks, items, kind)


@st.composite
def body(draw, language, prefix, titled):
    """Paragraphs or articles, grouped into numbered or unnumbered sections, or none."""
    kind = draw(st.sampled_from(["paragraph", "paragraph", "article"]))
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    grouping = draw(st.sampled_from(["none", "numbered", "unnumbered" if titled else "none"]))
    loose = draw(st.integers(0, 2)) if grouping == "numbered" else 0
    paragraphs, sections, number = [], [], 0
    for _ in range(loose):
        number += 1
        paragraphs.append(draw(paragraph(language, prefix, number, kind)))
    for index, size in enumerate(sizes):
        numbers = list(range(number + 1, number + size + 1))
        for n in numbers:
            paragraphs.append(draw(paragraph(language, prefix, n, kind)))
        number += size
        if grouping == "numbered":
            sections.append(numbered_section(draw, language, index, numbers))
        elif grouping == "unnumbered":
            sections.append(Section(None, draw(heading(language)), numbers))
    return sections, paragraphs


def numbered_section(draw, language, index, numbers):
    roman = ["I", "II", "III", "IV", "V"][index]
    section = Section(roman, draw(st.none() | heading(language)), numbers)
    # A subheading right under a bare numeral would read as the section's own heading.
    allowed = numbers if section.heading else numbers[1:]
    befores = draw(st.lists(st.sampled_from([*allowed, None]), max_size=2, unique=True))
    positions = {n: i for i, n in enumerate(numbers)}
    for before in sorted(befores, key=lambda b: positions.get(b, len(numbers))):
        section.subheadings.append({"before": before, "text": draw(heading(language))})
    return section


@st.composite
def preamble(draw, language, prefix):
    # The separator closing a clause is the text's own: kept as written, never normalised.
    separators = st.sampled_from([";", ","])
    enacting = draw(
        st.none()
        | st.tuples(phrase(language), separators).map(
            lambda ws: f"We, the Heads of State of the {' '.join(ws[0])}{ws[1]}"
        )
    )
    if language == "ru" and enacting:
        enacting = enacting.replace("We, the Heads of State of the", "Мы, главы государств")
    clauses = []
    for n in range(1, draw(st.integers(0, 5)) + 1):
        lead = draw(st.sampled_from(LEADS[language]))
        text = f"{lead} {' '.join(draw(phrase(language)))}{draw(separators)}"
        clauses.append(Clause(f"{prefix}pre-{n}", lead, text))
    return enacting, clauses, draw(st.none() | st.sampled_from(FORMULAS[language]))


def title_of(language, words):
    return ("Declaration on " if language == "en" else "Декларация о ") + " ".join(words)


@st.composite
def annex(draw, language, n):
    prefix = f"annex-{n}-"
    title = draw(st.none() | phrase(language).map(lambda w: title_of(language, w)))
    enacting, clauses, formula = draw(preamble(language, prefix))
    sections, paragraphs = draw(body(language, prefix, titled=title is not None))
    closing = draw(st.none() | day_line(language))
    return Annex(
        id=f"annex-{n}",
        heading=draw(st.sampled_from(["Annex", "ANNEX", "Annex I", "Приложение"])),
        title=title,
        enacting=enacting,
        preamble=clauses,
        formula=formula,
        sections=sections,
        paragraphs=paragraphs,
        closing=closing and closing[0],
    ), closing


@st.composite
def documents(draw):
    language = draw(st.sampled_from(["en", "ru"]))
    doc = ParsedDocument(language=language, title=title_of(language, draw(phrase(language))))
    for text, org_language, name in draw(st.sampled_from([[], ORGANISATIONS[:1], ORGANISATIONS])):
        doc.header.append(text)
        doc.organisation[org_language] = name
    if draw(st.booleans()):
        doc.header.append("Adopted by the CICA Summit")
        doc.adopted_by = "the CICA Summit"
    dated = draw(st.none() | day_line(language))
    if dated:
        doc.header.append(dated[0])
    doc.enacting, doc.preamble, doc.formula = draw(preamble(language, ""))
    doc.sections, doc.paragraphs = draw(body(language, "", titled=True))
    closing = draw(st.none() | day_line(language))
    doc.closing = closing and closing[0]
    closings = [closing]
    for n in range(1, draw(st.integers(0, 2)) + 1):
        an_annex, annex_closing = draw(annex(language, n))
        doc.annexes.append(an_annex)
        closings.insert(1, annex_closing)
    when = next((c for c in [dated, *closings] if c), None)
    if when:
        doc.place, doc.adopted_on = when[1], when[2]
    return doc


@ROUND_TRIP
@given(documents())
def test_rendered_documents_parse_back_to_the_same_structure(doc):
    assert parse(render_text(doc)).to_dict() == doc.to_dict()


def surface_variants(text: str, variant: int) -> bytes:
    """The same document as another tool might write it."""
    if variant & 1:
        text = re.sub(r"(?m)(\S)$", r"\1  ", text)  # spaces after the last word of a line
    if variant & 2:
        text = re.sub(r"(?m)^\((\w+)\) ", r"\1) ", text)  # "(a) " -> "a) "
    if variant & 4:
        text = text.replace("\n\n", "\n  \n\n") + "\n\n"  # ragged blank lines
    if variant & 8:
        text = re.sub(r"(?m)^(\d+)\. ", r"\1) ", text)  # "1. " -> "1) "
    raw = text.replace("\n", "\r\n") if variant & 16 else text
    return raw.encode("utf-8-sig" if variant & 32 else "utf-8")


@ROUND_TRIP
@given(documents(), st.integers(0, 63))
def test_surface_variants_parse_to_the_same_structure(doc, variant):
    paragraph_text = (b.text for p in doc.paragraphs for b in p.blocks)
    if any(re.match(r"\d+\. ", t) for t in paragraph_text):
        variant &= ~8
    raw = surface_variants(render_text(doc), variant)
    assert parse(raw).to_dict() == doc.to_dict()


def test_the_seed_round_trips():
    doc = parse(SEED.read_bytes())
    assert parse(render_text(doc)).to_dict() == doc.to_dict()
    for variant in range(64):
        assert parse(surface_variants(render_text(doc), variant)).to_dict() == doc.to_dict()
