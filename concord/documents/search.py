"""Full-text search over the units of every held text: SQLite FTS5 in the embedded default,
PostgreSQL full-text search (with Russian and English stemming) in production. Document titles
are matched too, in Python on both databases: the register holds a few hundred titles, and one
matcher keeps the two databases' answers the same."""

import html
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.db import connection
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from concord.core.actors import Actor

from . import labels
from .models import Text
from .parsing import UnitKind
from .selectors import PUBLISHED, sees_unpublished, visible_documents

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z]")
RUSSIAN_STEMMER = snowballstemmer.stemmer("russian")
ENGLISH_STEMMER = snowballstemmer.stemmer("english")
START, STOP = (
    "\x02",
    "\x03",
)  # snippet markers no text contains; escaped text gets <mark> around them
# Every unit but the header (the lines above the title: organisation, place, date).
SEARCHABLE = tuple(kind.value for kind in UnitKind if kind != UnitKind.HEADER)
PG_CONFIG = {"en": "english", "ru": "russian"}
# Counting every match of a common word costs as much as the search itself; past this many the
# answer says "more than" (and pagination stops there).
COUNT_CAP = 1000
TITLE_CAP = 20  # documents whose title matches, shown with the first page of passages


@dataclass(frozen=True)
class Hit:
    uid: str
    kind: UnitKind
    snippet: SafeString
    slug: str
    title: str
    doc_type: str
    adopted_on: object
    language: str
    rank: float
    label: str = ""


@dataclass(frozen=True)
class TitleMatch:
    """A document whose title holds every word of the query."""

    slug: str
    title: str
    doc_type: str
    adopted_on: object
    language: str

    @property
    def url(self) -> str:
        return reverse("documents:detail", args=[self.slug]) + f"?lang={self.language}"


