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
_LEADING_LABEL = re.compile(r"^\s*(?:\d+[.)]|\((?:[a-z]|[ivxlc]+)\)|[a-z]\))\s+")
_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE = re.compile(r"^line \d+: ")  # of the internal rendering, which the user never sees


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
    id: str | None  # None for new text
    text: str
    obj: object = None
    label: str | None = None
    owner: str | None = None  # the paragraph a block or sub-paragraph belongs to
    group: tuple | None = None  # lettered items re-lettered together (a run, one parent)
    anchor: str | None = None  # an inserted chunk: the unit it was placed at
    replaces: str | None = None  # a replacement: the unit it stands for
    deleted: bool = False
    changed: bool = False  # edited, replaced or deleted by an amendment ...
    changed_by: int | None = None  # ... this one
    extra: list[str] = field(default_factory=list)  # further blocks of new paragraph text


def units(structure: dict) -> list[dict]:
    return ParsedDocument.from_dict(structure).units()


def apply(structure: dict, changes: list[Change]) -> ParsedDocument:
    """The document ``changes`` make of ``structure``; ``AmendmentError`` names what cannot be."""
    doc = ParsedDocument.from_dict(structure)
    chunks = _chunks(doc)
    for change in changes:
        _apply(chunks, change)
    text = _render_chunks(doc, chunks)
    ref = changes[0].ref if len(changes) == 1 else None
    try:
        parsed = parsing.parse(text, language=doc.language)
    except parsing.ParseError as exc:
        message = _("The amended text would not read as a document: %(error)s") % {
            "error": _LINE.sub("", str(exc))
        }
        raise AmendmentError(message, ref=ref) from exc
    _check_structure(doc, chunks, parsed, ref)
    return parsed


def _check_structure(doc: ParsedDocument, chunks: list[_Chunk], parsed, ref) -> None:
    """The parser must read back every unit as what it was: an edited closing line must not
    become a paragraph, nor new text an article heading. New text alone may bring its own
    blocks and (a), (b) items."""
    found = parsed.units()
    n = 0
    for chunk in (c for c in chunks if not c.deleted):
        unit = found[n] if n < len(found) else None
        if unit is None or unit["kind"] != chunk.kind:
            raise AmendmentError(
                _("The amended text would change the structure: %(what)s would read as %(found)s.")
                % {
                    "what": chunk.id or _("the new text"),
                    "found": f"{unit['kind']} {unit['id']}" if unit else _("nothing"),
                },
                ref=ref,
            )
        n += 1
        while chunk.id is None and n < len(found) and found[n]["kind"] in ("block", "subparagraph"):
            n += 1
    if n < len(found):
        raise AmendmentError(
            _("The amended text would change the structure: %(found)s would be added.")
            % {"found": f"{found[n]['kind']} {found[n]['id']}"},
            ref=ref,
        )
    known = {w.message for w in doc.warnings}
    new = [w.message for w in parsed.warnings if w.message not in known]
    if new:
        raise AmendmentError(
            _("The amended text would not read cleanly: %(warning)s") % {"warning": new[0]},
            ref=ref,
        )


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
                group=(run, item.id.rsplit("-", 1)[0]) if run is not None else None,
            )
        )
    _mark_lettered_groups(chunks)
    return chunks


def _mark_lettered_groups(chunks: list[_Chunk]) -> None:
    """Only items lettered a, b, c ... from the start are re-lettered; others keep their labels
    (romans, numbers, a list that starts elsewhere)."""
    groups: dict[tuple, list[_Chunk]] = {}
    for chunk in chunks:
        if chunk.group is not None:
            groups.setdefault(chunk.group, []).append(chunk)
    for members in groups.values():
        if [c.label for c in members] != list(string.ascii_lowercase[: len(members)]):
            for chunk in members:
                chunk.group = None


