"""Amendments applied to a draft's structure, so that the check on a proposal, the new version
and the tests share one reading of what an amendment does.

No database: a draft is cut into the units ``rendering.walk`` yields. An amendment names one
unit of the version it was proposed on:

- ``insert`` a new preamble clause or operative paragraph before or after a clause or paragraph;
- ``replace`` a whole clause, or a whole paragraph with its blocks and sub-paragraphs (the new
  text may hold several blocks and ``(a)`` items);
- ``delete`` a clause, a paragraph (with what it holds), a block or a sub-paragraph;
- ``edit`` the words of one unit, nothing else.

The amended units are written out as plain text, paragraphs numbered afresh and lettered
sub-paragraphs re-lettered, and parsed again: the parser is the judge of the result, so a new
version is always a document the rest of Concord can read.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from concord.documents import parsing
from concord.documents.parsing import ParsedDocument
from concord.documents.rendering import Item, numbering_styles, render_item, walk

INSERT, REPLACE, DELETE, EDIT = "insert", "replace", "delete", "edit"
KINDS = (INSERT, REPLACE, DELETE, EDIT)
BEFORE, AFTER = "before", "after"

# What each kind of amendment may name, by the kind of unit.
TARGETS = {
    INSERT: {"preamble", "paragraph"},
    REPLACE: {"preamble", "paragraph"},
    DELETE: {"preamble", "paragraph", "block", "subparagraph"},
    EDIT: {"title", "preamble", "formula", "paragraph", "block", "subparagraph", "closing"},
}
_LEADING_NUMBER = re.compile(r"^\s*(?:\d+[.)]|\([a-z]\))\s+")
_BLANK_LINE = re.compile(r"\n\s*\n")


class AmendmentError(ValueError):
    def __init__(self, message: str, *, field: str = "text", ref: int | None = None):
        super().__init__(message)
        self.message, self.field, self.ref = message, field, ref


@dataclass(frozen=True)
class Change:
    kind: str
    unit: str
    text: str = ""
    place: str = AFTER
    ref: int | None = None  # the amendment's number, to name it in errors


@dataclass
class _Chunk:
    kind: str
    id: str | None
    text: str
    obj: object = None
    label: str | None = None
    owner: str | None = None  # the paragraph a block or sub-paragraph belongs to
    run: int | None = None  # lettered sub-paragraphs re-lettered together
    anchor: str | None = None  # an inserted chunk: the unit it was placed at
    replaces: str | None = None  # a replacement: the unit it stands for
    deleted: bool = False
    extra: list[str] = field(default_factory=list)  # further blocks of a replaced paragraph


def units(structure: dict) -> list[dict]:
    return ParsedDocument.from_dict(structure).units()


def apply(structure: dict, changes: list[Change]) -> ParsedDocument:
    """The document ``changes`` make of ``structure``; ``AmendmentError`` names what cannot be."""
    doc = ParsedDocument.from_dict(structure)
    chunks = _chunks(doc)
    for change in changes:
        _apply(chunks, change)
    text = _render_chunks(doc, chunks)
    try:
        return parsing.parse(text, language=doc.language)
    except parsing.ParseError as exc:
        message = _("The amended text would not read as a document: %(error)s") % {"error": exc}
        raise AmendmentError(message, ref=changes[0].ref if len(changes) == 1 else None) from exc


def _chunks(doc: ParsedDocument) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    owner, run, runs = None, None, 0
    for item in walk(doc):
        if item.kind in ("paragraph", "annex"):
            owner = item.id
        if item.kind == "subparagraph":
            if run is None:
                runs += 1
                run = runs
        else:
            run = None
        chunks.append(
            _Chunk(
                item.kind,
                item.id,
                item.text,
                item.obj,
                label=item.number,
                owner=owner if item.kind in ("block", "subparagraph") else None,
                run=run,
            )
        )
    _mark_lettered_runs(chunks)
    return chunks


def _mark_lettered_runs(chunks: list[_Chunk]) -> None:
    """Only runs lettered a, b, c ... from the start are re-lettered; others keep their labels."""
    by_run: dict[int, list[_Chunk]] = {}
    for chunk in chunks:
        if chunk.run is not None:
            by_run.setdefault(chunk.run, []).append(chunk)
    for members in by_run.values():
        if [c.label for c in members] != list(string.ascii_lowercase[: len(members)]):
            for chunk in members:
                chunk.run = None


def _find(chunks: list[_Chunk], change: Change) -> int:
    for n, chunk in enumerate(chunks):
        if chunk.id == change.unit:
            # A new clause may still be placed beside one that another amendment removes.
            if chunk.deleted and change.kind != INSERT:
                raise AmendmentError(
                    _("%(unit)s is already deleted or replaced by another amendment.")
                    % {"unit": change.unit},
                    field="unit",
                    ref=change.ref,
                )
            return n
    raise AmendmentError(
        _("There is no unit %(unit)s in this version.") % {"unit": repr(change.unit)}, field="unit"
    )


def check(structure: dict, change: Change) -> None:
    """Raise ``AmendmentError`` unless ``change`` is well-formed and leaves a readable draft."""
    if change.kind not in KINDS:
        raise AmendmentError(
            _("Unknown kind of amendment %(kind)s.") % {"kind": repr(change.kind)}, field="kind"
        )
    apply(structure, [change])


def _apply(chunks: list[_Chunk], change: Change) -> None:
    at = _find(chunks, change)
    target = chunks[at]
    if target.kind not in TARGETS[change.kind]:
        raise AmendmentError(
            _(
                "%(unit)s (%(unit_kind)s) cannot be the object of %(kind)s, "
                "which applies to: %(kinds)s."
            )
            % {
                "unit": change.unit,
                "unit_kind": target.kind,
                "kind": repr(change.kind),
                "kinds": ", ".join(sorted(TARGETS[change.kind])),
            },
            field="unit",
            ref=change.ref,
        )
    text = _clean(change, target.kind)
    if change.kind == EDIT:
        target.text = text
    elif change.kind == DELETE:
        for n in _extent(chunks, at):
            chunks[n].deleted = True
    elif change.kind == REPLACE:
        extent = _extent(chunks, at)
        for n in extent:
            chunks[n].deleted = True
        chunks.insert(extent[-1] + 1, _new_chunk(target, text, replaces=change.unit))
    else:
        if change.place not in (BEFORE, AFTER):
            raise AmendmentError(_("An insertion goes 'before' or 'after' a unit."), field="place")
        if change.place == BEFORE:
            where = at
        else:
            where = _extent(chunks, at)[-1] + 1
            while where < len(chunks) and change.unit in (
                chunks[where].anchor,
                chunks[where].replaces,
            ):
                where += 1
        chunks.insert(where, _new_chunk(target, text, anchor=change.unit))


def _extent(chunks: list[_Chunk], at: int) -> list[int]:
    """The unit at ``at`` and, for a paragraph, the blocks and sub-paragraphs it holds."""
    extent = [at]
    if chunks[at].kind == "paragraph":
        n = at + 1
        while n < len(chunks) and chunks[n].owner == chunks[at].id:
            extent.append(n)
            n += 1
    return extent


def _new_chunk(
    like: _Chunk, text: str, *, anchor: str | None = None, replaces: str | None = None
) -> _Chunk:
    first, *extra = _BLANK_LINE.split(text)
    obj = like.obj
    if like.kind == "paragraph":
        obj = replace(like.obj, heading=None, blocks=[], subparagraphs=[])
    return _Chunk(
        like.kind, None, first.strip(), obj, anchor=anchor, replaces=replaces, extra=extra
    )


def _clean(change: Change, unit_kind: str) -> str:
    text = (change.text or "").replace("\r\n", "\n").strip()
    if change.kind == DELETE:
        return ""
    if not text:
        raise AmendmentError(_("Give the text the amendment proposes."), ref=change.ref)
    if change.kind == EDIT and _BLANK_LINE.search(text):
        raise AmendmentError(
            _(
                "An edit changes the words of one unit: no blank lines "
                "(to restructure a paragraph, replace it)."
            ),
            ref=change.ref,
        )
    if unit_kind in ("paragraph", "subparagraph", "preamble"):
        text = _LEADING_NUMBER.sub("", text, count=1)
    if unit_kind == "preamble":
        text = text.rstrip(";,").rstrip()
    return text


def _render_chunks(doc: ParsedDocument, chunks: list[_Chunk]) -> str:
    styles = numbering_styles(doc)
    letters: dict[int, int] = {}
    number = 0
    out = []
    for chunk in chunks:
        if chunk.deleted:
            continue
        obj, label = chunk.obj, chunk.label
        if chunk.kind == "annex":
            number = 0
        if chunk.kind == "paragraph":
            number += 1
            obj, label = replace(chunk.obj, number=number), str(number)
        if chunk.run is not None:
            label = string.ascii_lowercase[letters.setdefault(chunk.run, 0)]
            letters[chunk.run] += 1
        item = Item(chunk.kind, chunk.id or "", chunk.text, label, obj=obj)
        out.append(render_item(item, doc.language, styles))
        out.extend(block.strip() for block in chunk.extra)
    return "\n\n".join(part for part in out if part) + "\n"
