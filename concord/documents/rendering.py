"""Write a parsed document back as plain text, and walk its units in reading order.

``render_text`` writes one unit per paragraph, separated by blank lines, numbered and lettered
the way ``parsing`` reads them, so that ``parse(render_text(doc))`` gives ``doc`` back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from concord.documents import parsing
from concord.documents.parsing import (
    Paragraph,
    ParagraphKind,
    ParsedDocument,
    Part,
    Section,
    Subparagraph,
    Unclassified,
    UnitKind,
)

# The words the parser reads before a number, in the language of the text.
_NOUNS = {
    ParagraphKind.ARTICLE: {"en": "Article", "ru": "Статья"},
    ParagraphKind.RULE: {"en": "Rule", "ru": "Правило"},
}
_SECTION = {"en": "Section", "ru": "Раздел"}


def render_text(doc: ParsedDocument) -> str:
    """Clean plain text (no Markdown) that parses back to the same ``to_dict()``."""
    styles = numbering_styles(doc)
    chunks = [render_item(item, doc.language, styles) for item in walk(doc)]
    return "\n\n".join(chunk for chunk in chunks if chunk) + "\n"


def render_item(item: Item, language: str, styles: dict[str, str]) -> str:
    text = item.text
    if item.kind == UnitKind.SECTION:
        return _render_section(item.obj, language)
    if item.kind == UnitKind.PARAGRAPH:
        return _render_paragraph(item.obj, text, language, styles)
    if item.kind == UnitKind.SUBPARAGRAPH:
        return f"({item.number}) {text}".rstrip()
    return text


def _render_section(section: Section, language: str) -> str:
    if section.number is None:
        return section.heading or ""
    label = section.number
    if label.isdigit():
        label = f"{_SECTION[language if language == 'ru' else 'en']} {label}"
    return f"{label}. {section.heading}" if section.heading else label


def _render_paragraph(
    paragraph: Paragraph, text: str, language: str, styles: dict[str, str]
) -> str:
    if paragraph.kind == ParagraphKind.PARAGRAPH:
        return f"{paragraph.number}{styles.get(paragraph.id, '.')} {text}".rstrip()
    word = _NOUNS[paragraph.kind][language if language == "ru" else "en"]
    head = f"{word} {paragraph.number}"
    if paragraph.heading:
        head = f"{head}. {paragraph.heading}"
    return f"{head}\n\n{text}" if text else head


def numbering_styles(doc: ParsedDocument) -> dict[str, str]:
    """Number with "1)" where a paragraph's own text holds "1." items, else with "1."."""
    styles = {}
    for part in [doc, *doc.annexes]:
        inner = (
            parsing.paragraph_style(block.text) for p in part.paragraphs for block in p.blocks[1:]
        )
        if "." in inner:
            styles.update((p.id, ")") for p in part.paragraphs)
    return styles


@dataclass(slots=True)
class Item:
    kind: UnitKind
    id: str
    text: str
    number: str | None = None
    heading: str | None = None
    obj: object = None


def walk(doc: ParsedDocument) -> Iterator[Item]:
    """Yield every unit of ``doc`` in reading order, unclassified text in its place: the one
    order of the plain text written back and of ``ParsedDocument.units()``."""
    strays: dict[str | None, list[Unclassified]] = {}
    for u in doc.unclassified:
        strays.setdefault(u.after, []).append(u)
    placed: set[str] = set()

    def strays_after(anchor: str | None) -> Iterator[Item]:
        # Each stray is the anchor of the next: a loop, as runs of them can be long.
        stack = list(reversed(strays.pop(anchor, [])))
        while stack:
            u = stack.pop()
            placed.add(u.id)
            yield Item(UnitKind.UNCLASSIFIED, u.id, u.text, obj=u)
            stack.extend(reversed(strays.pop(u.id, [])))

    def with_strays(items: Iterator[Item]) -> Iterator[Item]:
        for item in items:
            yield item
            yield from strays_after(item.id)

    yield from strays_after(None)
    yield from with_strays(_walk_part(doc, ""))
    for n, annex in enumerate(doc.annexes, 1):
        yield Item(UnitKind.ANNEX, annex.id, annex.heading, str(n), obj=annex)
        yield from strays_after(annex.id)
        yield from with_strays(_walk_part(annex, f"{annex.id}-"))
    for u in doc.unclassified:  # anchors lost (e.g. a hand-built structure): keep them last
        if u.id not in placed:
            yield Item(UnitKind.UNCLASSIFIED, u.id, u.text, obj=u)