def _conflict(chunk: _Chunk, change: Change) -> AmendmentError:
    if chunk.changed_by is not None:
        message = _("%(unit)s is already amended by amendment %(other)s.") % {
            "unit": chunk.id,
            "other": chunk.changed_by,
        }
    else:
        message = _("%(unit)s is already amended by another amendment.") % {"unit": chunk.id}
    return AmendmentError(message, field="unit", ref=change.ref)


def _find(chunks: list[_Chunk], change: Change) -> int:
    for n, chunk in enumerate(chunks):
        if chunk.id == change.unit:
            # A new clause may still be placed beside one that another amendment changes.
            if chunk.changed and change.kind != INSERT:
                raise _conflict(chunk, change)
            return n
    raise AmendmentError(
        _("There is no unit %(unit)s in this version.") % {"unit": repr(change.unit)},
        field="unit",
        ref=change.ref,
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
    text = _clean(change, target)
    if change.kind == EDIT:
        target.text, target.changed, target.changed_by = text, True, change.ref
    elif change.kind in (DELETE, REPLACE):
        extent = _extent(chunks, at)
        for n in extent:
            if chunks[n].changed:
                raise _conflict(chunks[n], change)
        for n in extent:
            chunks[n].deleted, chunks[n].changed, chunks[n].changed_by = True, True, change.ref
        if change.kind == REPLACE:
            chunks.insert(extent[-1] + 1, _new_chunk(target, text, replaces=change.unit))
    else:
        if change.place not in (BEFORE, AFTER):
            raise AmendmentError(
                _("An insertion goes 'before' or 'after' a unit."), field="place", ref=change.ref
            )
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
    """The unit at ``at`` with what it holds: a paragraph its blocks and items, a block or an
    item the items under it."""
    head = chunks[at]
    extent, n = [at], at + 1
    while n < len(chunks):
        chunk = chunks[n]
        held = (head.kind == "paragraph" and chunk.owner == head.id) or (
            chunk.id is not None and chunk.id.startswith(f"{head.id}-")
        )
        if not held:
            break
        extent.append(n)
        n += 1
    return extent


def _new_chunk(
    like: _Chunk, text: str, *, anchor: str | None = None, replaces: str | None = None
) -> _Chunk:
    first, *extra = _BLANK_LINE.split(text)
    obj = like.obj
    if like.kind == "paragraph":
        # A replaced article keeps its heading; a new one has none until it is given one.
        heading = like.obj.heading if replaces else None
        obj = replace(like.obj, heading=heading, blocks=[], subparagraphs=[])
    return _Chunk(
        like.kind, None, first.strip(), obj, anchor=anchor, replaces=replaces, extra=extra
    )


def _clean(change: Change, target: _Chunk) -> str:
    text = (change.text or "").replace("\r\n", "\n").strip()
    if change.kind == DELETE:
        return ""
    if not text:
        raise AmendmentError(_("Give the text the amendment proposes."), ref=change.ref)
    if change.kind == EDIT and "\n" in text:
        raise AmendmentError(
            _(
                "An edit changes the words of one unit: no line breaks "
                "(to restructure a paragraph, replace it)."
            ),
            ref=change.ref,
        )
    if target.kind == "preamble" and "\n" in text:
        raise AmendmentError(
            _("A preamble clause is one run of text: no line breaks."), ref=change.ref
        )
    numbered = target.kind == "paragraph" and getattr(target.obj, "kind", "") == "paragraph"
    if numbered or target.kind == "subparagraph":
        text = _LEADING_LABEL.sub("", text, count=1)
    if target.kind == "preamble":
        text = text.rstrip(";,").rstrip()
    return text


def _render_chunks(doc: ParsedDocument, chunks: list[_Chunk]) -> str:
    styles = numbering_styles(doc)
    letters: dict[tuple, int] = {}
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
        if chunk.group is not None:
            label = string.ascii_lowercase[letters.setdefault(chunk.group, 0)]
            letters[chunk.group] += 1
        item = Item(chunk.kind, chunk.id or "", chunk.text, label, obj=obj)
        out.append(render_item(item, doc.language, styles))
        out.extend(block.strip() for block in chunk.extra)
    return "\n\n".join(part for part in out if part) + "\n"
