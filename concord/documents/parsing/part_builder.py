"""Place the units of one part (the main text or an annex): the state machine of the parser."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import vocabulary
from .dates import _front_line, _place_and_date
from .errors import ParseError
from .lettercase import _continues_title, _normalise_title
from .markers import _is_doubled_letter, _is_heading, _Marker, _marker, _roman_value, _to_roman
from .preamble import _is_formula, _lead, _without_separator
from .structure import Block, Clause, Paragraph, Part, Section, Subparagraph
from .units import _Unit

if TYPE_CHECKING:
    from .builder import _DocumentBuilder


_PREAMBLE, _BODY, _CLOSED = "preamble", "body", "closed"


@dataclass(slots=True)
class _SubItem:
    kind: str  # "letter" | "roman"
    label: str
    id: str
    value: int = 0
    parent: str | None = None


class _PartBuilder:
    """Place the units of the main text or of one annex, in order."""

    def __init__(
        self, doc: _DocumentBuilder, units: list[_Unit], prefix: str, anchor: str | None = None
    ) -> None:
        self.doc = doc
        self.units = units
        self.markers = [_marker(u.text) for u in units]
        self.prefix = prefix
        self.part = Part()
        self.zone = _PREAMBLE
        self.anchor = anchor  # id of the last unit placed, for unclassified text
        self.article_mode = any(m and m.kind in ("article", "rule") for m in self.markers)
        paragraph_markers = (m for m in self.markers if m and m.kind == "paragraph")
        first = next(paragraph_markers, None)
        self.style = first.label if first else None  # "." or ")"
        self.paragraph: Paragraph | None = None
        self.section: Section | None = None
        self.unnumbered_sections = 0
        self.last_number = 0
        self.last_section = 0
        self.pending_subheadings: list[dict] = []
        self.previous_item: _SubItem | None = None
        self.item_ids: set[str] = set()
        self.repeats: dict[str, int] = {}
        self.section_id = ""

    @property
    def implicit(self) -> bool:
        """Nothing in this part is numbered: every operative paragraph is numbered in order."""
        return not self.article_mode and self.style is None

    def build(self) -> Part:
        for i in range(self._read_front(), len(self.units)):
            if self.zone == _CLOSED:
                raise ParseError(self.units[i].line, "text after the closing line")
            if self.zone == _PREAMBLE:
                self._place_in_preamble(i)
            else:
                self._place_in_body(i)
        return self.part

    def _place(self, ident: str) -> None:
        self.anchor = ident

    # -- header and title --

    def _read_front(self) -> int:
        """Header lines, then the title; returns where the enacting part or preamble begins."""
        units, part = self.units, self.part
        limit = next((i for i in range(len(units)) if self._opens_body(i)), len(units))
        fronts = [_front_line(u.text) for u in units[:limit]]
        for unit, front in zip(units, fronts, strict=False):
            if front and front.when and front.when.date is None:
                self.doc.warn(unit.line, "the date is not a valid calendar date")
        candidates = [i for i in range(limit) if fronts[i] is None]
        title_at = next((i for i in candidates if vocabulary.DOCTYPE.match(units[i].text)), None)
        if title_at is None and candidates:
            title_at = candidates[-1]  # without a document type, the line just above the text
        if title_at is None:
            self._add_header(units[:limit])
            if part.header:
                self._place(f"{self.prefix}header-{len(part.header)}")
            if not self.prefix:
                self.doc.warn(units[0].line if units else 1, "no title found")
            return limit
        self._add_header(units[:title_at])
        title_lines = list(units[title_at].lines)
        i = title_at + 1
        while i < limit:
            if fronts[i] is not None:
                self._add_header([units[i]])
            elif _continues_title(units[i].text, title_lines):
                title_lines.extend(units[i].lines)
            else:
                break
            i += 1
        part.title = _normalise_title(title_lines)
        part.title_line = units[title_at].line
        self._place(f"{self.prefix}title")
        return i

    def _add_header(self, units: list[_Unit]) -> None:
        self.part.header.extend(u.text for u in units)

    def _opens_body(self, i: int) -> bool:
        text = self.units[i].text
        if self.markers[i] is not None or text[-1] in ",;:":
            return True
        return _lead(text) is not None and _front_line(text) is None

    # -- preamble --

    def _place_in_preamble(self, i: int) -> None:
        unit, marker, part = self.units[i], self.markers[i], self.part
        text = unit.text
        if marker is not None and marker.kind != "subparagraph":
            self._enter_body(i)
        elif self._close(unit):
            pass
        elif marker is not None:
            self._keep(unit, "sub-paragraph outside a numbered paragraph")
        elif part.formula is None and _is_formula(text):
            part.formula = text
            self._place(f"{self.prefix}formula")
            self.zone = _BODY
        elif (lead := _lead(text)) is not None:
            self._add_clause(lead, text)
        elif text[-1] in ".!?" or (_is_heading(text) and self._next_is_structural(i)):
            self._enter_body(i)  # operative text without a formula
        elif part.enacting is None and not part.preamble:
            part.enacting = _without_separator(text)
            self._place(f"{self.prefix}enacting")
        else:
            self.doc.warn(unit.line, "preamble clause without a recognised leading phrase")
            self._add_clause("", text)

    def _enter_body(self, i: int) -> None:
        self.zone = _BODY
        self._place_in_body(i)

    def _add_clause(self, lead: str, text: str) -> None:
        ident = f"{self.prefix}pre-{len(self.part.preamble) + 1}"
        self.part.preamble.append(Clause(ident, lead, _without_separator(text)))
        self._place(ident)

    # -- operative part --

    def _place_in_body(self, i: int) -> None:
        unit, marker = self.units[i], self.markers[i]
        if marker is not None:
            if marker.kind == "section":
                self._start_section(unit, marker)
            elif marker.kind == "subparagraph":
                self._add_subparagraph(unit, marker)
            elif marker.kind == "paragraph":
                self._add_numbered(unit, marker)
            else:
                self._start_article(unit, marker)
        elif self._close(unit) or (_is_heading(unit.text) and self._fill_heading_slot(unit.text)):
            pass
        elif _is_heading(unit.text) and self._heads_something(i):
            self._add_heading(unit.text)
        else:
            self._add_text(unit)

    def _heads_something(self, i: int) -> bool:
        """A heading stands before a paragraph, a section, another heading or the end.

        Unnumbered text counts as a paragraph where nothing is numbered: rendered, it gets its
        number, so the heading reads the same both ways.
        """
        if self._next_is_structural(i):
            return True
        return self.implicit and self.markers[i + 1] is None

    def _next_is_structural(self, i: int) -> bool:
        if i + 1 >= len(self.units):
            return True
        following = self.markers[i + 1]
        if following is not None:
            return following.kind != "subparagraph"
        text = self.units[i + 1].text
        return _is_heading(text) or _place_and_date(text) is not None

    def _close(self, unit: _Unit) -> bool:
        when = _place_and_date(unit.text)
        if when is None:
            return False
        if when.date is None:
            self.doc.warn(unit.line, "the date is not a valid calendar date")
        self.part.closing = unit.text
        self._place(f"{self.prefix}closing")
        self.zone = _CLOSED
        return True

    def _check_number(
        self, unit: _Unit, noun: str, number: int, last: int, roman: bool = False
    ) -> None:
        if number == last + 1:
            return
        name = _to_roman if roman else str
        if last == 0:
            message = f"the first {noun} is numbered {name(number)} (expected {name(1)})"
        else:
            message = (
                f"{noun} {name(number)} follows {noun} {name(last)} (expected {name(last + 1)})"
            )
        raise ParseError(unit.line, message)

    def _start_section(self, unit: _Unit, marker: _Marker) -> None:
        roman = not marker.label.isdigit()
        self._check_number(unit, "section", marker.number, self.last_section, roman)
        self.last_section = marker.number
        self.section = Section(marker.label, marker.heading)
        self.part.sections.append(self.section)
        self.paragraph = None
        self.pending_subheadings = []
        self.section_id = f"{self.prefix}sec-{marker.label}"
        self._place(self.section_id)

    def _start_article(self, unit: _Unit, marker: _Marker) -> None:
        self._check_number(unit, marker.kind, marker.number, self.last_number)
        short = "art" if marker.kind == "article" else "rule"
        paragraph = self._open_paragraph(f"{self.prefix}{short}-{marker.number}", marker.number)
        paragraph.kind = marker.kind
        paragraph.heading = marker.heading
        if marker.text:
            paragraph.blocks.append(Block(paragraph.id, marker.text))

    def _add_numbered(self, unit: _Unit, marker: _Marker) -> None:
        if self.article_mode or (self.paragraph is not None and marker.label != self.style):
            # Paragraphs inside an article, or "1)" items inside a "1." paragraph: its text.
            self._add_text(unit)
            return
        self._check_number(unit, "paragraph", marker.number, self.last_number)
        paragraph = self._open_paragraph(f"{self.prefix}op-{marker.number}", marker.number)
        paragraph.blocks.append(Block(paragraph.id, marker.text))

    def _open_paragraph(self, ident: str, number: int) -> Paragraph:
        self.last_number = number
        paragraph = Paragraph(ident, number)
        self.part.paragraphs.append(paragraph)
        if self.section is not None:
            self.section.paragraphs.append(number)
        for subheading in self.pending_subheadings:
            subheading["before"] = number
        self.pending_subheadings = []
        self.paragraph = paragraph
        self.previous_item = None
        self.item_ids = set()
        self.repeats = {}
        self._place(ident)
        return paragraph

    def _add_text(self, unit: _Unit) -> None:
        paragraph = self.paragraph
        if self.implicit:
            self._add_implicit_paragraph(unit)
            return
        if paragraph is None:
            self._keep(unit, "text outside any numbered paragraph")
            return
        blocks = paragraph.blocks
        if len(blocks) == 1 and blocks[0].text == "" and not paragraph.subparagraphs:
            blocks[0].text = unit.text  # the number stood alone on its line
            return
        ident = paragraph.id if not blocks else f"{paragraph.id}-{len(blocks) + 1}"
        blocks.append(Block(ident, unit.text))
        self.previous_item = None
        self._place(ident)

    def _add_implicit_paragraph(self, unit: _Unit) -> None:
        if self.last_number == 0:
            self.doc.warn(unit.line, "paragraphs are not numbered; numbered in reading order")
        number = self.last_number + 1
        paragraph = self._open_paragraph(f"{self.prefix}op-{number}", number)
        paragraph.blocks.append(Block(paragraph.id, unit.text))

    def _fill_heading_slot(self, text: str) -> bool:
        """The title line under "Article 3", or the heading line under a bare "II"."""
        paragraph, section = self.paragraph, self.section
        if paragraph is not None and paragraph.kind != "paragraph":
            if paragraph.heading is None and not paragraph.blocks and not paragraph.subparagraphs:
                paragraph.heading = text
                return True
            return False
        if (
            section is not None
            and paragraph is None
            and section.heading is None
            and not section.paragraphs
            and not section.subheadings
        ):
            section.heading = text
            return True
        return False

    def _add_heading(self, text: str) -> None:
        section = self.section
        self.paragraph = None
        if section is not None and section.number is not None:
            subheading = {"before": None, "text": text}
            section.subheadings.append(subheading)
            self.pending_subheadings.append(subheading)
            self._place(f"{self.section_id}-sub-{len(section.subheadings)}")
            return
        self.unnumbered_sections += 1
        self.section = Section(None, text)
        self.part.sections.append(self.section)
        self.pending_subheadings = []
        self.section_id = f"{self.prefix}sec-h{self.unnumbered_sections}"
        self._place(self.section_id)

    def _add_subparagraph(self, unit: _Unit, marker: _Marker) -> None:
        paragraph = self.paragraph
        if paragraph is None:
            self._keep(unit, "sub-paragraph outside a numbered paragraph")
            return
        if not paragraph.blocks:  # items straight under "Article 3": an empty opening block
            paragraph.blocks.append(Block(paragraph.id, ""))
        base = paragraph.blocks[-1].id
        item = _next_item(marker.label, self.previous_item, base)
        if item.id in self.item_ids:
            self.doc.warn(unit.line, f"sub-paragraph ({marker.label}) repeats a label")
            n = self.repeats.get(item.id, 1) + 1
            while f"{item.id}-{n}" in self.item_ids:
                n += 1
            self.repeats[item.id] = n
            item.id = f"{item.id}-{n}"
        self.item_ids.add(item.id)
        ident = item.id
        paragraph.subparagraphs.append(Subparagraph(ident, marker.label, marker.text))
        self.previous_item = item
        self._place(ident)

    def _keep(self, unit: _Unit, reason: str) -> None:
        self._place(self.doc.keep(unit, self.anchor, reason))


def _next_item(label: str, previous: _SubItem | None, base: str) -> _SubItem:
    """Letter or roman numeral? "(i)" is roman unless it follows "(h)"; "(ii)" after "(i)"."""
    value = _roman_value(label) if label.isascii() else None
    after_letter = previous is not None and previous.kind == "letter"
    roman = False
    if value is not None:
        if previous is not None and previous.kind == "roman" and value == previous.value + 1:
            roman = True
        elif value == 1:
            roman = not (after_letter and previous.label == "h")
        elif len(label) > 1:
            roman = not (_is_doubled_letter(label) and after_letter and len(previous.label) == 2)
    if not roman:
        return _SubItem("letter", label, f"{base}-{_letter_id(label)}")
    if previous is None:
        parent = None
    elif previous.kind == "roman":
        parent = previous.parent
    else:
        parent = previous.id
    return _SubItem("roman", label, f"{parent or base}-{label}", value, parent)


def _letter_id(label: str) -> str:
    # Russian "в)" is the third item, like English "(c)": the same id lines the languages up.
    position = vocabulary.CYRILLIC_SEQUENCE.find(label)
    return chr(ord("a") + position) if 0 <= position < 26 else label
