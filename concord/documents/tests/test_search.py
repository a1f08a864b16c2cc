"""The same behaviour on SQLite FTS5 and PostgreSQL full-text search."""

import pytest
from django.test import Client

from concord.core.actors import PUBLIC, SYSTEM
from concord.documents.search import SearchRequest, search_units
from concord.documents.services import import_text, load_seed_documents, register_documents

RUSSIAN = """Декларация о сотрудничестве

Подтверждая нашу приверженность целям и принципам Устава ООН;

Заявляем следующее:

1. Мы решительно осуждаем терроризм во всех его формах и проявлениях.

2. Мы поддерживаем сотрудничество в борьбе с незаконным оборотом наркотиков.

Алматы, 17 июня 2006 года
"""


@pytest.fixture
def seeded(registry):
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)


def test_terrorism_leads_to_paragraph_4(seeded):
    result = search_units(PUBLIC, SearchRequest("terrorism"))
    assert result.total >= 4
    assert result.hits[0].uid.split("-")[:2] == ["op", "4"]
    assert {h.uid for h in result.hits} >= {"op-4", "op-4-2", "op-6"}
    assert "<mark>" in result.hits[0].snippet


def test_every_word_must_occur(seeded):
    uids = {h.uid for h in search_units(PUBLIC, SearchRequest("nuclear Central Asia")).hits}
    assert "op-8-8" in uids and "op-4" not in uids


def test_no_match_and_empty_query(seeded):
    assert search_units(PUBLIC, SearchRequest("zeppelin")).total == 0
    assert search_units(PUBLIC, SearchRequest("  !!  ")).total == 0


def test_filters_by_language_type_and_year(seeded):
    import_text(actor=SYSTEM, raw=RUSSIAN.encode(), doc_type="declaration", adopt=True)
    assert search_units(PUBLIC, SearchRequest("терроризм", language="ru")).total == 1
    assert search_units(PUBLIC, SearchRequest("terrorism", language="ru")).total == 0
    assert search_units(PUBLIC, SearchRequest("terrorism", doc_type="act")).total == 0
    assert search_units(PUBLIC, SearchRequest("terrorism", year=2005)).total == 0
    assert search_units(PUBLIC, SearchRequest("terrorism", year=2006)).total >= 4


def test_russian_word_forms_are_found(seeded):
    import_text(actor=SYSTEM, raw=RUSSIAN.encode(), doc_type="declaration", adopt=True)
    hits = search_units(
        PUBLIC, SearchRequest("терроризма")
    ).hits  # genitive; the text says "терроризм"
    assert [h.uid for h in hits] == ["op-1"]


def test_pagination(seeded):
    first = search_units(PUBLIC, SearchRequest("states", page_size=5))
    second = search_units(PUBLIC, SearchRequest("states", page=2, page_size=5))
    assert first.total == second.total > 10
    assert not {h.uid for h in first.hits} & {h.uid for h in second.hits}


def test_snippets_escape_the_text(seeded):
    import_text(
        actor=SYSTEM,
        raw=b"Statement on markup\n\nDecide:\n\n1. The clause a<b & c stays text.\n",
        adopt=True,
    )
    [hit] = search_units(PUBLIC, SearchRequest("clause")).hits
    assert "a&lt;b &amp; c" in hit.snippet


def test_search_api_and_page(seeded):
    client = Client()
    body = client.get("/api/search", {"q": "terrorism", "lang": "en"}).json()
    assert body["count"] >= 4 and body["items"][0]["url"].startswith(
        "/documents/almaty-declaration-2006/"
    )
    assert client.get("/api/search", {"q": ""}).status_code == 422
    html = client.get("/search", {"q": "terrorism"}).content.decode()
    assert 'data-testid="search-hit"' in html and "<mark>" in html


def test_counting_stops_at_the_cap(seeded, monkeypatch):
    from concord.documents import search

    monkeypatch.setattr(search, "COUNT_CAP", 3)
    result = search_units(PUBLIC, SearchRequest("states", page_size=2))
    assert result.more and result.shown_total == 3 and result.pages == 2
