"""Read the plain text of an intergovernmental document into its structure.

Pure Python (no Django, no database), so the importer, the CLI and the tests share it.

The text is first cut into *units*: runs of lines separated by blank lines, cut further where a
line starts a numbered paragraph, a sub-paragraph or a heading (documents pasted from word
processors often have no blank lines). Each unit is then placed by what it looks like and where
it stands: header, title, enacting subject, preamble, formula, operative part, annexes, closing.
Text that fits nowhere is kept as ``unclassified`` with a warning, never dropped. Numbering
faults and text after the closing line raise ``ParseError``, the only exception ``parse`` raises.
"""

from __future__ import annotations

import codecs
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from itertools import pairwise

# ---------------------------------------------------------------------------------------------
# The structure
# ---------------------------------------------------------------------------------------------


class ParseError(ValueError):
    """The text cannot be read as a document; ``line`` is 1-based in the decoded text."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass
class Warning:
    line: int | None
    message: str


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
    kind: str = "paragraph"  # "paragraph" | "article" | "rule"

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
                kind=p.get("kind") or "paragraph",
            )
            for p in data.get("paragraphs") or []
        ],
        "closing": data.get("closing"),
    }


def render_text(doc: ParsedDocument) -> str:
    """Plain text that parses back to the same structure (see ``rendering``)."""
    from concord.documents.rendering import render_text as render

    return render(doc)


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251/1252; newlines to LF."""
    if not raw:
        raise ParseError(1, "empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _normalise(raw.decode("utf-16", errors="replace"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ParseError(raw.count(b"\n", 0, nul) + 1, "binary file (NUL bytes)")
    if raw.startswith(codecs.BOM_UTF8):
        return _normalise(raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"))
    try:
        return _normalise(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _normalise(_decode_single_byte(raw))


def _decode_single_byte(raw: bytes) -> str:
    # Russian texts from older Windows tools come as cp1251, where every high byte is a letter.
    # In Western (cp1252) text the high bytes are accents inside Latin words instead.
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    accents = len(_ACCENTED_LATIN.findall(raw))
    return raw.decode("cp1252" if accents * 2 > high else "cp1251", errors="replace")


def _normalise(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise ParseError(text.count("\n", 0, nul) + 1, "binary file (NUL bytes)")
    if not text.strip():
        raise ParseError(1, "empty file")
    return text


# ---------------------------------------------------------------------------------------------
# Vocabulary of the genre
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HIGH_BYTES = bytes(range(128, 256))
_ACCENTED_LATIN = re.compile(rb"(?<=[A-Za-z])[\x80-\xff]|[\x80-\xff](?=[A-Za-z])")
_NOT_LATIN_BYTES = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_CYRILLIC_SEQUENCE = "абвгдежзиклмнопрстуфхцчшщэюя"  # lettering of Russian sub-paragraphs

_MD_HEADING = re.compile(r"#{1,6}(?:\s+|$)")
# An asterisk that opens or closes a word is emphasis; one inside a word or alone is text.
# Deciding per asterisk (not per pair) keeps the clean-up idempotent.
_MD_EMPHASIS = re.compile(r"(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w)")
_MD_ESCAPED_NUMBER = re.compile(r"^(\d{1,3})\\([.)])")

_PARAGRAPH = re.compile(r"(\d{1,4})([.)])(?=\s|$)\s*")
_SUBPARAGRAPH = re.compile(r"(?:\(([a-z]{1,6}|[а-яё])\)|([a-z]{1,6}|[а-яё])\))(?=\s|$)\s*")
_ARTICLE = re.compile(
    r"(article|rule|статья|правило)\s+(\d{1,3}|[IVXLC]{1,7})(?!\w)\s*([.:–—-]?)\s*(.*)",
    re.IGNORECASE,
)
_SECTION_WORD = re.compile(
    r"(section|chapter|part|раздел|глава|часть)\s+(\d{1,3}|[IVXLC]{1,7})(?!\w)\s*([.:–—-]?)\s*(.*)",
    re.IGNORECASE,
)
_SECTION_ROMAN = re.compile(r"([IVXLC]{1,7})(?:\.?|(?:\.|\s+[–—-])\s+(\S.*))")
_ANNEX = re.compile(
    r"(?:annex|appendix|attachment|приложение)"
    r"(?:\s+(?:[IVXLC]{1,7}|\d{1,3}|[A-Z]|№\s*\d{1,3}))?[.:]?(?:\s+(?:to|к)\s+\S.{0,150})?",
    re.IGNORECASE,
)
_ROMAN_NUMERAL = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_DIGITS = (
    *((100, "C"), (90, "XC"), (50, "L"), (40, "XL")),
    *((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")),
)

_DOCTYPE = re.compile(
    r"(?:\S+\s+)?(?:declaration|statement|act|resolution|decision|rules|regulations?|agreement"
    r"|convention|treaty|charter|protocol|memorandum|communiqu[eé]|catalogue|concept|programme"
    r"|program|plan|guidelines|statute|terms|procedures?|modalities|report|agenda|декларация"
    r"|заявление|акт|резолюция|решение|правила|положение|регламент|соглашение|конвенция|договор"
    r"|хартия|устав|протокол|меморандум|коммюнике|каталог|концепция|программа|план)\b",
    re.IGNORECASE,
)
_TITLE_LINKS = _words("of on for by to concerning regarding about between among and in at")
_ADOPTED = re.compile(
    r"(?:adopted|approved|endorsed)\s+(?:by|at)\s+(\S.*)"
    r"|(?:принят|утвержден|утверждён|одобрен)[аоы]?\s+(\S.*)",
    re.IGNORECASE,
)

_MONTH_NAMES = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
    *("января", "февраля", "марта", "апреля", "мая", "июня"),
    *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
]
_MONTHS = {name: n % 12 + 1 for n, name in enumerate(_MONTH_NAMES)}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"(?<!\d)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_NAME})\s*,?\s+(?P<y1>\d{{4}})"
    rf"|\b(?P<m2>{_MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{1,2})-(?P<d4>\d{1,2}))(?!\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
_DONE_AT = re.compile(
    r"(?:done|signed|adopted|made)\s+(?:at|in)\s+|(?:совершено|подписано|принято)\s+(?:в|во)\s+",
    re.IGNORECASE,
)
_PLACE_PREFIX = re.compile(r"(?:г\.|город|city of)\s*", re.IGNORECASE)
_PLACE_TAIL_WORDS = frozenset({"on", "the", "this", "of", "in"})
_DATE_SUFFIX = re.compile(r"[\s.]*(?:года|г\.)?[\s.]*", re.IGNORECASE)
_SENTENCE_PUNCTUATION = re.compile(r"[.;:!?]")

# Preamble clauses open with a participle or adjective phrase; these are the word shapes that
# make one, and the few look-alikes that do not.
_ADVERBS = _words(
    "also further furthermore again once more most still even moreover equally similarly"
    " вновь также далее еще ещё раз особо вместе тем более"
)
_AUXILIARIES = frozenset({"having", "being", "будучи"})
_ADJECTIVE_LEADS = _words(
    "aware cognizant cognisant confident keen eager appreciative sensitive conversant"
    " vigilant observant resolute"
)
_NOT_LEADS = _words(
    "during nothing something anything everything thing king string spring evening morning"
    " according beijing nanjing chongqing kunming indeed hundred united proceed exceed"
    " succeed speed breed embed"
)
_PARTICIPLE_ENDINGS = ("ing", "ed", "ful", "ous")
_RU_PARTICIPLE_ENDINGS = (
    "ая", "яя", "уя", "юя", "дя", "тя", "жа", "ча", "ша", "ща", "ясь", "ась", "вшись", "вши",
    "ав", "яв", "ев", "ив", "ыв", "нные", "мые", "тые",
)  # fmt: skip
_LEAD_COMPLEMENTS = (
    ("in", "mind"),
    ("into", "account"),
    ("note", "of"),
    ("во", "внимание"),
    ("к", "сведению"),
    ("of",),
    ("о",),
    ("об",),
    ("из",),
)
_EDGE_PUNCTUATION = ",;:.!?\"'«»()“”"
_NOT_VERBS = _words(
    "the a an this that these those we our it its they their in on at for with to by of"
    " from as and or but if when where while all each i you he she there here мы в на с и"
    " это эти этот настоящий настоящая настоящее для по к о от при"
)
_SMALL_WORDS = _words(
    "a an and as at but by for from in into nor of on or per the to upon with among between via"
)
_ACRONYMS = _words(
    "CICA UN USA UNESCO ASEAN SCO CIS CSTO OSCE IAEA WMD CBM CBMS SALW EU NATO OIC ECO"
    " СВМДА ООН СНГ ШОС ОДКБ ОБСЕ МАГАТЭ АСЕАН ЕАЭС ОИС"
)
_RU_PROPER_NOUN = re.compile(
    r"^(?:ази|европ|африк|америк|еврази|австрали)(?:я|и|ю|ей|ией|а|ы|е|у|ой|ою)$"
)
_RU_UNITED_NATIONS = re.compile(r"\bобъедин[её]нных\s+наций\b")

_LANGUAGE_SAMPLE = 20_000  # characters: enough to tell the language, and cheap on long texts
_HEADING_MAX_WORDS = 15
_HEADING_MAX_CHARS = 150
_FORMULA_MAX_WORDS = 12
_TITLE_SENTENCE_WORDS = 6


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------


def parse(text: str | bytes, *, language: str | None = None) -> ParsedDocument:
    """Read a document; bytes are decoded first. Raises ParseError, and nothing else."""
    text = decode(bytes(text)) if isinstance(text, bytes | bytearray) else _normalise(text)
    units = _UnitReader().read(text)
    if not units:
        raise ParseError(1, "empty file")
    return _DocumentBuilder(units).build(language)


@dataclass(slots=True)
class _Unit:
    line: int
    lines: list[str]
    text: str


class _UnitReader:
    """Cut the text into units: blank-line-separated blocks, split again at structural lines."""

    def __init__(self) -> None:
        self.units: list[_Unit] = []
        self.lines: list[str] = []
        self.start = 0
        self.last_number = 0

    def read(self, text: str) -> list[_Unit]:
        bold_open = False
        for number, raw in enumerate(text.split("\n"), 1):
            stripped = raw.strip()
            if not stripped:
                self._flush()
                bold_open = False
                continue
            marks = stripped.count("**")
            line = _clean_line(stripped)
            if line:
                self._take(number, line, bold_open)
                closes_bold = bold_open and marks % 2 == 1
                wholly_bold = marks == 2 and stripped.startswith("**") and stripped.endswith("**")
                if closes_bold or wholly_bold or _is_heading_line(line):
                    self._flush()
            if marks % 2:
                bold_open = not bold_open
        self._flush()
        return self.units

    def _take(self, number: int, line: str, bold_open: bool) -> None:
        if self.lines and not bold_open and self._starts_unit(self.lines[-1], line):
            self._flush()
        if not self.lines:
            self.start = number
            marker = _PARAGRAPH.match(line)
            if marker:
                self.last_number = int(marker.group(1))
        self.lines.append(line)

    def _starts_unit(self, previous: str, line: str) -> bool:
        marker = _PARAGRAPH.match(line)
        if marker:
            # A wrapped line may begin with "3." by chance; only the next number counts.
            number = int(marker.group(1))
            return number in (1, self.last_number + 1)
        if _subparagraph(line) or _is_heading_line(line):
            return True
        end = previous[-1]
        if end in ";:":
            return True
        if end == ",":
            return _lead(line) is not None
        # One paragraph per line (word-processor text) rather than lines wrapped by hand.
        return end in ".!?" and len(previous) > 100

    def _flush(self) -> None:
        if self.lines:
            self.units.append(_Unit(self.start, self.lines, _join_lines(self.lines)))
            self.lines = []


def _clean_line(stripped: str) -> str:
    line = stripped.replace("\ufeff", "") if "\ufeff" in stripped else stripped
    if not line:
        return line
    if line[0] == "#":
        line = _MD_HEADING.sub("", line, count=1)
    if "*" in line:
        line = line.replace("**", "")
        if "*" in line:
            line = _MD_EMPHASIS.sub("", line)
    if "\\" in line:
        line = _MD_ESCAPED_NUMBER.sub(r"\1\2", line)
    return " ".join(line.split())


def _join_lines(lines: list[str]) -> str:
    pieces = [lines[0]]
    for previous, line in pairwise(lines):
        hyphenated = len(previous) > 1 and previous[-1] == "-" and previous[-2].isalpha()
        if not hyphenated:
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)


def _is_heading_line(line: str) -> bool:
    """A line that is a heading on its own: nothing after it belongs to the same unit."""
    article = _article(line)
    if article is not None:
        return article.text == ""
    return _section(line) is not None or _ANNEX.fullmatch(line) is not None


# -- markers ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Marker:
    kind: str  # "article" | "rule" | "section" | "paragraph" | "subparagraph"
    number: int | None = None
    label: str = ""
    heading: str | None = None
    text: str = ""


def _marker(text: str) -> _Marker | None:
    return _article(text) or _section(text) or _paragraph(text) or _subparagraph(text)


def _article(text: str) -> _Marker | None:
    match = _ARTICLE.match(text)
    if not match:
        return None
    word, numeral, separator, rest = match.groups()
    number = int(numeral) if numeral.isdigit() else _roman_value(numeral)
    if number is None or (rest and not separator and not rest[0].isupper()):
        return None  # "Article 5 of the Charter ..." is prose
    kind = "article" if word.lower() in ("article", "статья") else "rule"
    if _fits_heading(rest):
        return _Marker(kind, number, numeral, rest or None)
    return _Marker(kind, number, numeral, None, rest)


def _section(text: str) -> _Marker | None:
    match = _SECTION_WORD.match(text)
    if match:
        numeral, separator, rest = match.group(2, 3, 4)
        if rest and not separator and not rest[0].isupper():
            return None
    else:
        match = _SECTION_ROMAN.fullmatch(text)
        if not match:
            return None
        numeral, rest = match.group(1), match.group(2) or ""
    number = int(numeral) if numeral.isdigit() else _roman_value(numeral)
    if number is None or not _fits_heading(rest):
        return None
    return _Marker("section", number, numeral.upper(), rest or None)


def paragraph_style(text: str) -> str | None:
    """The numbering style, "." or ")", if ``text`` opens with a paragraph number."""
    match = _PARAGRAPH.match(text)
    return match.group(2) if match else None


def _paragraph(text: str) -> _Marker | None:
    match = _PARAGRAPH.match(text)
    if not match:
        return None
    return _Marker("paragraph", int(match.group(1)), match.group(2), None, text[match.end() :])


def _subparagraph(text: str) -> _Marker | None:
    match = _SUBPARAGRAPH.match(text)
    if not match:
        return None
    label = match.group(1) or match.group(2)
    if not (len(label) == 1 or _is_doubled_letter(label) or _roman_value(label)):
        return None
    return _Marker("subparagraph", None, label, None, text[match.end() :])


def _fits_heading(text: str) -> bool:
    """What follows "Article 2." or "II." on its line: a title, or already the text?"""
    if not text:
        return True
    words = len(text.split())
    if len(text) > _HEADING_MAX_CHARS or words > _HEADING_MAX_WORDS or text[-1] in ",;:":
        return False
    # "Entry into force." is a title; "This Agreement enters into force today." is text.
    return text[-1] not in ".!?" or words <= _TITLE_SENTENCE_WORDS


def _is_heading(text: str) -> bool:
    """A short line without final punctuation that starts with a capital: an unnumbered heading."""
    first_letter = next((c for c in text if c.isalpha()), "")
    return (
        first_letter.isupper()
        and text[-1] not in ".;:,!?"
        and len(text) <= _HEADING_MAX_CHARS
        and len(text.split()) <= _HEADING_MAX_WORDS
    )


def _roman_value(numeral: str) -> int | None:
    upper = numeral.upper()
    if not upper or not _ROMAN_NUMERAL.fullmatch(upper):
        return None
    total = 0
    for current, following in pairwise([*upper, ""]):
        value = _ROMAN_VALUES[current]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _to_roman(number: int) -> str:
    digits = []
    for value, numeral in _ROMAN_DIGITS:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _is_doubled_letter(label: str) -> bool:
    return len(label) == 2 and label[0] == label[1]


# -- preamble and formula ---------------------------------------------------------------------


def _lead(text: str) -> str | None:
    """The participle or adjective phrase that opens a preamble clause, as written."""
    if not text[:1].isupper():
        return None
    words = text.split(maxsplit=8)
    bare = [w.strip(_EDGE_PUNCTUATION).lower() for w in words]
    i = 0
    while i < min(3, len(words) - 1) and _is_adverb(bare[i]):
        i += 1
    if bare[i] in _AUXILIARIES:
        end = i + 1
        while end < len(words) - 1 and _is_adverb(bare[end]):
            end += 1
        if end >= len(words):
            return None
        end += 1
    elif _is_participle(bare[i]):
        end = i + 1
    else:
        return None
    for complement in _LEAD_COMPLEMENTS:
        if tuple(bare[end : end + len(complement)]) == complement:
            end += len(complement)
            break
    return " ".join(words[:end]).rstrip(_EDGE_PUNCTUATION)


def _is_adverb(word: str) -> bool:
    if word in _ADVERBS:
        return True
    if len(word) >= 5 and word.endswith("ly"):
        return True
    return len(word) >= 6 and word.endswith("о") and _CYRILLIC.match(word) is not None


def _is_participle(word: str) -> bool:
    if len(word) < 4 or not word.replace("-", "").isalpha():
        return False
    if word in _ADJECTIVE_LEADS:
        return True
    if word in _NOT_LEADS:
        return False
    if word.endswith(_PARTICIPLE_ENDINGS) and len(word) >= 5:
        return True
    return len(word) >= 5 and word.endswith(_RU_PARTICIPLE_ENDINGS)


def _is_formula(text: str) -> bool:
    """A short line ending with ':' whose first word is a finite verb: "Declare the following:"."""
    if not text.endswith(":"):
        return False
    words = text[:-1].split()
    if not words or len(words) > _FORMULA_MAX_WORDS:
        return False
    first = words[0].strip(_EDGE_PUNCTUATION).lower()
    return first[:1].isalpha() and first not in _NOT_VERBS and _lead(text) is None


def _without_separator(text: str) -> str:
    return text.rstrip(",; ")


# -- dates, places, header lines --------------------------------------------------------------


@dataclass(slots=True)
class _PlaceDate:
    place: str | None
    date: datetime.date | None


def _find_date(text: str) -> tuple[re.Match | None, datetime.date | None]:
    if not _YEAR.search(text):  # cheap test first: most units hold no date at all
        return None, None
    match = _DATE.search(text)
    if not match:
        return None, None
    g = match.groupdict()
    if g["d1"]:
        day, month, year = int(g["d1"]), _month(g["m1"]), int(g["y1"])
    elif g["d2"]:
        day, month, year = int(g["d2"]), _month(g["m2"]), int(g["y2"])
    elif g["d3"]:
        day, month, year = int(g["d3"]), int(g["m3"]), int(g["y3"])
    else:
        day, month, year = int(g["d4"]), int(g["m4"]), int(g["y4"])
    try:
        return match, datetime.date(year, month, day)
    except ValueError:
        return match, None


def _month(name: str) -> int:
    # Case-blind matching lets look-alikes through ("Auguſt"): those are no month (0).
    return _MONTHS.get(name.lower(), 0)


def _place_and_date(text: str) -> _PlaceDate | None:
    """'Almaty, 17 June 2006', 'Done at Almaty on 17 June 2006 ...', '17.06.2006' and the like."""
    done = _DONE_AT.match(text)
    if len(text) > 160 and not done:
        return None
    body = text[1:-1] if text.startswith("(") and text.endswith(")") else text
    match, day = _find_date(body)
    if match is None:
        return None
    prefix = body[: match.start()]
    done = _DONE_AT.match(prefix)
    if done:
        prefix = prefix[done.end() :]
    elif not _DATE_SUFFIX.fullmatch(body[match.end() :]):
        return None
    place_prefix = _PLACE_PREFIX.match(prefix)
    if place_prefix:
        prefix = prefix[place_prefix.end() :]
    place = _strip_tail(prefix)
    if len(place.split()) > 6 or _SENTENCE_PUNCTUATION.search(place):
        return None
    return _PlaceDate(place or None, day)


def _strip_tail(text: str) -> str:
    """'Almaty, on the ' -> 'Almaty': what is left of a line once its date is cut out."""
    text = text.rstrip(" ,")
    while True:
        head, _, last = text.rpartition(" ")
        if last.lower() not in _PLACE_TAIL_WORDS:
            return text
        text = head.rstrip(" ,")


@dataclass(slots=True)
class _FrontLine:
    adopted_by: str | None
    when: _PlaceDate | None


def _front_line(text: str) -> _FrontLine | None:
    """An "Adopted by ..." line or a place/date line of the header."""
    adopted = _ADOPTED.fullmatch(text)
    if adopted:
        by = adopted.group(1) or adopted.group(2)
        match, day = _find_date(by)
        if match is None:
            return _FrontLine(by, None)
        by = _strip_tail(by[: match.start()]) or by
        return _FrontLine(by, _PlaceDate(None, day))
    when = _place_and_date(text)
    return _FrontLine(None, when) if when else None


def _looks_like_name(text: str) -> bool:
    return (
        len(text.split()) >= 2
        and not any(c.isdigit() or c in ":/@" for c in text)
        and sum(c.isalpha() for c in text) * 2 > len(text)
    )


# -- case -------------------------------------------------------------------------------------


def _is_all_caps(text: str) -> bool:
    return text.upper() == text and text.lower() != text


def _is_cyrillic(text: str) -> bool:
    """More Cyrillic letters than Latin ones (counted in C: this runs on the whole sample)."""
    encoded = text.encode("utf-8")
    cyrillic = encoded.count(b"\xd0") + encoded.count(b"\xd1")  # lead bytes of А-я, Ё, ё
    latin = len(encoded.translate(None, _NOT_LATIN_BYTES))
    return cyrillic > latin


def _capitalise(word: str) -> str:
    for i, char in enumerate(word):
        if char.isalpha():
            return word[:i] + char.upper() + word[i + 1 :].lower()
    return word


def _smart_case(text: str) -> str:
    """Recase an ALL-CAPS line: English title case, Russian sentence case."""
    words = text.split()
    russian = _is_cyrillic(text)
    out = []
    for i, word in enumerate(words):
        bare = word.strip(_EDGE_PUNCTUATION)
        if word.startswith("(") or bare.upper() in _ACRONYMS:
            out.append(word)
        elif russian:
            proper = i == 0 or _RU_PROPER_NOUN.match(bare.lower())
            out.append(_capitalise(word) if proper else word.lower())
        elif i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(_capitalise(p) for p in word.split("-")))
    recased = " ".join(out)
    if russian:
        recased = _RU_UNITED_NATIONS.sub(lambda m: m.group(0).title(), recased)
    return recased


def _continues_title(text: str, title_lines: list[str]) -> bool:
    """'DECLARATION' and, after a blank line, 'of the Second Summit ...' make one title."""
    first_word = text.split(maxsplit=1)[0].lower()
    if text[:1].islower() or first_word in _TITLE_LINKS:
        return True
    title = _join_lines(title_lines)
    return len(title.split()) <= 2 and _is_all_caps(title) and _is_all_caps(text)


def _normalise_title(lines: list[str]) -> str:
    whole = _join_lines(lines)
    if _is_all_caps(whole):
        return _smart_case(whole)
    if len(lines) > 1 and _is_all_caps(lines[0]):
        return _join_lines([_smart_case(lines[0]), *lines[1:]])
    return whole


# -- building ---------------------------------------------------------------------------------


class _DocumentBuilder:
    def __init__(self, units: list[_Unit]) -> None:
        self.units = units
        self.warnings: list[Warning] = []
        self.unclassified: list[Unclassified] = []

    def build(self, language: str | None) -> ParsedDocument:
        starts = [i for i, u in enumerate(self.units) if _ANNEX.fullmatch(u.text)]
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

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(Warning(line, message))

    def keep(self, unit: _Unit, after: str | None, reason: str) -> str:
        ident = f"x-{len(self.unclassified) + 1}"
        self.unclassified.append(Unclassified(ident, unit.text, unit.line, after))
        self.warn(unit.line, f"{reason}; kept as unclassified text")
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
        if size >= _LANGUAGE_SAMPLE:
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
        title_at = next((i for i in candidates if _DOCTYPE.match(units[i].text)), None)
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
    position = _CYRILLIC_SEQUENCE.find(label)
    return chr(ord("a") + position) if 0 <= position < 26 else label
