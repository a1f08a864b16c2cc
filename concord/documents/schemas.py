import dataclasses
import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from concord.core.schemas import ErrorOut, InputSchema
from concord.core.slugs import SLUG_MAX_LENGTH, SLUG_PATTERN

from . import structure
from .models import Document, ImportStatus
from .parsing import UnitKind
from .search import SearchPage, hit_url
from .selectors import languages_of

# A slug from the caller: refused with 422 naming the field before it reaches a URL or a header.
Slug = Annotated[
    str, StringConstraints(min_length=1, max_length=SLUG_MAX_LENGTH, pattern=SLUG_PATTERN)
]
# A code of a body (`summit`, `mfa`), as the filter takes it.
BodyCode = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=SLUG_PATTERN)]


class DocumentItemOut(Schema):
    slug: str
    symbol: str
    type: str = Field(..., alias="doc_type")
    status: Literal[tuple(Document.Status.values)]
    title: str
    title_en: str
    title_ru: str
    adopted_on: dt.date | None
    place: str
    place_ru: str
    body: str | None
    meeting: str
    meeting_ru: str
    languages: list[str]
    text_held: bool

    @staticmethod
    def resolve_body(document) -> str | None:
        return document.body.code if document.body_id else None

    @staticmethod
    def resolve_languages(document) -> list[str]:
        return languages_of(document)

    @staticmethod
    def resolve_text_held(document) -> bool:
        return bool(languages_of(document))


class ImportOut(Schema):
    status: ImportStatus
    slug: str | None
    language: str
    title: str
    paragraphs: int
    warnings: list[str]
    # The text joins, as a language, a version a procedure adopted before it was imported.
    added_after_adoption: bool = False
    structure: dict | None = None

    @classmethod
    def of(cls, outcome, *, structure: bool) -> "ImportOut":
        """``structure``: with the parsed tree, as a dry run answers."""
        parsed = outcome.parsed
        return cls(
            status=outcome.status,
            slug=outcome.slug,
            language=parsed.language,
            title=parsed.title,
            paragraphs=len(parsed.paragraphs),
            warnings=outcome.warnings,
            added_after_adoption=outcome.added_after_adoption,
            structure=parsed.to_dict() if structure else None,
        )


class SearchHitOut(Schema):
    unit: str = Field(description="The unit's id, the anchor of `url` (`op-7-2`).")
    label: str = Field(
        description="What a reader calls the unit, in the request's language "
        '("Operative paragraph 7, second subparagraph").'
    )
    kind: UnitKind
    snippet: str
    document: str
    title: str
    type: str
    adopted_on: dt.date | None
    language: str
    url: str
    rank: float


class SearchDocumentOut(Schema):
    """A document whose title holds every word of the query."""

    document: str = Field(description="The document's slug, as in /api/documents/{slug}.")
    title: str = Field(description="The title that matched, in `language`.")
    type: str
    adopted_on: dt.date | None
    language: Literal["en", "ru"] = Field(description="The language of the matching title.")
    url: str


class SearchOut(Schema):
    query: str
    count: int = Field(description="Passages found (`items`), up to the count cap.")
    more: bool
    page: int
    pages: int
    items: list[SearchHitOut] = Field(description="Matching passages, best first.")
    documents: list[SearchDocumentOut] = Field(
        description="Documents whose title holds every word of the query, newest first "
        "(at most 20, given with the first page only)."
    )
    language_without_text: Literal["en", "ru"] | None = Field(
        description="The language asked for (`lang`) when no document in the search's scope "
        "has a text in it yet: nothing can then be found in that language."
    )
    message: str | None = Field(
        description="Said to a person when `language_without_text` is set, in their language."
    )

    @classmethod
    def of(cls, result: SearchPage) -> "SearchOut":
        return cls(
            query=result.query,
            count=result.shown_total,
            more=result.more,
            page=result.page,
            pages=result.pages,
            items=[
                SearchHitOut(
                    unit=hit.uid,
                    label=hit.label,
                    kind=hit.kind,
                    snippet=str(hit.snippet),
                    document=hit.slug,
                    title=hit.title,
                    type=hit.doc_type,
                    adopted_on=hit.adopted_on,
                    language=hit.language,
                    url=hit_url(hit),
                    rank=hit.rank,
                )
                for hit in result.hits
            ],
            documents=[
                SearchDocumentOut(
                    document=match.slug,
                    title=match.title,
                    type=match.doc_type,
                    adopted_on=match.adopted_on,
                    language=match.language,
                    url=match.url,
                )
                for match in result.documents
            ],
            language_without_text=result.language_without_text,
            message=result.no_text_message or None,
        )


class LanguageVersionIn(InputSchema):
    """The text of a document in the language it lacks; ``dry_run`` checks it and adds nothing."""

    language: Literal["en", "ru"]
    text: str = Field(..., min_length=1)
    dry_run: bool = False

    @staticmethod
    def field_for(name: str | None) -> str | None:
        """The import names the text it reads ``file``; here it is ``text``."""
        return "text" if name == "file" else name


class CountsOut(Schema):
    preamble: int
    paragraphs: int
    items: int
    sections: int
    annexes: int


class DifferenceOut(Schema):
    unit: str
    change: Literal["missing", "added", "moved"]
    where: str
    what: str
    line: int | None = None


class LanguageVersionOut(Schema):
    status: ImportStatus
    slug: str
    language: str
    title: str
    counts: CountsOut
    warnings: list[str]
    added_after_adoption: bool = False

    @classmethod
    def of(cls, outcome) -> "LanguageVersionOut":
        parsed = outcome.parsed
        return cls(
            status=outcome.status,
            slug=outcome.slug,
            language=parsed.language,
            title=parsed.title,
            counts=CountsOut(**dataclasses.asdict(structure.counts(parsed))),
            warnings=outcome.warnings,
            added_after_adoption=outcome.added_after_adoption,
        )


class MismatchOut(ErrorOut):
    """A refusal; when the structures differ, each difference."""

    differences: list[DifferenceOut] | None = None
