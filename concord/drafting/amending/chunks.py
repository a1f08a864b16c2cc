"""A draft cut into chunks, one per unit ``rendering.walk`` yields; the kinds of amendment change
the chunks, which are then written out as plain text, paragraphs numbered afresh and lettered
sub-paragraphs re-lettered, and parsed again."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from concord.documents import parsing, problems
from concord.documents.labels import kind_label, unit_labels
from concord.documents.parsing import ParsedDocument, UnitKind
from concord.documents.rendering import Item, numbering_styles, render_item, walk

from .registry import AmendmentError, Change, kinds

_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass
class Chunk:
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

    def edit(self, text: str, change: Change) -> None:
        self.text, self.changed, self.changed_by = text, True, change.ref

    def strike(self, change: Change) -> None:
        self.deleted, self.changed, self.changed_by = True, True, change.ref


@dataclass(frozen=True)
class Trace:
    """Which amendment (by number) made each unit of the new text, and which struck each unit
    of the old one: what the new version shows beside its changes."""

    made: dict[str, int]
    struck: dict[str, int]

    def of(self, ref: int) -> tuple[list[str], list[str]]:
        """The units amendment ``ref`` made and struck."""
        return (
            [uid for uid, by in self.made.items() if by == ref],
            [uid for uid, by in self.struck.items() if by == ref],
        )


def apply(structure: dict, changes: list[Change]) -> ParsedDocument:
    """The document ``changes`` make of ``structure``; ``AmendmentError`` names what cannot be."""
    return apply_traced(structure, changes)[0]


def apply_traced(structure: dict, changes: list[Change]) -> tuple[ParsedDocument, Trace]:
    """``apply``, with the trace of which amendment made or struck each unit."""
    doc = ParsedDocument.from_dict(structure)
    chunks = _chunks(doc)
    labels = unit_labels(doc)
    for change in changes:
        _apply(chunks, change, labels)
    text = _render_chunks(doc, chunks)
    ref = changes[0].ref if len(changes) == 1 else None
    try:
        parsed = parsing.parse(text, language=doc.language)
    except parsing.ParseError as exc:
        message = _("The amended text would not read as a document: %(error)s") % {
            "error": problems.problem(exc)
        }
        raise AmendmentError(message, ref=ref) from exc
    made = _check_structure(doc, chunks, parsed, ref)
    struck = {c.id: c.changed_by for c in chunks if c.deleted and c.changed_by is not None}
    return parsed, Trace(made, struck)


def _check_structure(doc: ParsedDocument, chunks: list[Chunk], parsed, ref) -> dict[str, int]:
    """The parser must read back every unit as what it was: an edited closing line must not
    become a paragraph, nor new text an article heading. New text alone may bring its own
    blocks and (a), (b) items. The units each amendment made, by their new ids."""
    found = parsed.units()
    made: dict[str, int] = {}
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
        if chunk.changed_by is not None:
            made[unit["id"]] = chunk.changed_by
        n += 1
        while (
            chunk.id is None
            and n < len(found)
            and found[n]["kind"] in (UnitKind.BLOCK, UnitKind.SUBPARAGRAPH)
        ):
            if chunk.changed_by is not None:
                made[found[n]["id"]] = chunk.changed_by
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
    return made


def _chunks(doc: ParsedDocument) -> list[Chunk]:
    chunks: list[Chunk] = []
    owner, run, runs = None, None, 0
    for item in walk(doc):
        if item.kind in (UnitKind.PARAGRAPH, UnitKind.ANNEX):
            owner = item.id
        if item.kind == UnitKind.SUBPARAGRAPH:
            if run is None:
                runs += 1
                run = runs
        else:
            run = None
        chunks.append(
            Chunk(
                item.kind,
                item.id,
                item.text,
                item.obj,
                label=item.number,
                owner=owner if item.kind in (UnitKind.BLOCK, UnitKind.SUBPARAGRAPH) else None,
                group=(run, item.id.rsplit("-", 1)[0]) if run is not None else None,
            )
        )
    _mark_lettered_groups(chunks)
    return chunks


def _mark_lettered_groups(chunks: list[Chunk]) -> None:
    """Only items lettered a, b, c ... from the start are re-lettered; others keep their labels
    (romans, numbers, a list that starts elsewhere)."""
    groups: dict[tuple, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.group is not None:
            groups.setdefault(chunk.group, []).append(chunk)
    for members in groups.values():
        if [c.label for c in members] != list(string.ascii_lowercase[: len(members)]):
            for chunk in members:
                chunk.group = None


def conflict(chunk: Chunk, change: Change) -> AmendmentError:
    if chunk.changed_by is not None:
        message = _("%(unit)s is already amended by amendment %(other)s.") % {
            "unit": chunk.id,
            "other": chunk.changed_by,
        }
    else:
        message = _("%(unit)s is already amended by another amendment.") % {"unit": chunk.id}
    return AmendmentError(message, field="unit", ref=change.ref)


def _find(chunks: list[Chunk], change: Change, beside_changed: bool) -> int:
    for n, chunk in enumerate(chunks):
        if chunk.id == change.unit:
            if chunk.changed and not beside_changed:
                raise conflict(chunk, change)
            return n
    raise AmendmentError(
        _("There is no unit %(unit)s in this version.") % {"unit": repr(change.unit)},
        field="unit",
        ref=change.ref,
    )


def _apply(chunks: list[Chunk], change: Change, labels: dict[str, str]) -> None:
    try:
        kind = kinds.get(change.kind)
    except AmendmentError as exc:
        raise AmendmentError(exc.message, field=exc.field, ref=change.ref) from exc
    at = _find(chunks, change, kind.beside_changed)
    target = chunks[at]
    if target.kind not in kind.targets:
        # Named as the form names them: "Title", "Replace" (the API's request says which id).
        named = {
            "unit": labels.get(change.unit) or kind_label(target.kind),
            "kind": kind.label,
        }
        raise AmendmentError(
            _(
                "%(unit)s cannot be the object of the amendment “%(kind)s”: choose another "
                "paragraph or clause, or another kind of amendment."
            )
            % named,
            field="unit",
            ref=change.ref,
        )
    kind.apply(chunks, at, change, kind.clean(change, target))


def extent(chunks: list[Chunk], at: int) -> list[int]:
    """The unit at ``at`` with what it holds: a paragraph its blocks and items, a block or an
    item the items under it."""
    head = chunks[at]
    indices, n = [at], at + 1
    while n < len(chunks):
        chunk = chunks[n]
        held = (head.kind == UnitKind.PARAGRAPH and chunk.owner == head.id) or (
            chunk.id is not None and chunk.id.startswith(f"{head.id}-")
        )
        if not held:
            break
        indices.append(n)
        n += 1
    return indices


def strike(chunks: list[Chunk], at: int, change: Change) -> list[int]:
    """Delete the unit at ``at`` with what it holds, unless another amendment changes any of
    it; the indices struck."""
    indices = extent(chunks, at)
    for n in indices:
        if chunks[n].changed:
            raise conflict(chunks[n], change)
    for n in indices:
        chunks[n].strike(change)
    return indices


def new_chunk(
    like: Chunk,
    text: str,
    change: Change,
    *,
    anchor: str | None = None,
    replaces: str | None = None,
) -> Chunk:
    """New text of the same kind of unit as ``like``, not yet numbered, made by ``change``."""
    first, *extra = _BLANK_LINE.split(text)
    obj = like.obj
    if like.kind == UnitKind.PARAGRAPH:
        # A replaced article keeps its heading; a new one has none until it is given one.
        heading = like.obj.heading if replaces else None
        obj = replace(like.obj, heading=heading, blocks=[], subparagraphs=[])
    return Chunk(
        like.kind,
        None,
        first.strip(),
        obj,
        anchor=anchor,
        replaces=replaces,
        changed_by=change.ref,
        extra=extra,
    )


def wordings(structure: dict) -> dict[str, str]:
    """Each unit's current words as a replacement or a deletion takes them: a paragraph with
    its blocks and lettered items, separated by blank lines as the proposed text is written."""
    doc = ParsedDocument.from_dict(structure)
    chunks = _chunks(doc)
    styles = numbering_styles(doc)
    out = {}
    for at, chunk in enumerate(chunks):
        if chunk.id is None:
            continue
        parts = [chunk.text]
        for n in extent(chunks, at)[1:]:
            held = chunks[n]
            item = Item(held.kind, held.id, held.text, held.label, obj=held.obj)
            parts.append(render_item(item, doc.language, styles))
        out[chunk.id] = "\n\n".join(part for part in parts if part)
    return out


def _render_chunks(doc: ParsedDocument, chunks: list[Chunk]) -> str:
    styles = numbering_styles(doc)
    letters: dict[tuple, int] = {}
    number = 0
    out = []
    for chunk in chunks:
        if chunk.deleted:
            continue
        obj, label = chunk.obj, chunk.label
        if chunk.kind == UnitKind.ANNEX:
            number = 0
        if chunk.kind == UnitKind.PARAGRAPH:
            number += 1
            obj, label = replace(chunk.obj, number=number), str(number)
        if chunk.group is not None:
            label = string.ascii_lowercase[letters.setdefault(chunk.group, 0)]
            letters[chunk.group] += 1
        item = Item(chunk.kind, chunk.id or "", chunk.text, label, obj=obj)
        out.append(render_item(item, doc.language, styles))
        out.extend(block.strip() for block in chunk.extra)
    return "\n\n".join(part for part in out if part) + "\n"
