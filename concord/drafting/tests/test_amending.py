"""What each kind of amendment does to a draft's structure (no database)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.documents.parsing import ParsedDocument
from concord.drafting import comparison
from concord.drafting.amending import AmendmentError, Change, apply


def texts(doc: ParsedDocument) -> dict[str, str]:
    return {u["id"]: u["text"] for u in doc.units()}


def test_an_insertion_after_a_paragraph_renumbers_the_ones_after_it(structure):
    new = texts(apply(structure, [Change("insert", "op-1", "We welcome Turkmenistan.")]))
    assert new["op-2"] == "We welcome Turkmenistan."
    assert new["op-3"].startswith("We welcome the progress")
    assert new["op-3-c"] == "in the human dimension."
    assert new["op-4"] == "We celebrate CICA Day on 5 October each year."


def test_insertions_at_one_place_keep_the_order_they_were_accepted_in(structure):
    new = texts(
        apply(
            structure,
            [
                Change("insert", "op-3", "First new.", ref=1),
                Change("insert", "op-3", "Second new.", ref=2),
                Change("insert", "op-1", "Very first.", "before", ref=3),
            ],
        )
    )
    assert [new[f"op-{n}"] for n in (1, 5, 6)] == ["Very first.", "First new.", "Second new."]


def test_a_new_preamble_clause_keeps_the_separator_typed_with_it(structure):
    new = texts(apply(structure, [Change("insert", "pre-1", "Guided by the UN Charter,")]))
    assert new["pre-2"] == "Guided by the UN Charter,"
    assert new["pre-3"].startswith("Reaffirming")


def test_a_replacement_takes_the_paragraph_with_its_items_and_may_bring_new_items(structure):
    new = texts(
        apply(
            structure,
            [
                Change(
                    "replace", "op-2", "2. We note progress:\n\n(a) on security;\n\n(b) on trade."
                )
            ],
        )
    )
    assert new["op-2"] == "We note progress:"
    assert (new["op-2-a"], new["op-2-b"]) == ("on security;", "on trade.")
    assert "op-2-c" not in new


def test_deleting_a_paragraph_takes_its_items_and_closes_the_numbering(structure):
    new = texts(apply(structure, [Change("delete", "op-2")]))
    assert new["op-2"].startswith("We celebrate CICA Day")
    assert not any(uid.startswith("op-2-") for uid in new) and "op-3" not in new


def test_deleting_a_lettered_item_reletters_the_rest(structure):
    new = texts(apply(structure, [Change("delete", "op-2-a")]))
    assert (new["op-2-a"], new["op-2-b"]) == (
        "in the economic dimension;",
        "in the human dimension.",
    )
    assert "op-2-c" not in new


def test_an_edit_changes_the_words_and_nothing_else(structure):
    new = texts(
        apply(structure, [Change("edit", "op-1", "We decide to hold the 8th Summit in 2030.")])
    )
    old = texts(ParsedDocument.from_dict(structure))
    assert new["op-1"] == "We decide to hold the 8th Summit in 2030."
    assert {k: v for k, v in new.items() if k != "op-1"} == {
        k: v for k, v in old.items() if k != "op-1"
    }


def test_a_clause_can_be_placed_beside_one_another_amendment_deletes(structure):
    new = texts(
        apply(
            structure,
            [Change("delete", "op-1", ref=1), Change("insert", "op-1", "Instead.", ref=2)],
        )
    )
    assert new["op-1"] == "Instead."


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (
            Change("delete", "formula"),
            "unit",
            "Operative formula cannot be the object of the amendment “Delete”: choose another",
        ),
        (
            Change("insert", "op-2-a", "x"),
            "unit",
            "Operative paragraph 2 (a) cannot be the object of the amendment “Insert”",
        ),
        (Change("edit", "op-9", "x"), "unit", "There is no unit 'op-9'"),
        (Change("edit", "op-1", ""), "text", "Give the text"),
        (Change("edit", "op-1", "one\n\ntwo"), "text", "no line breaks"),
        (Change("insert", "op-1", "x", "beside"), "place", "'before' or 'after'"),
    ],
)
def test_what_cannot_be_is_named(structure, change, field, words):
    with pytest.raises(AmendmentError) as caught:
        apply(structure, [change])
    assert caught.value.field == field and words in caught.value.message


def test_two_amendments_on_one_unit_conflict(structure):
    with pytest.raises(AmendmentError, match="already amended by amendment 4") as caught:
        apply(structure, [Change("delete", "op-3", ref=4), Change("edit", "op-3", "x", ref=5)])
    assert caught.value.ref == 5


def test_a_text_that_would_not_read_as_a_document_is_refused(structure):
    with pytest.raises(AmendmentError, match="would not read as a document") as caught:
        apply(structure, [Change("replace", "op-2", "We note.\n\n7. Seven.", ref=3)])
    assert "paragraph 7 follows paragraph 2" in caught.value.message and caught.value.ref == 3


words = st.text(alphabet=st.sampled_from("ab c.,;\nЯя"), max_size=40)


@given(words, words)
def test_a_word_diff_spells_both_texts(old, new):
    segments = comparison.words(old, new)
    assert "".join(s.text for s in segments if s.op != "insert") == old
    assert "".join(s.text for s in segments if s.op != "delete") == new


unit_lists = st.lists(
    st.tuples(
        st.sampled_from(["paragraph", "preamble"]), st.sampled_from(["a b", "a c", "x y z", "q"])
    ),
    max_size=8,
)


@given(unit_lists, unit_lists)
def test_a_comparison_shows_every_unit_of_both_versions_once_in_order(old, new):
    def units(rows):
        return [{"id": f"u{n}", "kind": kind, "text": text} for n, (kind, text) in enumerate(rows)]

    changes = comparison.compare(units(old), units(new))
    assert [c.old["id"] for c in changes if c.old] == [f"u{n}" for n in range(len(old))]
    assert [c.new["id"] for c in changes if c.new] == [f"u{n}" for n in range(len(new))]
    for c in changes:
        same = bool(c.old and c.new) and (c.old["kind"], c.old["text"]) == (
            c.new["kind"],
            c.new["text"],
        )
        assert (c.status == "unchanged") == same
        assert (c.status == "changed") == (bool(c.old and c.new) and not same)


def test_a_renumbered_paragraph_is_matched_by_its_words_not_its_number(structure):
    before = ParsedDocument.from_dict(structure).units()
    after = apply(structure, [Change("insert", "op-1", "A new second paragraph.")]).units()
    changes = comparison.compare(before, after)
    moved = next(c for c in changes if c.old and c.old["id"] == "op-3")
    assert (moved.status, moved.new["id"], moved.renumbered) == ("unchanged", "op-4", True)
    assert comparison.summary(changes)["inserted"] == 1


SECTIONED = """DECLARATION

