"""Vocabulary of the genre: the words, numerals, month names and patterns the parser knows.

The other modules write ``vocabulary.NAME`` rather than import the names. On CPython 3.11 a
method called on a name bound by ``from ... import`` (``PARAGRAPH.match(line)``) compiles to a
plain attribute load that makes a bound method on every call, and the parser makes millions of
them: importing the names made parsing about 6% slower.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


CYRILLIC = re.compile(r"[А-Яа-яЁё]")
NOT_LATIN_BYTES = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
CYRILLIC_SEQUENCE = "абвгдежзиклмнопрстуфхцчшщэюя"  # lettering of Russian sub-paragraphs

MD_HEADING = re.compile(r"#{1,6}(?:\s+|$)")
# An asterisk that opens or closes a word is emphasis; one inside a word or alone is text.
# Deciding per asterisk (not per pair) keeps the clean-up idempotent.
MD_EMPHASIS = re.compile(r"(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w)")
MD_ESCAPED_NUMBER = re.compile(r"^(\d{1,6})\\([.)])")

# Paragraph numbers run to 999999; a line opening with a longer one is refused, never read as
# text of the paragraph before it.
PARAGRAPH_DIGITS = 6
PARAGRAPH = re.compile(r"(\d{1,6})([.)])(?=\s|$)\s*")
PARAGRAPH_TOO_LONG = re.compile(r"\d{7,}[.)](?=\s|$)")
SUBPARAGRAPH = re.compile(r"(?:\(([a-z]{1,6}|[а-яё])\)|([a-z]{1,6}|[а-яё])\))(?=\s|$)\s*")
ARTICLE = re.compile(
    r"(article|rule|статья|правило)\s+(\d{1,3}|[IVXLC]{1,7})(?!\w)\s*([.:–—-]?)\s*(.*)",
    re.IGNORECASE,
)
SECTION_WORD = re.compile(
    r"(section|chapter|part|раздел|глава|часть)\s+(\d{1,3}|[IVXLC]{1,7})(?!\w)\s*([.:–—-]?)\s*(.*)",
    re.IGNORECASE,
)
SECTION_ROMAN = re.compile(r"([IVXLC]{1,7})(?:\.?|(?:\.|\s+[–—-])\s+(\S.*))")
ANNEX = re.compile(
    r"(?:annex|appendix|attachment|приложение)"
    r"(?:\s+(?:[IVXLC]{1,7}|\d{1,3}|[A-Z]|№\s*\d{1,3}))?[.:]?(?:\s+(?:to|к)\s+\S.{0,150})?",
    re.IGNORECASE,
)
ROMAN_NUMERAL = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN_DIGITS = (
    *((100, "C"), (90, "XC"), (50, "L"), (40, "XL")),
    *((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")),
)

DOCTYPE = re.compile(
    r"(?:\S+\s+)?(?:declaration|statement|act|resolution|decision|rules|regulations?|agreement"
    r"|convention|treaty|charter|protocol|memorandum|communiqu[eé]|catalogue|concept|programme"
    r"|program|plan|guidelines|statute|terms|procedures?|modalities|report|agenda|декларация"
    r"|заявление|акт|резолюция|решение|правила|положение|регламент|соглашение|конвенция|договор"
    r"|хартия|устав|протокол|меморандум|коммюнике|каталог|концепция|программа|план)\b",
    re.IGNORECASE,
)
TITLE_LINKS = _words("of on for by to concerning regarding about between among and in at")
ADOPTED = re.compile(
    r"(?:adopted|approved|endorsed)\s+(?:by|at)\s+(\S.*)"
    r"|(?:принят|утвержден|утверждён|одобрен)[аоы]?\s+(\S.*)",
    re.IGNORECASE,
)

MONTH_NAMES = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
    *("января", "февраля", "марта", "апреля", "мая", "июня"),
    *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
]
MONTHS = {name: n % 12 + 1 for n, name in enumerate(MONTH_NAMES)}
MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE = re.compile(
    rf"(?<!\d)(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_NAME})\s*,?\s+(?P<y1>\d{{4}})"
    rf"|\b(?P<m2>{MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{1,2})-(?P<d4>\d{1,2}))(?!\d)",
    re.IGNORECASE,
)
YEAR = re.compile(r"\d{4}")
DONE_AT = re.compile(
    r"(?:done|signed|adopted|made)\s+(?:at|in)\s+|(?:совершено|подписано|принято)\s+(?:в|во)\s+",
    re.IGNORECASE,
)
PLACE_PREFIX = re.compile(r"(?:г\.|город|city of)\s*", re.IGNORECASE)
PLACE_TAIL_WORDS = frozenset({"on", "the", "this", "of", "in"})
DATE_SUFFIX = re.compile(r"[\s.]*(?:года|г\.)?[\s.]*", re.IGNORECASE)
SENTENCE_PUNCTUATION = re.compile(r"[.;:!?]")

# Preamble clauses open with a participle or adjective phrase; these are the word shapes that
# make one, and the few look-alikes that do not.
ADVERBS = _words(
    "also further furthermore again once more most still even moreover equally similarly"
    " вновь также далее еще ещё раз особо вместе тем более"
)
AUXILIARIES = frozenset({"having", "being", "будучи"})
ADJECTIVE_LEADS = _words(
    "aware cognizant cognisant confident keen eager appreciative sensitive conversant"
    " vigilant observant resolute"
)
NOT_LEADS = _words(
    "during nothing something anything everything thing king string spring evening morning"
    " according beijing nanjing chongqing kunming indeed hundred united proceed exceed"
    " succeed speed breed embed"
)
PARTICIPLE_ENDINGS = ("ing", "ed", "ful", "ous")
RU_PARTICIPLE_ENDINGS = (
    "ая", "яя", "уя", "юя", "дя", "тя", "жа", "ча", "ша", "ща", "ясь", "ась", "вшись", "вши",
    "ав", "яв", "ев", "ив", "ыв", "нные", "мые", "тые",
)  # fmt: skip
LEAD_COMPLEMENTS = (
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
EDGE_PUNCTUATION = ",;:.!?\"'«»()“”"
NOT_VERBS = _words(
    "the a an this that these those we our it its they their in on at for with to by of"
    " from as and or but if when where while all each i you he she there here мы в на с и"
    " это эти этот настоящий настоящая настоящее для по к о от при"
)
SMALL_WORDS = _words(
    "a an and as at but by for from in into nor of on or per the to upon with among between via"
)
ACRONYMS = _words(
    "CICA UN USA UNESCO ASEAN SCO CIS CSTO OSCE IAEA WMD CBM CBMS SALW EU NATO OIC ECO"
    " СВМДА ООН СНГ ШОС ОДКБ ОБСЕ МАГАТЭ АСЕАН ЕАЭС ОИС"
)
RU_PROPER_NOUN = re.compile(
    r"^(?:ази|европ|африк|америк|еврази|австрали)(?:я|и|ю|ей|ией|а|ы|е|у|ой|ою)$"
)
RU_UNITED_NATIONS = re.compile(r"\bобъедин[её]нных\s+наций\b")

LANGUAGE_SAMPLE = 20_000  # characters: enough to tell the language, and cheap on long texts
HEADING_MAX_WORDS = 15
HEADING_MAX_CHARS = 150
FORMULA_MAX_WORDS = 12
TITLE_SENTENCE_WORDS = 6
