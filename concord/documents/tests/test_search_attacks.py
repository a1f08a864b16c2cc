"""Search by title, tried with markup in a title and with bad queries: text shown as text, a
4xx or an empty answer, never a 500."""

import pytest
from django.test import Client

from concord.core.actors import SYSTEM
from concord.documents.services import import_text

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"


@pytest.fixture
def adopted(registry):
    raw = f"Statement on Water {EVIL}\n\nDecide:\n\n1. We cooperate on water.\n"
    return import_text(actor=SYSTEM, raw=raw, adopt=True).document


def test_markup_in_a_matched_title_is_text(adopted):
    assert "<script>" in adopted.title
    html = Client().get("/search", {"q": "water"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the title, matched, as text
    for language in ("", "en", "ru"):
        html = Client().get("/search", {"q": "water", "language": language}).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.parametrize(
    "query",
    [
        {"q": "w" * 100_000},
        {"q": "water", "language": "xx"},
        {"q": "water", "lang": "xx"},
        {"q": "water", "year": "99999"},
        {"q": "water", "year": "-1"},
        {"q": "water", "page": "0"},
        {"q": "water", "page": "999999999999999999999"},
        {"q": "ｗａｔｅｒ"},
        {"q": "\u202ewater"},
    ],
)
def test_bad_queries_are_never_a_500(adopted, query):
    assert Client().get("/search", query).status_code in (200, 400, 422)
    assert Client().get("/api/search", query).status_code in (200, 400, 422)
