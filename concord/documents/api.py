"""Documents: the registry, each text as structure, imports and exports."""

from typing import Literal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, UploadedFile
from ninja.pagination import paginate

from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.exceptions import DomainError, NotPermitted
from concord.core.pagination import Pages
from concord.core.schemas import with_errors

from . import exports, import_rules, permissions, search, selectors, services
from .models import DocumentType, ImportStatus
from .requests import ImportRequest
from .schemas import (
    BodyCode,
    DocumentItemOut,
    ImportOut,
    LanguageVersionIn,
    LanguageVersionOut,
    MismatchOut,
    SearchOut,
    Slug,
)

router = Router(tags=["documents"])


class DocumentQuery(Schema):
    type: DocumentType | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    body: BodyCode | None = None
    language: Literal["en", "ru"] | None = None
    sort: Literal["date", "-date", "title", "-title", "type"] = "-date"

    def filters(self) -> dict:
        """The keywords of ``selectors.list_documents``."""
        return {
            "doc_type": self.type,
            "year": self.year,
            "body": self.body,
            "language": self.language,
            "sort": self.sort,
        }


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=200)
    lang: Literal["en", "ru"] | None = None
    type: DocumentType | None = None
    year: int | None = Field(None, ge=1900, le=2200)
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)

    def to_request(self) -> search.SearchRequest:
        return search.SearchRequest(
            query=self.q,
            language=self.lang,
            doc_type=self.type,
            year=self.year,
            page=self.page,
            page_size=self.page_size,
        )


class ImportFields(Schema):
    type: DocumentType | None = None
    language: Literal["en", "ru"] | None = None
    slug: Slug | None = None
    adopt: bool = False
    dry_run: bool = False

    def to_request(self, raw: bytes) -> ImportRequest:
        return ImportRequest(
            raw=raw,
            doc_type=self.type,
            language=self.language,
            slug=self.slug,
            adopt=self.adopt,
            dry_run=self.dry_run,
        )


@router.get(
    "/documents", response=with_errors({200: list[DocumentItemOut]}, 422), summary="Documents"
)
@paginate(Pages, page_size=50)
def list_documents(request, filters: Query[DocumentQuery]):
    return selectors.list_documents(actor_from_request(request), **filters.filters())


@router.get(
    "/search", response=with_errors({200: SearchOut}, 422), summary="Full-text search of paragraphs"
)
def search_paragraphs(request, filters: Query[SearchQuery]):
    """Ranked units of every held text in which all the words occur, with highlighted snippets
    (`<mark>`) and a link to the paragraph."""
    return SearchOut.of(search.search_units(actor_from_request(request), filters.to_request()))


@router.post(
    "/documents/import",
    response=with_errors({200: ImportOut, 201: ImportOut}, 400, 401, 403, 409, 422),
    auth=AUTHENTICATED,
    summary="Import a document text (Secretariat)",
)
def import_document(request, file: File[UploadedFile], fields: Form[ImportFields]):
    """One text file (at most `DOCUMENT_IMPORT_MAX_BYTES`). `adopt` records a document new to
    Concord as adopted by a decision taken elsewhere; a draft is adopted only by a procedure."""
    actor = actor_from_request(request)
    if not permissions.can_import_documents(actor):
        raise NotPermitted(_("Only the Secretariat can import documents."))
    import_rules.check_size(file.size, file.name)
    asked = fields.to_request(file.read())
    outcome = services.import_document(actor=actor, request=asked)
    status = 201 if outcome.status == ImportStatus.IMPORTED else 200
    return status, ImportOut.of(outcome, structure=asked.dry_run)


@router.get(
    "/documents/{slug}",
    response=with_errors({200: dict}, 404, 422),
    summary="A document's structure",
)
def get_document(request, slug: str, lang: Literal["en", "ru"] = "en"):
    document = selectors.access_document(actor_from_request(request), slug)
    return exports.as_json(document, selectors.require_text(document, lang))


@router.get(
    "/documents/{slug}/export/{fmt}",
    response=with_errors({}, 404, 422),
    summary="Export as Akoma Ntoso, JSON, plain text or HTML",
    openapi_extra={"responses": {200: exports.OPENAPI_CONTENT}},
)
def export_document(
    request, slug: str, fmt: Literal["akn", "json", "txt", "html"], lang: Literal["en", "ru"] = "en"
):
    """The text in one format, as a file: `akn` is Akoma Ntoso 3.0 XML, `json` the structure of
    `GET /api/documents/{slug}`, `txt` plain text that imports back to the same structure,
    `html` a standalone page."""
    document = selectors.access_document(actor_from_request(request), slug)
    content, content_type, extension = exports.export(
        document, selectors.require_text(document, lang), fmt
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        False, f"{document.slug}-{lang}.{extension}"
    )
    return response


@router.post(
    "/documents/{slug}/languages",
    response={
        **with_errors({200: LanguageVersionOut, 201: LanguageVersionOut}, 400, 401, 403, 404, 409),
        422: MismatchOut,
    },
    auth=AUTHENTICATED,
    summary="Add a language version (Secretariat; the Chair for a draft)",
)
def add_language_version(request, slug: str, payload: LanguageVersionIn):
    """The text of the document in the language its latest version lacks, added only when its
    structure matches the text held (the same preambular paragraphs, operative numbering,
    items, sections and annexes); otherwise 422 with each difference, named with the line of
    the text. `dry_run` checks and adds nothing."""
    actor = actor_from_request(request)
    document = selectors.access_document(actor, slug)
    asked = ImportRequest(
        raw=payload.text,
        language=payload.language,
        slug=document.slug,
        dry_run=payload.dry_run,
        language_version=True,
    )
    try:
        outcome = services.import_document(actor=actor, request=asked)
    except import_rules.StructureMismatch as exc:
        return 422, {"detail": exc.message, "field": exc.field, "differences": exc.differences}
    except DomainError as exc:
        exc.field = LanguageVersionIn.field_for(exc.field)
        raise
    status = 201 if outcome.status == ImportStatus.IMPORTED else 200
    return status, LanguageVersionOut.of(outcome)
