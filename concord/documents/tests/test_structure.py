"""Two language versions of one text compared by structure: where they differ, named as a
reader names it, with the line of the new text."""

from pathlib import Path

from django.utils import translation

from concord.documents import parsing, structure
from concord.documents.structure import Change

TEXTS = Path(__file__).parent / "texts"
ENGLISH = (TEXTS / "english-declaration.txt").read_text("utf-8")
RUSSIAN = (TEXTS / "russian-declaration.txt").read_text("utf-8")


def _compare(russian: str = RUSSIAN) -> list[structure.Difference]:
    return structure.compare(parsing.parse(ENGLISH), parsing.parse(russian), source=russian)


def test_a_faithful_translation_matches():
    assert _compare() == []
    assert structure.counts(parsing.parse(RUSSIAN)) == structure.Counts(
        preamble=5, paragraphs=3, items=3, sections=2, annexes=0
    )


def test_a_missing_preambular_paragraph_is_named_with_its_line():
    clause = "Будучи убеждены в необходимости многостороннего сотрудничества,\n"
    russian = RUSSIAN.replace(clause, "")
    with translation.override("en"):
        [difference] = _compare(russian)
    assert difference.unit == "pre-5" and difference.change == Change.MISSING
    assert difference.where == "Preambular paragraph 5"
    assert difference.what == "missing from the Russian text (expected after line 20)"


def test_numbering_items_and_sections_that_differ_are_each_named():
    russian = (
        RUSSIAN.replace("в) развивать меры доверия.", "")
        .replace("II\n\n3. Мы решили", "3. Мы решили")
        .replace("2010 году.\n", "2010 году.\n\n4. Мы благодарим Республику Казахстан.\n")
    )
    with translation.override("en"):
        found = {(d.unit, d.change): d for d in _compare(russian)}
    assert set(found) == {
        ("op-2-c", Change.MISSING),
        ("sec-II", Change.MISSING),
        ("op-3", Change.MOVED),
        ("op-4", Change.ADDED),
    }
    assert found["op-4", Change.ADDED].what == (
        "only in the Russian text, not in the English text (line 38)"
    )
    assert found["sec-II", Change.MISSING].where == "Section II"


def test_a_paragraph_in_another_section_is_named():
    russian = RUSSIAN.replace("II\n\n3. Мы решили", "3. Мы решили").replace(
        "2. Мы решительно", "II\n\n2. Мы решительно"
    )
    with translation.override("en"):
        [moved] = _compare(russian)
    assert (moved.unit, moved.change, moved.line) == ("op-2", Change.MOVED, 33)
    assert moved.what == "Section I in the English text, Section II in the Russian text"


def test_differences_are_named_in_russian_for_a_russian_reader():
    russian = RUSSIAN.replace("в) развивать меры доверия.", "")
    with translation.override("ru"):
        [difference] = _compare(russian)
    assert difference.where == "Пункт 2 постановляющей части (c)"
    assert difference.what == "отсутствует в русском тексте (ожидается после строки 33)"


def test_rows_of_both_languages_align_by_unit():
    assert structure.align(["a", "b", "c"], ["a", "x", "c", "y"]) == ["a", "x", "b", "c", "y"]
    assert structure.align(["a"], ["z", "a"]) == ["z", "a"]
