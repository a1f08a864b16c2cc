"""What a reader calls each unit of a text — "Title", "Preambular paragraph 2", "Operative
paragraph 7, second subparagraph", "Operative paragraph 1 (b) (ii)" — in the reader's language.
The parser's ids (``title``, ``pre-2``, ``op-7-2``, ``op-1-b-ii``) are for links, anchors,
amendments and the API; every page that names a unit names it with these labels.

Entry points: ``unit_labels(doc)`` for a parsed document, ``text_labels(structure)`` for a
stored structure (``Text.structure``), ``unit_label(structure, uid)`` for one unit.

The labels follow the reading order of ``rendering.walk``: a preambular paragraph is counted
within its part, a subparagraph is named after the paragraph (and the item) it stands in.
Paragraphs are "operative" only in a part that has a preamble or an operative formula; in a
plain numbered text they are just paragraphs.
"""

from django.utils.translation import gettext as _

from .parsing import ParagraphKind, ParsedDocument, UnitKind
from .rendering import Item, walk


def unit_labels(doc: ParsedDocument) -> dict[str, str]:
    """Each unit's id mapped to its label."""
    labels: dict[str, str] = {}
    items: dict[str, str] = {}  # lettered subparagraphs by id, for the items nested in them
    annex, paragraph, clauses, blocks, operative = "", "", 0, 0, False
    for item in walk(doc):
        if item.kind == UnitKind.ANNEX:
            annex = _("Annex %(n)s") % {"n": item.number}
            paragraph, clauses, operative = "", 0, False
            labels[item.id] = annex
            continue
        if item.kind == UnitKind.PREAMBLE:
            clauses += 1
            operative = True
            label = _("Preambular paragraph %(n)s") % {"n": clauses}
        elif item.kind == UnitKind.PARAGRAPH:
            label = paragraph = _paragraph(item, operative)
            blocks = 1
        elif item.kind == UnitKind.BLOCK:
            blocks += 1
            label = _nth_subparagraph(paragraph, blocks)
        elif item.kind == UnitKind.SUBPARAGRAPH:
            label = items[item.id] = f"{_parent(item.id, items) or paragraph} ({item.number})"
        elif item.kind == UnitKind.SECTION:
            label = _("Section %(n)s") % {"n": item.number} if item.number else _("Section")
        else:
            operative = operative or item.kind == UnitKind.FORMULA
            label = kind_label(item.kind)
        labels[item.id] = (
            _("%(annex)s: %(unit)s") % {"annex": annex, "unit": label} if annex else label
        )
    return labels


def in_sentence(label: str) -> str:
    """A label within a sentence ("an amendment to paragraph 3"), where it is not its start."""
    return label[:1].lower() + label[1:]


def text_labels(structure: dict) -> dict[str, str]:
    """Each unit's id mapped to its label, from a stored structure (``Text.structure``)."""
    return unit_labels(ParsedDocument.from_dict(structure))


def unit_label(structure: dict, uid: str) -> str:
    """The label of one unit; a unit the structure does not hold is called "a passage"."""
    return text_labels(structure).get(uid) or _("A passage")


def kind_label(kind: str) -> str:
    """What a reader calls a unit of a kind that occurs once in a part ("Opening words")."""
    return {
        UnitKind.HEADER: _("Heading"),
        UnitKind.TITLE: _("Title"),
        UnitKind.ENACTING: _("Opening words"),
        UnitKind.PREAMBLE: _("Preamble"),
        UnitKind.FORMULA: _("Operative formula"),
        UnitKind.SECTION: _("Section"),
        UnitKind.SUBHEADING: _("Subheading"),
        UnitKind.PARAGRAPH: _("Paragraph"),
        UnitKind.BLOCK: _("Subparagraph"),
        UnitKind.SUBPARAGRAPH: _("Subparagraph"),
        UnitKind.CLOSING: _("Closing"),
        UnitKind.ANNEX: _("Annex"),
        UnitKind.UNCLASSIFIED: _("Unclassified text"),
    }[UnitKind(kind)]


def _paragraph(item: Item, operative: bool) -> str:
    n = {"n": item.number}
    kind = getattr(item.obj, "kind", ParagraphKind.PARAGRAPH)
    if kind == ParagraphKind.ARTICLE:
        return _("Article %(n)s") % n
    if kind == ParagraphKind.RULE:
        return _("Rule %(n)s") % n
    return _("Operative paragraph %(n)s") % n if operative else _("Paragraph %(n)s") % n


def _nth_subparagraph(paragraph: str, n: int) -> str:
    """The n-th unlettered subparagraph of a paragraph, its opening words being the first."""
    p = {"paragraph": paragraph}
    ordinals = {
        2: _("%(paragraph)s, second subparagraph"),
        3: _("%(paragraph)s, third subparagraph"),
        4: _("%(paragraph)s, fourth subparagraph"),
        5: _("%(paragraph)s, fifth subparagraph"),
        6: _("%(paragraph)s, sixth subparagraph"),
        7: _("%(paragraph)s, seventh subparagraph"),
        8: _("%(paragraph)s, eighth subparagraph"),
        9: _("%(paragraph)s, ninth subparagraph"),
    }
    if n in ordinals:
        return ordinals[n] % p
    return _("%(paragraph)s, subparagraph %(n)s") % {**p, "n": n}


def _parent(uid: str, items: dict[str, str]) -> str | None:
    """The label of the item a nested one stands in: ``op-1-b-ii`` is in ``op-1-b``, while
    ``op-1-b-2``, a repeated (b), stands beside it."""
    parent, last = uid.rsplit("-", 1)
    return items.get(parent) if not last.isdigit() else None
