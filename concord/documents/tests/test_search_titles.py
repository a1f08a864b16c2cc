"""Search finds documents by their title beside the passages, names each passage as a reader
would, and says when no text is held in the language asked for."""

import pytest
from django.test import Client

from concord.core.actors import PUBLIC, SYSTEM
from concord.documents.search import SearchRequest, search_units, title_matches
from concord.documents.services import import_text, load_seed_documents, register_documents

RUSSIAN = """Декларация о сотрудничестве

Подтверждая нашу приверженность целям и принципам Устава ООН;

Заявляем следующее:

1. Мы решительно осуждаем терроризм во всех его формах и проявлениях.
"""


@pytest.fixture
def seeded(registry):
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)


def test_a_title_matches_every_word_in_any_form():
    assert title_matches("Almaty Act", ["almaty", "act"])
    assert title_matches("Алматинский акт", ["Алматинского", "акта"])
    assert title_matches("Declaration on Eliminating Terrorism", ["eliminate", "terrorism"])
    assert not title_matches("Almaty Act", ["almaty", "treaty"])
    assert not title_matches("Almaty Act", ["ac"])


def test_documents_are_found_by_their_title_even_without_a_text(seeded):
    result = search_units(PUBLIC, SearchRequest("Almaty Act"))
    [act] = [d for d in result.documents if d.slug == "almaty-act-2002"]
    assert act.title == "Almaty Act" and act.url == "/documents/almaty-act-2002/?lang=en"
    russian = search_units(PUBLIC, SearchRequest("Алматинского акта")).documents
    assert [(d.slug, d.language, d.title) for d in russian] == [
        ("almaty-act-2002", "ru", "Алматинский акт")
    ]


def test_title_matches_keep_to_the_filters_and_the_first_page(seeded):
    assert search_units(PUBLIC, SearchRequest("Almaty Act", doc_type="declaration")).documents == []
    assert search_units(PUBLIC, SearchRequest("Almaty Act", year=2002)).documents
    assert search_units(PUBLIC, SearchRequest("Almaty Act", page=2)).documents == []


def test_passages_are_named_as_a_reader_names_them(seeded):
    hits = search_units(PUBLIC, SearchRequest("terrorism")).hits
    labels = {h.uid: h.label for h in hits}
    assert labels["op-4"] == "Operative paragraph 4"
    assert labels["op-4-2"] == "Operative paragraph 4, second subparagraph"


def test_a_language_without_any_text_is_said_so(seeded):
    result = search_units(PUBLIC, SearchRequest("terrorism", language="ru"))
    assert result.language_without_text == "ru" and result.total == 0
    assert result.no_text_message.startswith("No document has a Russian text yet")
    import_text(actor=SYSTEM, raw=RUSSIAN.encode(), doc_type="declaration", adopt=True)
    assert (
        search_units(PUBLIC, SearchRequest("zeppelin", language="ru")).language_without_text is None
    )
    # the scope counts: no Russian text of an act is held
    scoped = search_units(PUBLIC, SearchRequest("terrorism", language="ru", doc_type="act"))
    assert scoped.language_without_text == "ru"


def test_the_page_shows_titles_labels_and_the_missing_language(seeded):
    client = Client()
    html = client.get("/search", {"q": "Almaty Act"}).content.decode()
    assert (
        'data-testid="title-matches"' in html
        and 'href="/documents/almaty-act-2002/?lang=en"' in html
    )
    html = client.get("/search", {"q": "terrorism"}).content.decode()
    assert "Operative paragraph 4" in html and "— op-4" not in html
    html = client.get("/search", {"q": "terrorism", "lang": "ru"}).content.decode()
    assert 'data-testid="no-text-in-language"' in html and "Try fewer" not in html
    html = client.get(
        "/search", {"q": "terrorism", "lang": "ru"}, HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    assert "Ни у одного документа пока нет текста на русском языке" in html


def test_the_api_gives_title_matches_labels_and_the_missing_language(seeded):
    client = Client()
    body = client.get("/api/search", {"q": "Almaty Act"}).json()
    [act] = [d for d in body["documents"] if d["document"] == "almaty-act-2002"]
    assert (act["title"], act["language"], act["url"]) == (
        "Almaty Act",
        "en",
        "/documents/almaty-act-2002/?lang=en",
    )
    body = client.get("/api/search", {"q": "terrorism"}).json()
    assert body["items"][0]["label"].startswith("Operative paragraph 4")
    assert body["language_without_text"] is None and body["message"] is None
    body = client.get("/api/search", {"q": "terrorism", "lang": "ru"}).json()
    assert body["language_without_text"] == "ru" and body["count"] == 0
    assert body["message"].startswith("No document has a Russian text yet")
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["SearchOut"]
    assert {"documents", "language_without_text", "message"} <= set(schema["properties"])
