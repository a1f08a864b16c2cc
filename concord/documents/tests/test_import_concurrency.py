"""Imports at the same moment on PostgreSQL, on real connections: each answers imported,
unchanged or a refusal, never an error (defect 7 of issue 8). SQLite runs writers one at a
time (IMMEDIATE transactions), so the race needs PostgreSQL."""

import threading

import pytest
from django.db import connection, connections

from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError
from concord.documents.models import Document, Text, Version
from concord.documents.services import import_text

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; the race needs PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]


def _race(texts: list[bytes], **kw) -> tuple[list[str], list[str], list[str]]:
    """Import every text at once; the outcomes, the refusals and any other error."""
    start = threading.Barrier(len(texts))
    outcomes, refusals, errors = [], [], []

    def run(raw):
        try:
            start.wait()
            outcomes.append(import_text(actor=SYSTEM, raw=raw, **kw).status)
        except DomainError as exc:
            refusals.append(f"{exc.status} {exc.field}: {exc.message}")
        except Exception as exc:  # any other error is a failure of the test
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(raw,)) for raw in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, refusals, errors


def _text(n: int) -> bytes:
    return f"Statement on Water\n\nDecide:\n\n1. We cooperate, {n} times over.\n".encode()


def test_eight_identical_imports_store_one_text():
    outcomes, refusals, errors = _race([_text(1)] * 8)
    assert errors == [] and refusals == []
    assert sorted(outcomes) == ["imported"] + ["unchanged"] * 7
    assert (Document.objects.count(), Text.objects.count()) == (1, 1)


def test_eight_texts_to_one_new_slug_become_eight_versions():
    outcomes, refusals, errors = _race([_text(n) for n in range(8)], slug="water")
    assert errors == [] and refusals == []
    assert outcomes == ["imported"] * 8
    numbers = Version.objects.filter(document__slug="water").values_list("number", flat=True)
    assert sorted(numbers) == list(range(1, 9))


def test_eight_texts_adopted_under_one_new_slug_adopt_one():
    outcomes, refusals, errors = _race([_text(n) for n in range(8)], slug="water", adopt=True)
    assert errors == []
    assert outcomes == ["imported"]
    adopted = "409 file: “Statement on Water” is adopted"
    assert len(refusals) == 7 and all(r.startswith(adopted) for r in refusals)
    assert Text.objects.count() == 1
