"""The adopted text to the character: each unit's words and punctuation, read from the source
file without the parser, are what is stored, what the reading page shows and what every export
carries. Layout (labels, permalinks, markup) is the rendering's own; the words are not."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from lxml import etree, html

from concord.core.actors import SYSTEM
from concord.documents.akn import NS
from concord.documents.models import Unit
from concord.documents.parsing import ParsedDocument
from concord.documents.services import DATA_DIR, import_text

TEXTS = Path(__file__).parent / "texts"
SEED = DATA_DIR / "cica-2006-almaty-declaration.txt"

# The units whose words are the text's; headers, titles and headings are laid out by each format.
WORDED = {"enacting", "preamble", "formula", "paragraph", "block", "subparagraph", "closing"}
# A unit's label as the source writes it: "1. ", "2) ", "(a) ", "b) ", "(ii) ", "а) ".
LABEL = re.compile(r"^(?:\d+[.)]|\(\w+\)|\w\))\s+")
EXPORTS = ("html", "akn", "json", "txt")


def norm(text: str) -> str:
    return " ".join(text.split())


def source_units(raw: str) -> set[str]:
    """The file's runs of text, with and without their labels (an article's numbered paragraph
    keeps its number in its text): blank lines part them, a labelled line opens one."""
    units, current = [], []
    for line in [*raw.replace("**", "").splitlines(), ""]:
        line = line.strip().lstrip("\ufeff")
        if not line or LABEL.match(line):
            units.append(" ".join(current))
            current = []
        if line:
            current.append(line)
    return {form for unit in units if unit for form in (norm(unit), norm(LABEL.sub("", unit)))}


def unlabelled_chunks(text: str) -> set[str]:
    chunks = re.split(r"\n\s*\n", text)
    return {form for chunk in chunks for form in (norm(chunk), norm(LABEL.sub("", chunk.strip())))}


def page_units(markup: str, uids: list[str]) -> dict[str, str]:
    """Each unit's words on a page of ``documents/partials/body.html`` (the first text shown)."""
    tree = html.fromstring(markup)
    for node in tree.xpath(
        "//*[contains(@class, 'permalink') or contains(@class, 'num') "
        "or contains(@class, 'label') or contains(@class, 'article-heading')]"
    ):
        node.drop_tree()
    found = {}
    for uid in uids:
        nodes = tree.xpath(f"(//*[@id='{uid}'])[1]")
        if not nodes:
            continue
        node = nodes[0]
        if "paragraph" in (node.get("class") or "").split():
            node = node.xpath("./p")[0]
        found[uid] = norm(node.text_content())
    return found


def akn_units(xml: bytes, uids: list[str]) -> dict[str, str]:
    tree = etree.fromstring(xml)
    found = {}
    for uid in uids:
        nodes = tree.xpath(f"//a:*[@eId='{uid}__p']", namespaces={"a": NS}) or tree.xpath(
            f"//a:*[@eId='{uid}']", namespaces={"a": NS}
        )
        if nodes:
            node = nodes[0]
            paragraphs = (
                [node] if node.tag == f"{{{NS}}}p" else node.xpath(".//a:p", namespaces={"a": NS})
            )
            found[uid] = norm(paragraphs[0].xpath("string()")) if paragraphs else None
    return found


CASES = [
    pytest.param([(SEED, "en"), (TEXTS / "russian-declaration.txt", "ru")], id="seed-en-ru"),
    pytest.param([(TEXTS / "upper-case-preamble.txt", "en")], id="upper-case-preamble"),
    pytest.param([(TEXTS / "subparagraphs.txt", "en")], id="subparagraphs"),
    pytest.param([(TEXTS / "act-with-articles.txt", "en")], id="act-with-articles"),
    pytest.param([(TEXTS / "resolution-with-annex.txt", "en")], id="resolution-with-annex"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("files", CASES)
def test_every_unit_reads_as_the_source_writes_it_in_storage_page_and_exports(registry, files):
    slug = None
    client = Client()
    for path, language in files:
        raw = path.read_text(encoding="utf-8-sig")
        outcome = import_text(actor=SYSTEM, raw=raw, slug=slug, adopt=slug is None)
        slug = outcome.document.slug
        source = source_units(raw)
        stored = {
            u.uid: norm(u.content)
            for u in Unit.objects.filter(text=outcome.text, kind__in=WORDED).order_by("ordinal")
        }
        assert stored, path.name
        missing = {uid: text for uid, text in stored.items() if text not in source}
        assert not missing, f"{path.name}: stored units not in the source: {missing}"
        uids = list(stored)

        page = client.get(f"/documents/{slug}/", {"lang": language})
        assert page.status_code == 200
        assert page_units(page.content.decode(), uids) == stored, f"{path.name}: the page"

        out = {}
        for fmt in EXPORTS:
            response = client.get(f"/api/documents/{slug}/export/{fmt}", {"lang": language})
            assert response.status_code == 200, fmt
            out[fmt] = response.content
        assert page_units(out["html"].decode(), uids) == stored, f"{path.name}: html"
        assert akn_units(out["akn"], uids) == stored, f"{path.name}: akn"
        as_json = ParsedDocument.from_dict(json.loads(out["json"]))
        json_units = {u["id"]: norm(u["text"]) for u in as_json.units() if u["id"] in stored}
        assert json_units == stored, f"{path.name}: json"
        chunks = unlabelled_chunks(out["txt"].decode())
        assert {uid: t for uid, t in stored.items() if t not in chunks} == {}, f"{path.name}: txt"


@pytest.mark.django_db
def test_texts_stored_without_their_punctuation_are_read_again(registry):
    from importlib import import_module

    from django.apps import apps

    from concord.documents.services import content_hash, parse_upload

    text = import_text(actor=SYSTEM, raw=SEED.read_bytes(), adopt=True).text
    right = (dict(text.structure), text.content_hash)
    # As texts were stored before: the closing ";" or "," cut from the enacting words and clauses.
    old = {**text.structure, "enacting": text.structure["enacting"].rstrip(";,")}
    old["preamble"] = [{**c, "text": c["text"].rstrip(";,")} for c in old["preamble"]]
    text.structure, text.content_hash = old, "0" * 64
    text.save(update_fields=["structure", "content_hash"])
    text.units.filter(uid="pre-1").update(content="Having met (CBMs)")

    migration = import_module("concord.documents.migrations.0007_clauses_keep_their_punctuation")
    migration.reread_texts(apps, None)

    text.refresh_from_db()
    assert (text.structure, text.content_hash) == right
    assert right[1] == content_hash(parse_upload(SEED.read_bytes()))
    assert text.units.get(uid="pre-1").content.endswith("(CBMs);")
