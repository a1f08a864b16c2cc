"""What a reader calls each unit of a text — "Title", "Preamble, clause 2", "Paragraph 1 (b)
(ii)" — in the reader's language. The parser's ids (``title``, ``pre-2``, ``op-1-b-ii``) are for
links and amendments; a page that lists units names them with these.

The labels follow the reading order of ``rendering.walk``: a clause is counted within its part,
a sub-paragraph is named after the paragraph (and the item) it stands in.
"""

from django.utils.translation import gettext as _

from .parsing import ParagraphKind, ParsedDocument, UnitKind
from .rendering import Item, walk


def unit_labels(doc: ParsedDocument) -> dict[str, str]:
    """Each unit's id mapped to its label."""
    labels: dict[str, str] = {}
    items: dict[str, str] = {}  # sub-paragraphs by id, for the items nested in them
    annex, paragraph, clauses = "", "", 0
    for item in walk(doc):
        if item.kind == UnitKind.ANNEX:
            annex, paragraph, clauses = _("Annex %(n)s") % {"n": item.number}, "", 0
            labels[item.id] = annex
            continue
        if item.kind == UnitKind.PREAMBLE:
            clauses += 1
            label = _("Preamble, clause %(n)s") % {"n": clauses}
        elif item.kind == UnitKind.PARAGRAPH:
            label = paragraph = _paragraph(item)
        elif item.kind == UnitKind.BLOCK:
            label = _("%(paragraph)s, continued") % {"paragraph": paragraph}
        elif item.kind == UnitKind.SUBPARAGRAPH:
            label = items[item.id] = f"{_parent(item.id, items) or paragraph} ({item.number})"
        elif item.kind == UnitKind.SECTION:
            label = _("Section %(n)s") % {"n": item.number} if item.number else _("Section")
        else:
            label = _named(item.kind)
        labels[item.id] = (
            _("%(annex)s: %(unit)s") % {"annex": annex, "unit": label} if annex else label
        )
    return labels


def in_sentence(label: str) -> str:
    """A label within a sentence ("an amendment to paragraph 3"), where it is not its start."""
    return label[:1].lower() + label[1:]


def _paragraph(item: Item) -> str:
    n = {"n": item.number}
    kind = getattr(item.obj, "kind", ParagraphKind.PARAGRAPH)
    if kind == ParagraphKind.ARTICLE:
        return _("Article %(n)s") % n
    if kind == ParagraphKind.RULE:
        return _("Rule %(n)s") % n
    return _("Paragraph %(n)s") % n


def _parent(uid: str, items: dict[str, str]) -> str | None:
    """The label of the item a nested one stands in: ``op-1-b-ii`` is in ``op-1-b``, while
    ``op-1-b-2``, a repeated (b), stands beside it."""
    parent, last = uid.rsplit("-", 1)
    return items.get(parent) if not last.isdigit() else None


def _named(kind: UnitKind) -> str:
    return {
        UnitKind.HEADER: _("Heading"),
        UnitKind.TITLE: _("Title"),
        UnitKind.ENACTING: _("Opening words"),
        UnitKind.FORMULA: _("Operative formula"),
        UnitKind.SUBHEADING: _("Subheading"),
        UnitKind.CLOSING: _("Closing"),
        UnitKind.UNCLASSIFIED: _("Unclassified text"),
    }[kind]
