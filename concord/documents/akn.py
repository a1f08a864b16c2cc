"""Akoma Ntoso 3.0: a declaration as a `statement` (FRBR identification, preamble, mainBody)."""

import datetime as dt

from lxml import etree

from concord.core import clock

from .reading import section_ids

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANG3 = {"en": "eng", "ru": "rus"}


def _el(parent, tag: str, text: str | None = None, **attrs):
    node = etree.SubElement(parent, f"{{{NS}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def _paragraph(parent, paragraph: dict) -> None:
    node = _el(parent, "paragraph", eId=paragraph["id"])
    _el(node, "num", f"{paragraph['number']}.")
    if paragraph.get("heading"):
        _el(node, "heading", paragraph["heading"])
    blocks, subs = paragraph["blocks"], paragraph.get("subparagraphs") or []
    if not subs:
        content = _el(node, "content")
        for block in blocks:
            _el(content, "p", block["text"], eId=f"{block['id']}__p")
        return
    intro = _el(node, "intro")
    for block in blocks:
        _el(intro, "p", block["text"], eId=f"{block['id']}__p")
    for sub in subs:
        point = _el(node, "point", eId=sub["id"])
        _el(point, "num", f"({sub['label']})")
        _el(_el(point, "content"), "p", sub["text"])


def _body(parent, structure: dict, prefix: str = "") -> None:
    by_number = {p["number"]: p for p in structure["paragraphs"]}
    placed = set()
    sections = structure.get("sections") or []
    for section, section_id in zip(sections, section_ids(sections, prefix), strict=True):
        number = section["number"]
        container = _el(parent, "hcontainer", name="section", eId=section_id)
        if number:
            _el(container, "num", number)
        if section.get("heading"):
            _el(container, "heading", section["heading"])
        for n in section["paragraphs"]:
            _paragraph(container, by_number[n])
            placed.add(n)
    for paragraph in structure["paragraphs"]:
        if paragraph["number"] not in placed:
            _paragraph(parent, paragraph)


def _annex_body(container, annex: dict) -> None:
    """An annex's own enacting words, clauses and formula open it (an hcontainer's ``intro``:
    it has no preamble of its own) and its closing line ends it (``wrapUp``)."""
    prefix = f"{annex['id']}-"
    opening = [(f"{prefix}enacting", "enactingSubject", annex.get("enacting"))]
    opening += [(c["id"], "recital", c["text"]) for c in annex.get("preamble") or []]
    opening.append((f"{prefix}formula", "enactingFormula", annex.get("formula")))
    opening = [line for line in opening if line[2]]
    if opening:
        intro = _el(container, "intro")
        for eid, kind, words in opening:
            _el(intro, "p", words, eId=eid, class_=kind)
    _body(container, annex, prefix=prefix)
    if annex.get("closing"):
        _el(_el(container, "wrapUp"), "p", annex["closing"], eId=f"{prefix}closing")


def _frbr(parent, tag: str, this: str, uri: str, date: dt.date, name: str, author: str):
    node = _el(parent, tag)
    _el(node, "FRBRthis", value=this)
    _el(node, "FRBRuri", value=uri)
    _el(node, "FRBRdate", date=date.isoformat(), name=name)
    _el(node, "FRBRauthor", href=author)
    return node


def to_akn(document, text) -> bytes:
    """The text as an Akoma Ntoso 3.0 `statement`, valid against the OASIS schema."""
    s = text.structure
    language = LANG3.get(text.language, text.language)
    day = document.adopted_on or clock.today()
    # "aa" is the user-assigned ISO 3166 code that AKN uses for international bodies ("aa-au").
    work = f"/akn/aa-cica/statement/{document.doc_type}/{day.isoformat()}/{document.slug}"
    expression = f"{work}/{language}@"
    author = f"#{document.body.code}" if document.body_id else "#concord"

    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})
    statement = _el(root, "statement", name=document.doc_type)
    meta = _el(statement, "meta")
    ident = _el(meta, "identification", source="#concord")
    frbr_work = _frbr(ident, "FRBRWork", f"{work}/!main", work, day, "adoption", author)
    _el(frbr_work, "FRBRcountry", value="aa-cica")
    frbr_expr = _frbr(
        ident, "FRBRExpression", f"{expression}/!main", expression, day, "adoption", author
    )
    _el(frbr_expr, "FRBRlanguage", language=language)
    manifestation = (f"{expression}/!main.xml", f"{expression}.akn")
    _frbr(ident, "FRBRManifestation", *manifestation, clock.today(), "transformation", "#concord")
    refs = _el(meta, "references", source="#concord")
    _el(
        refs,
        "TLCOrganization",
        eId="concord",
        href="/ontology/organization/cica/concord",
        showAs="Concord",
    )
    if document.body_id:
        code = document.body.code
        _el(
            refs,
            "TLCOrganization",
            eId=code,
            href=f"/ontology/organization/cica/{code}",
            showAs=code,
        )

    preface = _el(statement, "preface")
    for line in s.get("header") or []:
        _el(preface, "p", line, class_="header")
    title = _el(preface, "p", class_="title")
    _el(title, "docTitle", s["title"])

    if s.get("enacting") or s.get("preamble") or s.get("formula"):
        preamble = _el(statement, "preamble")
        if s.get("enacting"):
            _el(
                _el(preamble, "container", name="enactingSubject", eId="enacting"),
                "p",
                s["enacting"],
            )
        if s.get("preamble"):
            recitals = _el(preamble, "recitals", eId="recitals")
            for clause in s["preamble"]:
                _el(_el(recitals, "recital", eId=clause["id"]), "p", clause["text"])
        if s.get("formula"):
            _el(_el(preamble, "formula", name="enactingFormula", eId="formula"), "p", s["formula"])

    main = _el(statement, "mainBody")
    _body(main, s)
    for annex in s.get("annexes") or []:
        container = _el(main, "hcontainer", name="annex", eId=annex["id"])
        if annex.get("title"):
            _el(container, "heading", annex["title"])
        _annex_body(container, annex)
    for block in s.get("unclassified") or []:
        _el(_el(main, "container", name="unclassified", eId=block["id"]), "p", block["text"])
    if s.get("closing"):
        _el(_el(statement, "conclusions"), "p", s["closing"], eId="closing")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
