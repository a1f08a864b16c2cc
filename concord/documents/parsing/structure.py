"""The structure a document is read into, and its plain-data form (``to_dict``/``from_dict``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .kinds import ParagraphKind


@dataclass
class Warning:
    line: int | None
    message: str
    # What the site translates; not part of the stored text (its hash reads line and message).
    template: str = field(default="", compare=False, repr=False)
    params: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Clause:
    id: str
    lead: str
    text: str


@dataclass
class Block:
    id: str
    text: str


@dataclass
class Subparagraph:
    # The id names the block it follows ("op-1-2-a" follows block "op-1-2") and, for roman
    # items nested in a lettered one, that item ("op-1-c-ii"): the reading order lives in it.
    id: str
    label: str
    text: str


@dataclass
class Paragraph:
    id: str
    number: int
    heading: str | None = None  # an article's title
    blocks: list[Block] = field(default_factory=list)
    subparagraphs: list[Subparagraph] = field(default_factory=list)
    kind: ParagraphKind = ParagraphKind.PARAGRAPH

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "number": self.number,
            "heading": self.heading,
            "blocks": [{"id": b.id, "text": b.text} for b in self.blocks],
            "subparagraphs": [
                {"id": s.id, "label": s.label, "text": s.text} for s in self.subparagraphs
            ],
        }


@dataclass
class Section:
    number: str | None  # None for a heading without a numeral
    heading: str | None = None
    paragraphs: list[int] = field(default_factory=list)
    subheadings: list[dict] = field(default_factory=list)  # {"before": number | None, "text"}

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "heading": self.heading,
            "paragraphs": list(self.paragraphs),
            "subheadings": [dict(s) for s in self.subheadings],
        }


@dataclass
class Unclassified:
    id: str
    text: str
    line: int | None = None
    after: str | None = None  # id of the unit it follows in reading order (None: the start)


@dataclass
class Part:
    """What the main text and each annex have in common."""

    header: list[str] = field(default_factory=list)
    title: str | None = None
    enacting: str | None = None
    preamble: list[Clause] = field(default_factory=list)
    formula: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    closing: str | None = None
    # Where the title starts, for errors about it; not part of the structure (nor of its hash).
    title_line: int | None = field(default=None, compare=False)

    def part_dict(self) -> dict:
        return {
            "header": list(self.header),
            "title": self.title,
            "enacting": self.enacting,
            "preamble": [{"id": c.id, "lead": c.lead, "text": c.text} for c in self.preamble],
            "formula": self.formula,
            "sections": [s.to_dict() for s in self.sections],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "closing": self.closing,
        }


@dataclass
class Annex(Part):
    id: str = ""
    heading: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "heading": self.heading, **self.part_dict()}


@dataclass
class ParsedDocument(Part):
    language: str = "en"
    organisation: dict[str, str] = field(default_factory=dict)
    adopted_by: str | None = None
    place: str | None = None
    adopted_on: datetime.date | None = None
    annexes: list[Annex] = field(default_factory=list)
    unclassified: list[Unclassified] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def to_dict(self) -> dict:
        part = self.part_dict()
        return {
            "language": self.language,
            "header": part.pop("header"),
            "organisation": dict(self.organisation),
            "adopted_by": self.adopted_by,
            "place": self.place,
            "adopted_on": self.adopted_on.isoformat() if self.adopted_on else None,
            **part,
            "annexes": [a.to_dict() for a in self.annexes],
            "unclassified": [
                {"id": u.id, "text": u.text, "after": u.after} for u in self.unclassified
            ],
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
        }

    @classmethod
    def from_dict(cls, data: dict) -> ParsedDocument:
        """Rebuild a document from ``to_dict()`` output (e.g. to render a stored structure)."""
        adopted_on = data.get("adopted_on")
        return cls(
            language=data.get("language") or "en",
            organisation=dict(data.get("organisation") or {}),
            adopted_by=data.get("adopted_by"),
            place=data.get("place"),
            adopted_on=datetime.date.fromisoformat(adopted_on) if adopted_on else None,
            annexes=[
                Annex(id=a["id"], heading=a.get("heading") or "", **_part_from_dict(a))
                for a in data.get("annexes") or []
            ],
            unclassified=[
                Unclassified(u["id"], u["text"], None, u.get("after"))
                for u in data.get("unclassified") or []
            ],
            warnings=[Warning(w.get("line"), w["message"]) for w in data.get("warnings") or []],
            **_part_from_dict(data),
        )

    def units(self) -> list[dict]:
        """Every addressable unit in reading order: {"id", "kind", "number", "text", "heading"}."""
        from concord.documents.rendering import walk

        return [
            {"id": u.id, "kind": u.kind, "number": u.number, "text": u.text, "heading": u.heading}
            for u in walk(self)
        ]


def _part_from_dict(data: dict) -> dict:
    return {
        "header": list(data.get("header") or []),
        "title": data.get("title"),
        "enacting": data.get("enacting"),
        "preamble": [
            Clause(c["id"], c.get("lead") or "", c["text"]) for c in data.get("preamble") or []
        ],
        "formula": data.get("formula"),
        "sections": [
            Section(
                s.get("number"),
                s.get("heading"),
                list(s.get("paragraphs") or []),
                [dict(h) for h in s.get("subheadings") or []],
            )
            for s in data.get("sections") or []
        ],
        "paragraphs": [
            Paragraph(
                id=p["id"],
                number=p["number"],
                blocks=[Block(b["id"], b["text"]) for b in p.get("blocks") or []],
                subparagraphs=[
                    Subparagraph(s["id"], s["label"], s["text"])
                    for s in p.get("subparagraphs") or []
                ],
                heading=p.get("heading"),
                kind=ParagraphKind(p.get("kind") or ParagraphKind.PARAGRAPH),
            )
            for p in data.get("paragraphs") or []
        ],
        "closing": data.get("closing"),
    }


def render_text(doc: ParsedDocument) -> str:
    """Plain text that parses back to the same structure (see ``rendering``)."""
    from concord.documents.rendering import render_text as render

    return render(doc)
