"""Pages of documents name units, languages and documents as a person does; ids, codes and slugs
stay in links and anchors."""

import re

import pytest
from django.test import Client

from concord.core.actors import SYSTEM
from concord.core.tests.pages import visible_text
from concord.documents.services import import_text, load_seed_documents, register_documents

UNIT_ID = re.compile(r"\b(op|pre|sec|art|header|annex)-[\w-]+\b|\b(enacting|formula)\b")


@pytest.fixture
def seeded(registry):
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_reading_page_names_every_entry_of_its_contents(seeded, language):
    page = (
        Client()
        .get("/documents/almaty-declaration-2006/", HTTP_ACCEPT_LANGUAGE=language)
        .content.decode()
    )
    nav = page[
        page.index('data-testid="contents"') : page.index(
            "</nav>", page.index('data-testid="contents"')
        )
    ]
    entries = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', nav)
    assert entries and all(label.strip() for _, label in entries), "no unlabelled entry"
    assert len({uid for uid, _ in entries}) == len(entries)
    first, preamble = (
        ("Operative paragraph 8", "Preamble")
        if language == "en"
        else ("Пункт 8 постановляющей части", "Преамбула")
    )
    assert ("op-8", first) in entries and entries[0][1] == preamble
    assert not UNIT_ID.search(visible_text(nav))


def test_a_text_of_one_paragraph_has_no_contents(seeded):
    import_text(actor=SYSTEM, raw=b"A short note\n\n1. Only this.\n", slug="short-note", adopt=True)
    page = Client().get("/documents/short-note/").content.decode()
    assert 'data-testid="contents"' not in page and "without-contents" in page


def test_mentions_are_named_by_the_passage_not_its_id(seeded):
    page = Client().get("/documents/almaty-act-2002/").content.decode()
    mentioned = visible_text(page[page.index('id="cited-heading"') :])
    assert "Declaration of the Second Summit" in mentioned and "Preambular paragraph" in mentioned
    assert not UNIT_ID.search(mentioned)


def test_the_list_names_languages_not_codes(seeded):
    text = visible_text(Client().get("/documents/").content.decode())
    assert "English" in text and not re.search(r"\bEN\b", text)


def test_search_hits_name_their_passage(seeded):
    text = visible_text(Client().get("/search", {"q": "terrorism"}).content.decode())
    assert "Operative paragraph 4" in text and not UNIT_ID.search(text)
