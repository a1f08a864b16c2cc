"""What a reader calls each unit, from the parsed structure as it is stored."""

from django.utils import translation

from concord.documents import parsing
from concord.documents.labels import unit_label, unit_labels

DECLARATION = """CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA

Statement on Water

The Member States,

Recognizing the value of water;

Noting the rivers;

Decide:

Section I. Water

1. We cooperate on water:

(a) rivers;

(b) lakes:

(i) big;

(ii) small;

and this continues the paragraph.

Section II. Other

2. More text.

Done at Almaty on 1 June 2006.

Annex

1. Annex text.
"""
RULES = """Rules of Procedure

Have agreed as follows:

Article 1

Text of article one.

(a) first;

(b) second.

Article 2. Meetings

More text.
"""


def labels_of(text: str) -> dict[str, str]:
    stored = parsing.parse(text).to_dict()
    return unit_labels(parsing.ParsedDocument.from_dict(stored))


def test_every_unit_of_a_declaration_is_named():
    assert labels_of(DECLARATION) == {
        "header-1": "Heading",
        "title": "Title",
        "enacting": "Opening words",
        "pre-1": "Preambular paragraph 1",
        "pre-2": "Preambular paragraph 2",
        "formula": "Operative formula",
        "sec-I": "Section I",
        "op-1": "Operative paragraph 1",
        "op-1-a": "Operative paragraph 1 (a)",
        "op-1-b": "Operative paragraph 1 (b)",
        "op-1-b-i": "Operative paragraph 1 (b) (i)",
        "op-1-b-ii": "Operative paragraph 1 (b) (ii)",
        "op-1-2": "Operative paragraph 1, second subparagraph",
        "sec-II": "Section II",
        "op-2": "Operative paragraph 2",
        "closing": "Closing",
        "annex-1": "Annex 1",
        "annex-1-op-1": "Annex 1: Paragraph 1",
    }


def test_articles_are_named_as_articles():
    assert labels_of(RULES) == {
        "title": "Title",
        "formula": "Operative formula",
        "art-1": "Article 1",
        "art-1-a": "Article 1 (a)",
        "art-1-b": "Article 1 (b)",
        "art-2": "Article 2",
    }


def test_labels_are_in_the_readers_language():
    with translation.override("ru"):
        labels = labels_of(DECLARATION)
    assert [labels[uid] for uid in ("pre-2", "formula", "op-1-b-ii", "op-1-2", "annex-1-op-1")] == [
        "Пункт 2 преамбулы",
        "Формула постановляющей части",
        "Пункт 1 постановляющей части (b) (ii)",
        "Пункт 1 постановляющей части, абзац второй",
        "Приложение 1: Пункт 1",
    ]


def test_a_paragraph_of_several_subparagraphs_counts_them():
    labels = labels_of(
        "Resolution\n\nThe Member States,\n\nNoting the rivers;\n\nDecide:\n\n"
        "1. First words.\n\nSecond words.\n\nThird words.\n"
    )
    assert labels["op-1"] == "Operative paragraph 1"
    assert labels["op-1-2"] == "Operative paragraph 1, second subparagraph"
    assert labels["op-1-3"] == "Operative paragraph 1, third subparagraph"


def test_one_unit_is_named_from_its_stored_structure():
    structure = parsing.parse(DECLARATION).to_dict()
    assert unit_label(structure, "pre-2") == "Preambular paragraph 2"
    assert unit_label(structure, "enacting") == "Opening words"
    assert unit_label(structure, "no-such-unit") == "A passage"
