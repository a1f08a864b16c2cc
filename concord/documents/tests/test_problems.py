"""The parser's refusals and warnings reach a Russian reader in Russian, with the line and the
values the parser found; the English reader keeps the parser's own words."""

import pytest
from django.utils import translation

from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput
from concord.documents import parsing, problems
from concord.documents.parsing.part_builder import NUMBERING
from concord.documents.services import import_text

SKIPPED = b"Statement on Water\n\nDecide:\n\n1. We cooperate.\n\n3. We meet again.\n"
UNNUMBERED = b"Statement on Water\n\nDecide:\n\nWe cooperate on water.\n"


def refusal_of(raw: bytes, language: str) -> str:
    with translation.override(language), pytest.raises(InvalidInput) as caught:
        import_text(actor=SYSTEM, raw=raw)
    return caught.value.message


@pytest.mark.django_db
def test_a_refusal_names_the_line_and_the_numbers_in_russian():
    assert refusal_of(SKIPPED, "en") == "line 7: paragraph 3 follows paragraph 1 (expected 2)"
    assert refusal_of(SKIPPED, "ru") == ("строка 7: пункт 3 следует за пунктом 1 (ожидался 2)")


@pytest.mark.django_db
def test_a_bad_encoding_is_refused_in_russian():
    assert refusal_of(b"Statement\n\n\x00\n", "ru") == "строка 3: двоичный файл (байты NUL)"


@pytest.mark.django_db
def test_a_warning_of_a_dry_run_is_in_the_readers_language():
    with translation.override("ru"):
        outcome = import_text(actor=SYSTEM, raw=UNNUMBERED, dry_run=True)
    assert outcome.warnings == ["строка 5: пункты не пронумерованы; пронумерованы в порядке чтения"]


def test_a_warning_read_back_from_storage_keeps_its_english():
    """A stored warning has no template (the hash of a text reads line and message only)."""
    stored = parsing.Warning(4, "no title found")
    with translation.override("ru"):
        assert problems.warning(stored) == "строка 4: no title found"


def test_every_numbering_message_names_its_values():
    for first, follows in NUMBERING.values():
        assert first % {"number": "3", "expected": "1"}
        assert follows % {"number": "3", "last": "1", "expected": "2"}


@pytest.mark.django_db
def test_a_registered_documents_meeting_and_place_read_in_russian(client, registry):
    from concord.documents.services import register_documents

    register_documents(actor=SYSTEM)
    client.cookies["django_language"] = "ru"
    page = client.get("/documents/almaty-act-2002/").content.decode()
    assert "Алматы" in page and "1-й Саммит СВМДА" in page
    assert ">Almaty<" not in page and "1st Summit" not in page
    listed = client.get("/documents/").content.decode()
    assert '<td class="govuk-table__cell">Алматы</td>' in listed
    [api] = [
        d for d in client.get("/api/documents").json()["items"] if d["slug"] == "almaty-act-2002"
    ]
    assert (api["place"], api["place_ru"]) == ("Almaty", "Алматы")
