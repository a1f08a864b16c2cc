"""Shape a stored structure for reading: lead words set off, paragraphs grouped by section,
mentions of registered documents turned into links."""

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from . import labels
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
    """The table of contents, each entry named as a reader names it: the preamble, the sections
    with their paragraphs (in a text without sections, the paragraphs themselves), the annexes.
    Empty when it would hold a single entry: a list of one leads nowhere."""
    names = labels.text_labels(structure)
    entries = []
    if structure.get("preamble"):
        entries.append(_entry(structure["preamble"][0]["id"], _("Preamble")))
    for part in parts(structure):
        paragraphs = [
            _entry(p["id"], _titled(names[p["id"]], p.get("heading"))) for p in part["paragraphs"]
        ]
        if part["section"] is None:
            entries += paragraphs
        else:
            section = part["section"]
            label = _titled(
                names[part["id"]], section.get("heading"), replaces=not section.get("number")
            )
            entries.append(_entry(part["id"], label, paragraphs))
    for annex in structure.get("annexes") or []:
        entries.append(_entry(annex["id"], _titled(names[annex["id"]], annex.get("title"))))
    size = sum(1 + len(entry["children"]) for entry in entries)
    return entries if size > 1 else []


def _entry(uid: str, label: str, children: list[dict] | None = None) -> dict:
    return {"id": uid, "label": label, "children": children or []}


def _titled(label: str, heading: str | None, *, replaces: bool = False) -> str:
    """ "Section I: Water"; an unnumbered section is called by its heading alone."""
    if not heading:
        return label
    return (
        heading if replaces else _("%(label)s: %(heading)s") % {"label": label, "heading": heading}
    )


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