@dataclass(frozen=True)
class SearchPage:
    query: str
    hits: list[Hit]
    total: int
    page: int
    page_size: int
    documents: list[TitleMatch] = field(default_factory=list)
    # The language asked for, when no document in the search's scope has a text in it.
    language_without_text: str | None = None

    @property
    def no_text_message(self) -> str:
        """Why nothing can be found: there is no text in the language asked for."""
        if self.language_without_text == "ru":
            return _("No document has a Russian text yet, so nothing can be found in Russian.")
        if self.language_without_text == "en":
            return _("No document has an English text yet, so nothing can be found in English.")
        return ""

    @property
    def more(self) -> bool:
        """True when there are more matches than were counted (see COUNT_CAP)."""
        return self.total > COUNT_CAP

    @property
    def shown_total(self) -> int:
        return min(self.total, COUNT_CAP)

    @property
    def pages(self) -> int:
        return max(1, -(-self.shown_total // self.page_size))


def terms(query: str) -> list[str]:
    return WORD.findall(query)[:12]


def highlight(snippet: str) -> SafeString:
    escaped = html.escape(snippet)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def _filters(actor: Actor, language, doc_type, year) -> tuple[str, list]:
    where, params = [f"u.kind IN ({', '.join(['%s'] * len(SEARCHABLE))})"], list(SEARCHABLE)
    if not sees_unpublished(actor):
        where.append("d.status IN (%s, %s)")
        params += list(PUBLISHED)
    if language:
        where.append("t.language = %s")
        params.append(language)
    if doc_type:
        where.append("d.doc_type = %s")
        params.append(doc_type)
    if year:
        where.append("d.adopted_on >= %s AND d.adopted_on < %s")
        params += [f"{int(year):04d}-01-01", f"{int(year) + 1:04d}-01-01"]
    return " AND ".join(where), params


JOINS = """
    JOIN documents_text t ON t.id = u.text_id
    JOIN documents_version v ON v.id = t.version_id
    JOIN documents_document d ON d.id = v.document_id
"""
COLUMNS = (
    "u.uid, u.kind, d.slug, d.title_en, d.title_ru, d.doc_type, d.adopted_on, t.language, t.id"
)
OUTER_COLUMNS = ", ".join(column.split(".")[1] for column in COLUMNS.split(", "))
LANGUAGE_CONFIG = "CASE language WHEN 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END"


def _capped() -> str:
    return f"LIMIT {COUNT_CAP + 1}"


def fts5_match(query_terms: list[str]) -> str:
    """Every word, as a prefix of its stem: FTS5's porter tokenizer stems English in the index,
    but knows no Russian, so a Russian word is cut to its Snowball stem and matched as a prefix
    ("терроризма" finds "терроризм" and "терроризмом")."""
    parts = []
    for term in query_terms:
        if CYRILLIC.search(term):
            term = RUSSIAN_STEMMER.stemWord(term.lower())
        parts.append(f'"{term}"*' if len(term) >= 4 else f'"{term}"')
    return " ".join(parts)


def _sqlite(query_terms, where, params, limit, offset):
    match = fts5_match(query_terms)
    # FTS5 ranks its matches first (ORDER BY rank is its fast path); the joins then only filter,
    # and snippets are cut for the one page of results.
    ranked = (
        "SELECT rowid AS id, rank FROM documents_unit_fts "
        "WHERE documents_unit_fts MATCH %s ORDER BY rank"
    )
    base = f"FROM ({ranked}) AS r JOIN documents_unit u ON u.id = r.id {JOINS} WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM (SELECT 1 {base} {_capped()})", [match, *params])
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT u.id, {COLUMNS}, r.rank {base} LIMIT %s OFFSET %s",
            [match, *params, limit, offset],
        )
        page = cursor.fetchall()
        ids = [row[0] for row in page]
        snippets = {}
        if ids:
            cursor.execute(
                f"SELECT rowid, snippet(documents_unit_fts, 0, '{START}', '{STOP}', '…', 24) "
                f"FROM documents_unit_fts WHERE documents_unit_fts MATCH %s "
                f"AND rowid IN ({', '.join(['%s'] * len(ids))})",
                [match, *ids],
            )
            snippets = dict(cursor.fetchall())
    rows = [(*row[1:10], -row[10], snippets.get(row[0], "")) for row in page]
    return rows, total


def _postgres(query_terms, language, where, params, limit, offset):
    text = " ".join(query_terms)
    if language in PG_CONFIG:
        configs = [PG_CONFIG[language]]
    elif CYRILLIC.search(text) and LATIN.search(text):
        configs = list(PG_CONFIG.values())
    else:  # one script, one stemmer: an OR of two identical queries defeats the GIN index
        configs = [PG_CONFIG["ru" if CYRILLIC.search(text) else "en"]]
    tsquery = " || ".join(f"websearch_to_tsquery('{c}', %s)" for c in configs)
    qparams = [text] * len(configs)
    base = f"FROM documents_unit u {JOINS} WHERE u.search_vector @@ ({tsquery}) AND {where}"
    options = f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 {base} {_capped()}) AS capped", [*qparams, *params]
        )
        total = cursor.fetchone()[0]
        cursor.execute(
            f"""SELECT {OUTER_COLUMNS}, rank,
                       ts_headline({LANGUAGE_CONFIG}, content, ({tsquery}), %s)
                FROM (SELECT {COLUMNS}, u.content, ts_rank(u.search_vector, ({tsquery})) AS rank
                      {base} ORDER BY rank DESC, u.id LIMIT %s OFFSET %s) AS page
                ORDER BY rank DESC""",
            [*qparams, options, *qparams, *qparams, *params, limit, offset],
        )
        rows = cursor.fetchall()
    return rows, total


@dataclass(frozen=True)
class SearchRequest:
    """A search as the API's query and the page's form hand it over: the words, the filters
    (None: any) and the page wanted."""

    query: str
    language: str | None = None
    doc_type: str | None = None
    year: int | None = None
    page: int = 1
    page_size: int = 20