def _walk_part(part: Part, prefix: str) -> Iterator[Item]:
    for n, text in enumerate(part.header, 1):
        yield Item(UnitKind.HEADER, f"{prefix}header-{n}", text)
    if part.title:
        yield Item(UnitKind.TITLE, f"{prefix}title", part.title)
    if part.enacting is not None:
        yield Item(UnitKind.ENACTING, f"{prefix}enacting", part.enacting)
    for clause in part.preamble:
        yield Item(UnitKind.PREAMBLE, clause.id, clause.text, obj=clause)
    if part.formula is not None:
        yield Item(UnitKind.FORMULA, f"{prefix}formula", part.formula)
    by_number = {p.number: p for p in part.paragraphs}
    in_sections = {n for s in part.sections for n in s.paragraphs}
    for paragraph in part.paragraphs:
        if paragraph.number not in in_sections:
            yield from _walk_paragraph(paragraph)
    for section, section_id in zip(part.sections, section_ids(part.sections, prefix), strict=True):
        yield from _walk_section(section, section_id, by_number)
    if part.closing is not None:
        yield Item(UnitKind.CLOSING, f"{prefix}closing", part.closing)


def section_ids(sections: list[Section], prefix: str = "") -> list[str]:
    ids, unnumbered = [], 0
    for section in sections:
        if section.number is None:
            unnumbered += 1
            ids.append(f"{prefix}sec-h{unnumbered}")
        else:
            ids.append(f"{prefix}sec-{section.number}")
    return ids


def _walk_section(section: Section, section_id: str, by_number: dict) -> Iterator[Item]:
    yield Item(UnitKind.SECTION, section_id, section.heading or "", section.number, obj=section)
    subheadings: dict[int | None, list[Item]] = {}
    for n, sub in enumerate(section.subheadings, 1):
        item = Item(UnitKind.SUBHEADING, f"{section_id}-sub-{n}", sub["text"])
        subheadings.setdefault(sub.get("before"), []).append(item)
    for number in section.paragraphs:
        yield from subheadings.pop(number, ())
        if number in by_number:
            yield from _walk_paragraph(by_number[number])
    for items in subheadings.values():
        yield from items


def _walk_paragraph(paragraph: Paragraph) -> Iterator[Item]:
    block_ids = {paragraph.id, *(b.id for b in paragraph.blocks)}
    by_block: dict[str, list[Subparagraph]] = {}
    for sub in paragraph.subparagraphs:
        by_block.setdefault(_owning_block(sub.id, block_ids, paragraph.id), []).append(sub)
    first = paragraph.blocks[0].text if paragraph.blocks else ""
    yield Item(
        UnitKind.PARAGRAPH, paragraph.id, first, str(paragraph.number), paragraph.heading, paragraph
    )
    yield from _walk_subparagraphs(by_block.pop(paragraph.id, ()))
    for block in paragraph.blocks[1:]:
        yield Item(UnitKind.BLOCK, block.id, block.text, obj=block)
        yield from _walk_subparagraphs(by_block.pop(block.id, ()))
    for subs in by_block.values():
        yield from _walk_subparagraphs(subs)


def _walk_subparagraphs(subs) -> Iterator[Item]:
    for sub in subs:
        yield Item(UnitKind.SUBPARAGRAPH, sub.id, sub.text, sub.label, obj=sub)


def _owning_block(sub_id: str, block_ids: set[str], fallback: str) -> str:
    candidate = sub_id
    while "-" in candidate:
        candidate = candidate.rsplit("-", 1)[0]
        if candidate in block_ids:
            return candidate
    return fallback
