import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.core.actors import SYSTEM
from concord.documents.services import DATA_DIR, load_seed_documents, register_documents
from conftest import PASSWORD

SEED = (DATA_DIR / "cica-2006-almaty-declaration.txt").read_bytes()


@pytest.fixture
def seeded(registry):
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    return Client()


def test_document_list_filters_and_marks_metadata_only(seeded):
    html = seeded.get("/documents/", {"type": "act"}).content.decode()
    assert "Almaty Act" in html and "metadata only" in html
    assert "Declaration of the Second Summit" not in html


def test_document_page_has_contents_permalinks_and_lead_words(seeded):
    html = seeded.get("/documents/almaty-declaration-2006/").content.decode()
    assert '<a href="#op-8">' in html
    assert 'id="op-8"' in html and 'id="op-8-2"' in html
    assert '<em class="lead">Reaffirming</em>' in html
    assert "No Russian text of this document is held." in html


def test_unknown_document_is_404(seeded):
    assert seeded.get("/documents/nope/").status_code == 404


def test_secretariat_imports_through_the_form_with_a_summary(seeded, secretariat_user):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    files = [
        SimpleUploadedFile("seed.txt", SEED),
        SimpleUploadedFile("empty.txt", b""),
    ]
    html = client.post("/documents/import/", {"files": files}).content.decode()
    summary = html.split('data-testid="import-summary"')[1]
    assert "unchanged" in summary and "refused" in summary and "empty" in summary


def test_the_import_form_sent_without_a_file_says_what_is_missing(registry, secretariat_user):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    for data in ({}, {"adopt": "on"}):
        response = client.post("/documents/import/", data)
        assert response.status_code == 422
        html = response.content.decode()
        summary = html.split('data-testid="error-summary"')[1].split("</div>")[0]
        assert '<a href="#id_files">Text files: Choose at least one text file.</a>' in summary
        assert (
            '<p class="govuk-error-message" id="id_files_error" role="alert">'
            "Choose at least one text file.</p>"
        ) in html
        assert 'data-testid="import-summary"' not in html


def test_import_form_is_for_the_secretariat_only(seeded, delegate_user):
    client = Client()
    client.login(email=delegate_user.email, password=PASSWORD)
    assert client.get("/documents/import/").status_code == 403


EN = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n\nAlmaty, 5 October 2025\n"
)
RU = (
    "Заявление о воде\n\nПризнавая ценность воды;\n\nПостановляем:\n\n"
    "1. Мы сотрудничаем в области водных ресурсов.\n\nАлматы, 5 октября 2025 года\n"
)


def test_english_and_russian_side_by_side(registry):
    from concord.documents.services import import_text

    english = import_text(actor=SYSTEM, raw=EN, adopt=True)
    import_text(actor=SYSTEM, raw=RU.encode("cp1251"), slug=english.document.slug)
    html = (
        Client()
        .get(f"/documents/{english.document.slug}/", {"lang": "en", "view": "both"})
        .content.decode()
    )
    assert 'data-testid="aligned-texts"' in html
    row = html.split('id="op-1"')[1].split('class="aligned-row')[0]  # one row, both languages
    assert "We cooperate on water." in row and "Мы сотрудничаем" in row
    assert html.count('id="op-1"') == 1


def test_a_draft_is_hidden_from_the_public_and_shown_to_the_secretariat(registry, secretariat_user):
    from concord.documents.services import import_text

    draft = import_text(actor=SYSTEM, raw=EN).document
    assert draft.status == "draft"
    assert Client().get(f"/documents/{draft.slug}/").status_code == 404
    assert Client().get(f"/api/documents/{draft.slug}").status_code == 404
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    assert client.get(f"/documents/{draft.slug}/").status_code == 200


def test_document_list_filters_by_adopting_body(seeded):
    html = seeded.get("/documents/", {"body": "soc"}).content.decode()
    assert "Cooperative Approach" in html and "Almaty Act" not in html


def test_mentions_link_both_ways(seeded):
    html = seeded.get("/documents/almaty-declaration-2006/").content.decode()
    assert '<a href="/documents/almaty-act-2002/" class="ref"' in html
    assert '<a href="/documents/un-charter/" class="ref"' in html
    act = seeded.get("/documents/almaty-act-2002/").content.decode()
    assert "Mentioned in" in act and "/documents/almaty-declaration-2006/?lang=en#pre-4" in act


def test_a_historical_text_imported_as_adopted_is_published(registry, secretariat_user):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    response = client.post(
        "/documents/import/", {"files": [SimpleUploadedFile("w.txt", EN)], "adopt": "on"}
    )
    assert "imported" in response.content.decode().split('data-testid="import-summary"')[1]
    listed = Client().get("/api/documents", {"type": "statement"}).json()
    assert [item["status"] for item in listed["items"]] == ["adopted"]


@pytest.mark.parametrize(("language", "label"), [("en", "Dated"), ("ru", "Дата")])
def test_a_draft_is_dated_not_said_to_be_adopted(registry, secretariat_user, language, label):
    from concord.documents.services import import_text

    dated = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n\nAlmaty, 17 June 2026\n"
    draft = import_text(actor=SYSTEM, raw=dated).document
    assert draft.status == "draft" and draft.adopted_on is not None
    client = Client()
    client.cookies["django_language"] = language
    client.login(email=secretariat_user.email, password=PASSWORD)
    meta = client.get(f"/documents/{draft.slug}/").content.decode().split('class="doc-meta"')[1]
    meta = meta.split("</dl>")[0]
    assert f"<dt>{label}</dt>" in meta and ("Adopted" not in meta and "Принят" not in meta)


def test_each_cell_side_by_side_names_its_language_in_words(registry):
    from concord.documents.services import import_text

    english = import_text(actor=SYSTEM, raw=EN, adopt=True)
    import_text(actor=SYSTEM, raw=RU.encode("cp1251"), slug=english.document.slug)
    asked = {"lang": "en", "view": "both"}
    html = Client().get(f"/documents/{english.document.slug}/", asked).content.decode()
    tags = re.findall(r'<span class="aligned-tag"[^>]*>([^<]*)</span>', html)
    assert tags and set(tags) == {"English", "Русский"}