def search_units(actor: Actor, request: SearchRequest) -> SearchPage:
    """Ranked paragraphs (and clauses) matching every word of the query, best first."""
    language, doc_type, year = request.language, request.doc_type, request.year
    page, page_size = request.page, request.page_size
    query_terms = terms(request.query)
    if not query_terms:
        return SearchPage(request.query, [], 0, page, page_size)
    scope = _scope(actor, request)
    if (
        language
        and not Text.objects.filter(version__document__in=scope, language=language).exists()
    ):
        documents = match_titles(scope, query_terms, language)
        return SearchPage(request.query, [], 0, page, page_size, documents, language)
    where, params = _filters(actor, language, doc_type, year)
    offset = (page - 1) * page_size
    if connection.vendor == "postgresql":
        rows, total = _postgres(query_terms, language, where, params, page_size, offset)
    else:
        rows, total = _sqlite(query_terms, where, params, page_size, offset)
    names = _labels({row[8] for row in rows})
    hits = [
        Hit(
            uid=uid,
            label=names.get(text_id, {}).get(uid) or labels.kind_label(kind),
            kind=UnitKind(kind),
            slug=slug,
            title=(title_ru if lang == "ru" and title_ru else title_en),
            doc_type=doc_type_,
            adopted_on=adopted_on,
            language=lang,
            rank=float(rank),
            snippet=highlight(snippet),
        )
        for (
            uid,
            kind,
            slug,
            title_en,
            title_ru,
            doc_type_,
            adopted_on,
            lang,
            text_id,
            rank,
            snippet,
        ) in rows
    ]
    documents = match_titles(scope, query_terms, language) if page == 1 else []
    return SearchPage(request.query, hits, total, page, page_size, documents)


def _scope(actor: Actor, request: SearchRequest):
    """The documents a search looks in: those the actor sees, of the type and year asked for."""
    documents = visible_documents(actor)
    if request.doc_type:
        documents = documents.filter(doc_type=request.doc_type)
    if request.year:
        documents = documents.filter(adopted_on__year=request.year)
    return documents


def _labels(text_ids: set[int]) -> dict[int, dict[str, str]]:
    """What a reader calls each unit, for the texts a page of hits is drawn from."""
    texts = Text.objects.filter(pk__in=text_ids).only("structure")
    return {text.pk: labels.text_labels(text.structure) for text in texts}


def _stem(word: str) -> str:
    word = word.lower()
    stemmer = RUSSIAN_STEMMER if CYRILLIC.search(word) else ENGLISH_STEMMER
    return stemmer.stemWord(word)


def title_matches(title: str, query_terms: list[str]) -> bool:
    """Every word of the query begins a word of the title, once both are stemmed ("treaties"
    finds "Treaty", "терроризма" finds "терроризмом"); a word of fewer than four letters must
    be whole."""
    words = [_stem(w) for w in WORD.findall(title)]
    for term in query_terms:
        stem = _stem(term)
        if not any(w == stem or (len(stem) >= 4 and w.startswith(stem)) for w in words):
            return False
    return True


def match_titles(documents, query_terms: list[str], language: str | None) -> list[TitleMatch]:
    """Documents of ``documents`` whose title, in the language asked for or in either, holds
    every word of the query; newest first."""
    matches = []
    rows = documents.order_by("-adopted_on", "slug").values_list(
        "slug", "title_en", "title_ru", "doc_type", "adopted_on"
    )
    for slug, title_en, title_ru, doc_type, adopted_on in rows:
        titles = {"en": title_en, "ru": title_ru}
        for lang in [language] if language else ["en", "ru"]:
            if titles[lang] and title_matches(titles[lang], query_terms):
                matches.append(TitleMatch(slug, titles[lang], doc_type, adopted_on, lang))
                break
        if len(matches) >= TITLE_CAP:
            break
    return matches


def hit_url(hit: Hit) -> str:
    return reverse("documents:detail", args=[hit.slug]) + f"?lang={hit.language}#{hit.uid}"
