"""Drafts, their versions and amendments, and comparisons, over the REST API."""

from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.pagination import paginate

from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.pagination import Pages
from concord.core.schemas import InputSchema, with_errors
from concord.documents.models import Document

from . import selectors, services
from .models import Amendment
from .schemas import (
    AmendmentIn,
    AmendmentOut,
    ComparisonOut,
    DecisionIn,
    DraftItemOut,
    DraftOut,
    Language,
    RejectionIn,
    VersionOut,
    VersionTextOut,
)

router = Router(tags=["drafting"], auth=AUTHENTICATED)
ERRORS = (400, 401, 403, 404, 409, 422)


class DraftQuery(InputSchema):
    status: Literal[(*Document.Status.values, selectors.ANY_STATUS)] | None = None


@router.get("/drafts", response=with_errors({200: list[DraftItemOut]}, *ERRORS), summary="Drafts")
@paginate(Pages, page_size=50)
def list_drafts(request, filters: Query[DraftQuery]):
    return selectors.list_drafts(actor_from_request(request), status=filters.status)


@router.get("/drafts/{slug}", response=with_errors({200: DraftOut}, *ERRORS), summary="A draft")
def get_draft(request, slug: str):
    return selectors.access_draft(actor_from_request(request), slug)


class LanguageQuery(InputSchema):
    language: Language = "en"


@router.get(
    "/drafts/{slug}/versions/{int:number}",
    response=with_errors({200: VersionTextOut}, *ERRORS),
    summary="One version's text, unit by unit",
)
def get_version(request, slug: str, number: int, query: Query[LanguageQuery]):
    document = selectors.access_draft(actor_from_request(request), slug)
    return selectors.version_text(selectors.get_version(document, number), query.language)


@router.post(
    "/drafts/{slug}/versions",
    response=with_errors({201: VersionOut}, *ERRORS),
    summary="Incorporate the accepted amendments into a new version",
)
def incorporate(request, slug: str):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    latest = selectors.latest_version(document)
    new = services.incorporate_amendments(actor=actor, version_id=latest.pk)
    return Status(201, selectors.described_version(new))


class AmendmentQuery(InputSchema):
    version: int | None = Field(None, ge=1, le=2**31 - 1)
    status: Literal[tuple(Amendment.Status.values)] | None = None
    language: Language | None = None


@router.get(
    "/drafts/{slug}/amendments",
    response=with_errors({200: list[AmendmentOut]}, *ERRORS),
    summary="Amendments",
)
@paginate(Pages, page_size=50)
def list_amendments(request, slug: str, filters: Query[AmendmentQuery]):
    document = selectors.access_draft(actor_from_request(request), slug)
    version = selectors.get_version(document, filters.version) if filters.version else None
    return selectors.list_amendments(
        document, version=version, status=filters.status, language=filters.language
    )


@router.post(
    "/drafts/{slug}/amendments",
    response=with_errors({201: AmendmentOut}, *ERRORS),
    summary="Propose an amendment",
)
def propose(request, slug: str, payload: AmendmentIn):
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    version = selectors.get_version(document, payload.version)
    amendment = services.propose_amendment(actor=actor, request=payload.to_request(version.pk))
    return Status(201, amendment)


@router.get(
    "/drafts/{slug}/amendments/{int:amendment_id}",
    response=with_errors({200: AmendmentOut}, *ERRORS),
    summary="An amendment",
)
def get_amendment(request, slug: str, amendment_id: int):
    document = selectors.access_draft(actor_from_request(request), slug)
    return selectors.get_amendment(document, amendment_id)


def _decide(request, slug: str, amendment_id: int, service, **kwargs) -> Amendment:
    """Only an amendment of a draft the caller can see; then the service decides."""
    actor = actor_from_request(request)
    document = selectors.access_draft(actor, slug)
    amendment = selectors.get_amendment(document, amendment_id)
    return service(actor=actor, amendment_id=amendment.pk, **kwargs)


@router.post(
    "/drafts/{slug}/amendments/{int:amendment_id}/accept",
    response=with_errors({200: AmendmentOut}, *ERRORS),
    summary="Accept an amendment",
)
def accept(request, slug: str, amendment_id: int, payload: DecisionIn):
    return _decide(
        request, slug, amendment_id, services.decide_amendment, accept=True, note=payload.note
    )


@router.post(
    "/drafts/{slug}/amendments/{int:amendment_id}/reject",
    response=with_errors({200: AmendmentOut}, *ERRORS),
    summary="Reject an amendment",
)
def reject(request, slug: str, amendment_id: int, payload: RejectionIn):
    return _decide(
        request,
        slug,
        amendment_id,
        services.decide_amendment,
        accept=False,
        note=payload.note,
        reason=payload.reason,
    )


@router.post(
    "/drafts/{slug}/amendments/{int:amendment_id}/withdraw",
    response=with_errors({200: AmendmentOut}, *ERRORS),
    summary="Withdraw an amendment",
)
def withdraw(request, slug: str, amendment_id: int):
    return _decide(request, slug, amendment_id, services.withdraw_amendment)


class CompareQuery(InputSchema):
    from_version: int = Field(..., alias="from", ge=1, le=2**31 - 1)
    to_version: int = Field(..., alias="to", ge=1, le=2**31 - 1)
    language: Language = "en"


@router.get(
    "/drafts/{slug}/compare",
    response=with_errors({200: ComparisonOut}, *ERRORS),
    summary="Compare two versions, paragraph by paragraph and word by word",
)
def compare(request, slug: str, query: Query[CompareQuery]):
    document = selectors.access_draft(actor_from_request(request), slug)
    return selectors.compare_versions(
        document, query.from_version, query.to_version, query.language
    )
