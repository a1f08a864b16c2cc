"""Assemble the document: the main text and its annexes, then who adopted it, where and when."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from itertools import pairwise

from . import vocabulary
from .dates import _front_line, _looks_like_name, _place_and_date
from .decoding import _normalise, decode
from .errors import ParseError, fill, gettext_noop
from .kinds import LineKind
from .lettercase import _is_all_caps, _is_cyrillic, _smart_case
from .part_builder import _PartBuilder
from .structure import Annex, ParsedDocument, Part, Unclassified, Warning
from .units import _Unit, _UnitReader


def parse(text: str | bytes, *, language: str | None = None) -> ParsedDocument:
    """Read a document; bytes are decoded first. Raises ParseError, and nothing else."""
    text = decode(bytes(text)) if isinstance(text, bytes | bytearray) else _normalise(text)
    units = _UnitReader().read(text)
    if not units:
        raise ParseError(1, gettext_noop("empty file"))
    return _DocumentBuilder(units).build(language)


class _DocumentBuilder:
    def __init__(self, units: list[_Unit]) -> None:
        self.units = units
        self.warnings: list[Warning] = []
        self.unclassified: list[Unclassified] = []

    def build(self, language: str | None) -> ParsedDocument:
        annex = LineKind.ANNEX  # once: an enum's member costs ten globals to look up
        starts = [i for i, u in enumerate(self.units) if u.kind is annex]
        bounds = [*starts, len(self.units)]
        main_builder = _PartBuilder(self, self.units[: bounds[0]], "")
        main = main_builder.build()
        annexes = []
        for n, (start, end) in enumerate(pairwise(bounds), 1):
            annex_id = f"annex-{n}"
            builder = _PartBuilder(self, self.units[start + 1 : end], f"{annex_id}-", annex_id)
            part = builder.build()
            annexes.append(Annex(id=annex_id, heading=self.units[start].text, **_fields(part)))
        doc = ParsedDocument(
            **_fields(main),
            annexes=annexes,
            unclassified=self.unclassified,
            warnings=self.warnings,
        )
        doc.title = doc.title or ""
        doc.language = language or _language(doc)
        self._describe(doc)
        return doc

    def warn(self, line: int | None, message: str, **params: object) -> None:
        self.warnings.append(Warning(line, fill(message, params), message, params))

    def keep(self, unit: _Unit, after: str | None, reason: str) -> str:
        """``reason`` says why, and that the text is kept as unclassified text."""
        ident = f"x-{len(self.unclassified) + 1}"
        self.unclassified.append(Unclassified(ident, unit.text, unit.line, after))
        self.warn(unit.line, reason)
        return ident

    def _describe(self, doc: ParsedDocument) -> None:
        """Organisation, adopting body, place and date: from the header, else the closing."""
        dated_lines, adopted_lines = [], []
        for text in doc.header:
            front = _front_line(text)
            if front is None:
                if _looks_like_name(text):
                    name = _smart_case(text) if _is_all_caps(text) else text
                    doc.organisation.setdefault("ru" if _is_cyrillic(text) else "en", name)
            elif front.adopted_by is None:
                dated_lines.append(front.when)
            else:
                adopted_lines.append(front)
        if adopted_lines:
            doc.adopted_by = adopted_lines[0].adopted_by
        closings = [doc.closing, *(a.closing for a in reversed(doc.annexes))]
        candidates = [
            *dated_lines,
            *(f.when for f in adopted_lines if f.when),
            *(_place_and_date(c) for c in closings if c),
        ]
        doc.place = next((w.place for w in candidates if w and w.place), None)
        doc.adopted_on = next((w.date for w in candidates if w and w.date), None)


def _language(doc: ParsedDocument) -> str:
    """Say "ru" if the text is mostly Cyrillic; the header (often bilingual) does not count.

    Only the words of the text count, not "Article" or "Section": they change with the
    language a rendering is written in, and the answer must not.
    """
    sample, size = [], 0
    for text in _content(doc):
        sample.append(text)
        size += len(text)
        if size >= vocabulary.LANGUAGE_SAMPLE:
            break
    return "ru" if _is_cyrillic(" ".join(sample)) else "en"


def _content(doc: ParsedDocument) -> Iterator[str]:
    for part in [doc, *doc.annexes]:
        yield from (part.title or "", part.enacting or "", part.formula or "")
        yield from (clause.text for clause in part.preamble)
        for section in part.sections:
            yield section.heading or ""
            yield from (sub["text"] for sub in section.subheadings)
        for paragraph in part.paragraphs:
            yield paragraph.heading or ""
            yield from (block.text for block in paragraph.blocks)
            yield from (sub.text for sub in paragraph.subparagraphs)
        yield part.closing or ""
    yield from (u.text for u in doc.unclassified)


def _fields(part: Part) -> dict:
    return {f.name: getattr(part, f.name) for f in fields(Part)}
