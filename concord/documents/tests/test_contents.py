"""The contents of the reading page: one entry per line, each named as a reader names it."""

from django.utils import translation

from concord.documents import parsing
from concord.documents.reading import contents
from concord.documents.tests.test_labels import DECLARATION, RULES

PLAIN = """Joint Statement

The Member States,

Noting the rivers;

Decide:

1. We cooperate on water.

2. We meet again.
"""


def contents_of(text: str) -> list[tuple]:
    def flat(entry):
        return (entry["id"], entry["label"], [(c["id"], c["label"]) for c in entry["children"]])

    return [flat(entry) for entry in contents(parsing.parse(text).to_dict())]


def test_sections_hold_their_paragraphs_and_annexes_follow():
    assert contents_of(DECLARATION) == [
        ("pre-1", "Preamble", []),
        ("sec-I", "Section I: Water", [("op-1", "Operative paragraph 1")]),
        ("sec-II", "Section II: Other", [("op-2", "Operative paragraph 2")]),
        ("annex-1", "Annex 1", []),
    ]


def test_a_text_without_sections_lists_its_paragraphs():
    assert contents_of(PLAIN) == [
        ("pre-1", "Preamble", []),
        ("op-1", "Operative paragraph 1", []),
        ("op-2", "Operative paragraph 2", []),
    ]


def test_articles_are_listed_with_their_headings():
    assert contents_of(RULES) == [("art-1", "Article 1", []), ("art-2", "Article 2: Meetings", [])]


def test_a_text_of_one_paragraph_has_no_contents():
    assert contents_of("A note\n\n1. Only this.\n") == []


def test_every_entry_is_labelled_in_the_readers_language():
    with translation.override("ru"):
        entries = contents_of(PLAIN)
    assert [label for _, label, _ in entries] == [
        "Преамбула",
        "Пункт 1 постановляющей части",
        "Пункт 2 постановляющей части",
    ]