Recalling the Act;

Declare:

I. General

1. We note:

(a) first item;

(b) second item:

(i) sub one;

(ii) sub two;

(c) third item.

2. We agree.

The second block of two:

(a) alpha;

(b) beta.

II. Final

3. We close.

Done at Astana on 12 October 2022.
"""
ARTICLES = """AGREEMENT

Article 1. Scope

This applies to trade.

Article 2. Terms

It enters into force at once.
"""


def parsed(text: str) -> dict:
    from concord.documents import parsing

    return parsing.parse(text).to_dict()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (Change("edit", "closing", "Done at Astana on the thirteenth day of October."),
         "closing would read as block op-3-2"),
        (Change("edit", "formula", "We hereby declare"), "formula would read as section"),
        (Change("edit", "op-2-2", "3. We also note this."), "paragraph 3 follows paragraph 3"),
        (Change("replace", "op-2", "We agree on two.\n\nArticle 1\n\nThis is new."),
         "would read as unclassified"),
        (Change("edit", "pre-1", "Recalling the Act;\nNoting the Charter"), "no line breaks"),
    ],
)  # fmt: skip
def test_an_amendment_that_would_change_what_a_unit_is_refused(change, words):
    with pytest.raises(AmendmentError, match=words):
        apply(parsed(SECTIONED), [change])


def test_deleting_a_block_or_an_item_takes_what_it_holds():
    without_block = texts(apply(parsed(SECTIONED), [Change("delete", "op-2-2")]))
    assert "op-2-2" not in without_block and "op-2-2-a" not in without_block
    without_item = texts(apply(parsed(SECTIONED), [Change("delete", "op-1-b")]))
    assert without_item["op-1-b"] == "third item." and "op-1-b-i" not in without_item
    assert without_item["sec-II"] == "Final" and without_item["op-3"] == "We close."


def test_an_amendment_inside_one_that_deletes_its_paragraph_conflicts():
    with pytest.raises(AmendmentError) as caught:
        apply(
            parsed(SECTIONED),
            [Change("edit", "op-1-a", "first, amended;", ref=1), Change("delete", "op-1", ref=2)],
        )
    assert caught.value.message == "op-1-a is already amended by amendment 1."
    assert caught.value.ref == 2


def test_an_article_keeps_its_heading_and_its_own_numbers():
    replaced = apply(parsed(ARTICLES), [Change("replace", "art-1", "This applies to all trade.")])
    assert replaced.units()[1] == {
        "id": "art-1", "kind": "paragraph", "number": "1",
        "text": "This applies to all trade.", "heading": "Scope",
    }  # fmt: skip
    edited = texts(apply(parsed(ARTICLES), [Change("edit", "art-2", "1. It enters into force.")]))
    assert edited["art-2"] == "1. It enters into force."


def test_the_current_wording_of_a_unit_with_what_it_holds(structure):
    from concord.drafting.amending import wordings

    words = wordings(structure)
    assert words["pre-1"] == "Recalling the Almaty Act of 2002;"
    assert words["op-2"] == (
        "We welcome the progress in implementing confidence building measures:\n\n"
        "(a) in the military-political dimension;\n\n(b) in the economic dimension;\n\n"
        "(c) in the human dimension."
    )
    assert words["op-2-b"] == "in the economic dimension;"


def test_what_cannot_be_is_named_in_russian_too(structure):
    from django.utils import translation

    with translation.override("ru"), pytest.raises(AmendmentError) as caught:
        apply(structure, [Change("delete", "formula")])
    assert caught.value.message.startswith(
        "Формула постановляющей части не может быть объектом поправки «Исключить»"
    )
