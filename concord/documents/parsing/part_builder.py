"""Place the units of one part (the main text or an annex) by a table of handlers.

Each unit already has its kind (``classify``). The part opens with its header and title
(``front``); then the builder stands in one zone at a time (the preamble, the body, or past the
closing line) and ``HANDLERS[zone][kind]`` places each unit, as Django's template ``Parser``
looks a block tag up in its ``tags``. A handler may move the builder to another zone. A new
family of lines (a signature block, an acting body) is a ``LineKind``, its test in ``classify``,
and a ``@places`` handler in each zone; ``test_parsing_placement`` checks that no zone is left
without a handler for a kind. Past the closing line, whatever has no handler is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from .dates import _place_and_date, _PlaceDate
from .errors import ParseError, gettext_noop
from .front import read_front
from .items import _Items
from .kinds import LineKind, ParagraphKind
from .markers import _is_heading, _Marker, _to_roman
from .structure import Block, Clause, Paragraph, Part, Section, Subparagraph
from .units import _Unit

if TYPE_CHECKING:
    from .builder import _DocumentBuilder


class Zone(Enum):
    PREAMBLE = "preamble"
    BODY = "body"
    CLOSED = "closed"


Handler = Callable[["_PartBuilder", _Unit], None]
HANDLERS: dict[Zone, dict[LineKind, Handler]] = {zone: {} for zone in Zone}


def places(zone: Zone, *kinds: LineKind) -> Callable[[Handler], Handler]:
    """Register the decorated method as the handler of units of ``kinds`` in ``zone``."""

    def register(handler: Handler) -> Handler:
        for kind in kinds:
            HANDLERS[zone][kind] = handler
        return handler

    return register


def otherwise(zone: Zone) -> Callable[[Handler], Handler]:
    """Register the decorated method for every kind without a handler of its own in ``zone``."""

    def register(handler: Handler) -> Handler:
        for kind in LineKind:
            HANDLERS[zone].setdefault(kind, handler)
        return handler

    return register


# What a numbered unit other than an item, a heading and the closing line have in common: each
# opens something, so the short line before it is a heading and not text.
_OPENERS = frozenset(
    {
        LineKind.ARTICLE,
        LineKind.RULE,
        LineKind.SECTION,
        LineKind.PARAGRAPH,
        LineKind.CLOSING,
        LineKind.HEADING,
    }
)
_PARAGRAPH_KINDS = {LineKind.ARTICLE: ParagraphKind.ARTICLE, LineKind.RULE: ParagraphKind.RULE}

# Whole sentences per numbered unit, so that each reads naturally once translated.
NUMBERING = {
    "section": (
        gettext_noop("the first section is numbered %(number)s (expected %(expected)s)"),
        gettext_noop("section %(number)s follows section %(last)s (expected %(expected)s)"),
    ),
    "paragraph": (
        gettext_noop("the first paragraph is numbered %(number)s (expected %(expected)s)"),
        gettext_noop("paragraph %(number)s follows paragraph %(last)s (expected %(expected)s)"),
    ),
    LineKind.ARTICLE: (
        gettext_noop("the first article is numbered %(number)s (expected %(expected)s)"),
        gettext_noop("article %(number)s follows article %(last)s (expected %(expected)s)"),
    ),
    LineKind.RULE: (
        gettext_noop("the first rule is numbered %(number)s (expected %(expected)s)"),
        gettext_noop("rule %(number)s follows rule %(last)s (expected %(expected)s)"),
    ),
}


class _PartBuilder:
    """Place the units of the main text or of one annex, in order."""

    def __init__(
        self, doc: _DocumentBuilder, units: list[_Unit], prefix: str, anchor: str | None = None
    ) -> None:
        self.doc = doc
        self.units = units
        self.prefix = prefix
        self.part = Part()
        self.article_mode = any(u.kind in _PARAGRAPH_KINDS for u in units)
        first = next((u.found for u in units if u.kind is LineKind.PARAGRAPH), None)
        self.style = first.label if first else None  # "." or ")"
        self.handlers = HANDLERS[Zone.PREAMBLE]
        self.at = 0  # the unit being placed
        self.anchor = anchor  # id of the last unit placed, for unclassified text
        self.paragraph: Paragraph | None = None  # where text and items go; none under a heading
        self.items: _Items | None = None  # of the paragraph, from its first item on
        self.last_section = 0
        self.unnumbered_sections = 0
        self.pending_subheadings: list[dict] = []  # in this section, awaiting their paragraph

    @property
    def implicit(self) -> bool:
        """Nothing in this part is numbered: every operative paragraph is numbered in order."""
        return not self.article_mode and self.style is None

    @property
    def section(self) -> Section | None:
        return self.part.sections[-1] if self.part.sections else None

    @property
    def last_number(self) -> int:
        return self.part.paragraphs[-1].number if self.part.paragraphs else 0

    def build(self) -> Part:
        units = self.units
        start, anchor = read_front(self.doc, units, self.part, self.prefix)
        if anchor is not None:
            self.anchor = anchor
        for at in range(start, len(units)):
            self.at = at
            unit = units[at]
            self.handlers[unit.kind](self, unit)
        return self.part

    def _enter(self, zone: Zone) -> None:
        self.handlers = HANDLERS[zone]

    def _place(self, ident: str) -> None:
        self.anchor = ident

    def _keep(self, unit: _Unit, reason: str) -> None:
        self._place(self.doc.keep(unit, self.anchor, reason))

    def _following(self) -> _Unit | None:
        at = self.at + 1
        return self.units[at] if at < len(self.units) else None

    def _next_is_structural(self) -> bool:
        following = self._following()
        if following is None or following.kind in _OPENERS:
            return True
        return following.kind is LineKind.CLAUSE and _is_heading(following.text)

    # -- the preamble --

    @places(Zone.PREAMBLE, LineKind.ARTICLE, LineKind.RULE, LineKind.SECTION, LineKind.PARAGRAPH)
    def _open_body(self, unit: _Unit) -> None:
        self._enter(Zone.BODY)
        self.handlers[unit.kind](self, unit)

    @places(Zone.PREAMBLE, LineKind.SUBPARAGRAPH)
    def _stray_item(self, unit: _Unit) -> None:
        # Before the body, a place and date close the text even behind an item's label.
        when = _place_and_date(unit.text)
        if when is None:
            self._keep(
                unit,
                gettext_noop(
                    "sub-paragraph outside a numbered paragraph; kept as unclassified text"
                ),
            )
        else:
            self._close(unit, when)

    @places(Zone.PREAMBLE, LineKind.FORMULA)
    def _formula(self, unit: _Unit) -> None:
        self.part.formula = unit.text
        self._place(f"{self.prefix}formula")
        self._enter(Zone.BODY)

    @places(Zone.PREAMBLE, LineKind.CLAUSE)
    def _clause(self, unit: _Unit) -> None:
        self._add_clause(unit.found, unit.text)

    @places(Zone.PREAMBLE, LineKind.HEADING)
    def _preamble_heading(self, unit: _Unit) -> None:
        if self._next_is_structural():
            self._open_body(unit)  # the heading of operative text without a formula
        else:
            self._enacting_or_clause(unit)

    @places(Zone.PREAMBLE, LineKind.TEXT)
    def _preamble_text(self, unit: _Unit) -> None:
        if unit.text[-1] in ".!?":
            self._open_body(unit)  # operative text without a formula
        else:
            self._enacting_or_clause(unit)

    def _enacting_or_clause(self, unit: _Unit) -> None:
        part = self.part
        if part.enacting is None and not part.preamble:
            part.enacting = unit.text
            self._place(f"{self.prefix}enacting")
        else:
            self.doc.warn(
                unit.line, gettext_noop("preamble clause without a recognised leading phrase")
            )
            self._add_clause("", unit.text)

    def _add_clause(self, lead: str, text: str) -> None:
        ident = f"{self.prefix}pre-{len(self.part.preamble) + 1}"
        self.part.preamble.append(Clause(ident, lead, text))
        self._place(ident)

    # -- the closing line, and what may not follow it --

    @places(Zone.PREAMBLE, LineKind.CLOSING)
    @places(Zone.BODY, LineKind.CLOSING)
    def _closing(self, unit: _Unit) -> None:
        self._close(unit, unit.found)

    def _close(self, unit: _Unit, when: _PlaceDate) -> None:
        if when.date is None:
            self.doc.warn(unit.line, gettext_noop("the date is not a valid calendar date"))
        self.part.closing = unit.text
        self._place(f"{self.prefix}closing")
        self._enter(Zone.CLOSED)

    @otherwise(Zone.CLOSED)
    def _after_closing(self, unit: _Unit) -> None:
        raise ParseError(unit.line, gettext_noop("text after the closing line"))

    # -- the operative part --

    @places(Zone.BODY, LineKind.SECTION)
    def _start_section(self, unit: _Unit) -> None:
        marker: _Marker = unit.found
        roman = not marker.label.isdigit()
        self._check_number(unit, "section", marker.number, self.last_section, roman)
        self.last_section = marker.number
        self.part.sections.append(Section(marker.label, marker.heading))
        self.paragraph = None
        self.pending_subheadings.clear()
        self._place(f"{self.prefix}sec-{marker.label}")

    @places(Zone.BODY, LineKind.ARTICLE, LineKind.RULE)
    def _start_article(self, unit: _Unit) -> None:
        marker: _Marker = unit.found
        self._check_number(unit, marker.kind, marker.number, self.last_number)
        short = "art" if marker.kind is LineKind.ARTICLE else "rule"
        paragraph = self._open_paragraph(f"{self.prefix}{short}-{marker.number}", marker.number)
        paragraph.kind = _PARAGRAPH_KINDS[marker.kind]
        paragraph.heading = marker.heading
        if marker.text:
            paragraph.blocks.append(Block(paragraph.id, marker.text))

    @places(Zone.BODY, LineKind.PARAGRAPH)
    def _add_numbered(self, unit: _Unit) -> None:
        marker: _Marker = unit.found
        if self.article_mode or (self.paragraph is not None and marker.label != self.style):
            # Paragraphs inside an article, or "1)" items inside a "1." paragraph: its text.
            self._add_text(unit)
            return
        self._check_number(unit, "paragraph", marker.number, self.last_number)
        paragraph = self._open_paragraph(f"{self.prefix}op-{marker.number}", marker.number)
        paragraph.blocks.append(Block(paragraph.id, marker.text))

    @places(Zone.BODY, LineKind.SUBPARAGRAPH)
    def _add_subparagraph(self, unit: _Unit) -> None:
        paragraph, marker = self.paragraph, unit.found
        if paragraph is None:
            self._keep(
                unit,
                gettext_noop(
                    "sub-paragraph outside a numbered paragraph; kept as unclassified text"
                ),
            )
            return
        if not paragraph.blocks:  # items straight under "Article 3": an empty opening block
            paragraph.blocks.append(Block(paragraph.id, ""))
        if self.items is None:
            self.items = _Items()
        ident, repeated = self.items.add(marker.label, paragraph.blocks[-1].id)
        if repeated:
            self.doc.warn(
                unit.line,
                gettext_noop("sub-paragraph (%(label)s) repeats a label"),
                label=marker.label,
            )
        paragraph.subparagraphs.append(Subparagraph(ident, marker.label, marker.text))
        self._place(ident)

    @places(Zone.BODY, LineKind.HEADING)
    def _body_heading(self, unit: _Unit) -> None:
        text = unit.text
        if self._fill_heading_slot(text):
            return
        if self._heads_something():
            self._add_heading(text)
        else:
            self._add_text(unit)

    @places(Zone.BODY, LineKind.CLAUSE)
    def _body_clause(self, unit: _Unit) -> None:
        # A leading phrase makes a clause only in the preamble; here it may open a heading.
        if _is_heading(unit.text):
            self._body_heading(unit)
        else:
            self._add_text(unit)

    @places(Zone.BODY, LineKind.FORMULA, LineKind.TEXT)
    def _add_text(self, unit: _Unit) -> None:
        paragraph = self.paragraph
        if self.implicit:
            self._add_implicit_paragraph(unit)
            return
        if paragraph is None:
            self._keep(
                unit,
                gettext_noop("text outside any numbered paragraph; kept as unclassified text"),
            )
            return
        blocks = paragraph.blocks
        if len(blocks) == 1 and blocks[0].text == "" and not paragraph.subparagraphs:
            blocks[0].text = unit.text  # the number stood alone on its line
            return
        ident = paragraph.id if not blocks else f"{paragraph.id}-{len(blocks) + 1}"
        blocks.append(Block(ident, unit.text))
        if self.items is not None:
            self.items.interrupt()
        self._place(ident)

    def _heads_something(self) -> bool:
        """A heading stands before a paragraph, a section, another heading or the end.

        Unnumbered text counts as a paragraph where nothing is numbered: rendered, it gets its
        number, so the heading reads the same both ways.
        """
        if self._next_is_structural():
            return True
        return self.implicit and self.units[self.at + 1].kind is not LineKind.SUBPARAGRAPH

    def _check_number(
        self, unit: _Unit, noun: str, number: int, last: int, roman: bool = False
    ) -> None:
        if number == last + 1:
            return
        name = _to_roman if roman else str
        if last == 0:
            raise ParseError(
                unit.line,
                NUMBERING[noun][0],
                number=name(number),
                expected=name(1),
            )
        raise ParseError(
            unit.line,
            NUMBERING[noun][1],
            number=name(number),
            last=name(last),
            expected=name(last + 1),
        )

    def _open_paragraph(self, ident: str, number: int) -> Paragraph:
        paragraph = Paragraph(ident, number)
        part = self.part
        part.paragraphs.append(paragraph)
        if part.sections:
            part.sections[-1].paragraphs.append(number)
        if self.pending_subheadings:
            for subheading in self.pending_subheadings:
                subheading["before"] = number
            self.pending_subheadings.clear()
        self.paragraph = paragraph
        self.items = None
        self._place(ident)
        return paragraph

    def _add_implicit_paragraph(self, unit: _Unit) -> None:
        number = self.last_number + 1
        if number == 1:
            self.doc.warn(
                unit.line, gettext_noop("paragraphs are not numbered; numbered in reading order")
            )
        paragraph = self._open_paragraph(f"{self.prefix}op-{number}", number)
        paragraph.blocks.append(Block(paragraph.id, unit.text))

    def _fill_heading_slot(self, text: str) -> bool:
        """The title line under "Article 3", or the heading line under a bare "II"."""
        paragraph = self.paragraph
        if paragraph is not None and paragraph.kind != ParagraphKind.PARAGRAPH:
            return _fill_title(paragraph, text)
        return paragraph is None and _fill_section_heading(self.section, text)

    def _add_heading(self, text: str) -> None:
        section = self.section
        self.paragraph = None
        if section is not None and section.number is not None:
            subheading = {"before": None, "text": text}
            section.subheadings.append(subheading)
            self.pending_subheadings.append(subheading)
            self._place(f"{self.prefix}sec-{section.number}-sub-{len(section.subheadings)}")
            return
        self.unnumbered_sections += 1
        self.part.sections.append(Section(None, text))
        self.pending_subheadings.clear()
        self._place(f"{self.prefix}sec-h{self.unnumbered_sections}")


def _fill_title(article: Paragraph, text: str) -> bool:
    empty = article.heading is None and not article.blocks and not article.subparagraphs
    if empty:
        article.heading = text
    return empty


def _fill_section_heading(section: Section | None, text: str) -> bool:
    if section is None or section.heading is not None:
        return False
    empty = not section.paragraphs and not section.subheadings
    if empty:
        section.heading = text
    return empty
