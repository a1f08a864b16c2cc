"""Shape a stored structure for reading: lead words set off, paragraphs grouped by section,
mentions of registered documents turned into links."""

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .parsing import ParagraphKind


def preamble(structure: dict) -> list[dict]:
    clauses = []
    for clause in structure.get("preamble") or []:
        lead, text = clause.get("lead") or "", clause["text"]
        rest = text[len(lead) :] if lead and text.startswith(lead) else None
        clauses.append({**clause, "rest": rest})
    return clauses


def section_ids(sections: list[dict], prefix: str = "") -> list[str]:
    """The parser's ids: sec-I for numbered sections, sec-h1, sec-h2 for heading-only ones."""
    ids, unnumbered = [], 0
    for section in sections:
        if section.get("number"):
            ids.append(f"{prefix}sec-{section['number']}")
        else:
            unnumbered += 1
            ids.append(f"{prefix}sec-h{unnumbered}")
    return ids


def parts(structure: dict, prefix: str = "") -> list[dict]:
    """[{section or None, paragraphs}], keeping paragraphs outside sections in order."""
    by_number = {p["number"]: p for p in structure.get("paragraphs") or []}
    result, placed = [], set()
    sections = structure.get("sections") or []
    for section, section_id in zip(sections, section_ids(sections, prefix), strict=True):
        subheadings = {s.get("before"): s.get("text") for s in section.get("subheadings") or []}
        paragraphs = []
        for n in section["paragraphs"]:
            if n in by_number:
                paragraphs.append({**by_number[n], "subheading": subheadings.get(n)})
                placed.add(n)
        result.append({"section": section, "id": section_id, "paragraphs": paragraphs})
    loose = [p for n, p in by_number.items() if n not in placed]
    if loose:
        result.insert(0, {"section": None, "id": None, "paragraphs": loose})
    return result


def contents(structure: dict) -> list[dict]:
    """The table of contents: sections with their paragraph anchors."""
    return [
        {
            "id": part["id"],
            "label": part["section"]["number"] if part["section"] else None,
            "heading": part["section"].get("heading") if part["section"] else None,
            "paragraphs": [{"id": p["id"], "number": p["number"]} for p in part["paragraphs"]],
        }
        for part in parts(structure)
    ]


def context(structure: dict, references: dict | None = None) -> dict:
    return {
        "ParagraphKind": ParagraphKind,
        "s": structure,
        "preamble": preamble(structure),
        "parts": parts(structure),
        "annexes": [
            {
                "s": annex,
                "prefix": f"{annex['id']}-",
                "preamble": preamble(annex),
                "parts": parts(annex, f"{annex['id']}-"),
            }
            for annex in structure.get("annexes") or []
        ],
        "refs": references or {},
    }


def link(text: str, mentions: list, offset: int = 0) -> SafeString:
    """`text` escaped, with each mention (a Reference starting at `offset` or later in the unit)
    linked to the document it names."""
    pieces, cursor = [], 0
    for mention in sorted(mentions, key=lambda m: m.start):
        start = mention.start - offset
        end = start + len(mention.phrase)
        if start < cursor or end > len(text) or text[start:end] != mention.phrase:
            continue
        url = reverse("documents:detail", args=[mention.target.slug])
        anchor = format_html(
            '<a href="{}" class="ref" title="{}">{}</a>', url, mention.target.title, mention.phrase
        )
        pieces += [escape(text[cursor:start]), anchor]
        cursor = end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(str(piece) for piece in pieces))
