"""Consensus procedures over the REST API."""

from typing import Literal

from ninja import Field, Query, Router, Status
from ninja.pagination import paginate

from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.pagination import Pages
from concord.core.schemas import InputSchema, with_errors

from . import choices, selectors, services, superseding
from .schemas import PositionIn, ProcedureIn, ProcedureItemOut, ProcedureOut, ReopenIn
from .subjects import registry

router = Router(tags=["decisions"], auth=AUTHENTICATED)
ERRORS = (400, 401, 403, 404, 409, 422)


def procedure_out(procedure) -> dict:
    standing = selectors.standing(procedure)
    return {
        "id": procedure.pk,
        "title": procedure.title,
        "record_number": procedure.record_number or None,
        "question": selectors.question(procedure, standing, selectors.named_tally(procedure)),
        "subject": {
            "type": procedure.subject,
            "state": procedure.participant.code if procedure.participant_id else None,
            "version": procedure.version_id,
            "text": procedure.text,
            **registry.of(procedure).output(procedure),
        },
        "effect": procedure.effect,
        "superseded": _superseded(procedure),
        "reopened_as": procedure.reopened_as_id,
        "withdrawn_because": procedure.withdrawn_because,
        "mode": procedure.mode,
        "status": standing.status,
        "outcome": standing.outcome or None,
        "settling": standing.settling,
        "deadline": procedure.deadline,
        "opened_at": procedure.opened_at,
        "closed_at": standing.closed_at,
        "opened_by": str(procedure.opened_by) if procedure.opened_by_id else None,
        "closed_by": str(procedure.closed_by) if procedure.closed_by_id else None,
        "shared_with_observers": procedure.shared_with_observers,
        "held_at": procedure.held_at.slug if procedure.held_at_id else None,
        "tally": selectors.tally(procedure),
        "positions": [
            {
                "state": p.participant.code,
                "position": p.kind,
                "statement": p.statement,
                "stated_by": {"name": str(p.stated_by), "role": p.stated_by.role},
                "stated_at": p.stated_at,
                "current": p.superseded_at is None,
            }
            for p in selectors.list_positions(procedure)
        ],
    }


def _superseded(procedure) -> dict | None:
    found = selectors.superseded(procedure)
    if found is None:
        return None
    return {
        "version": found.under_decision.number,
        "latest_version": found.newest.number,
        "kept": found.kept,
    }


class ProcedureQuery(InputSchema):
    status: Literal[tuple(choices.Status.values)] | None = None
    subject: Literal[tuple(registry.names())] | None = None
    awaiting: bool = Field(
        False,
        description="Only those awaiting my state's position (a Member State's coordinator "
        "or delegate; 422 for anyone else)",
    )


@router.get(
    "/procedures",
    response=with_errors({200: list[ProcedureItemOut]}, *ERRORS),
    summary="Procedures",
)
@paginate(Pages, page_size=50)
def list_procedures(request, filters: Query[ProcedureQuery]):
    # A queryset, so that the paginator reads only the page asked for.
    return selectors.list_procedures(
        actor_from_request(request),
        status=filters.status,
        subject=filters.subject,
        awaiting=filters.awaiting,
    )


@router.post(
    "/procedures", response=with_errors({201: ProcedureOut}, *ERRORS), summary="Open a procedure"
)
def open_procedure(request, payload: ProcedureIn):
    procedure = services.open_procedure(
        actor=actor_from_request(request), request=payload.to_request()
    )
    return Status(201, procedure_out(procedure))


@router.get(
    "/procedures/{int:procedure_id}",
    response=with_errors({200: ProcedureOut}, *ERRORS),
    summary="A procedure",
)
def get_procedure(request, procedure_id: int):
    return procedure_out(selectors.access_procedure(actor_from_request(request), procedure_id))


@router.post(
    "/procedures/{int:procedure_id}/positions",
    response=with_errors({201: ProcedureOut}, *ERRORS),
    summary="State your state's position",
)
def state_position(request, procedure_id: int, payload: PositionIn):
    actor = actor_from_request(request)
    selectors.access_procedure(actor, procedure_id)
    services.state_position(
        actor=actor, procedure_id=procedure_id, kind=payload.position, statement=payload.statement
    )
    return Status(201, procedure_out(selectors.access_procedure(actor, procedure_id)))


@router.post(
    "/procedures/{int:procedure_id}/close",
    response=with_errors({200: ProcedureOut}, *ERRORS),
    summary="Close",
)
def close_procedure(request, procedure_id: int):
    return _step(request, procedure_id, services.close_procedure)


@router.post(
    "/procedures/{int:procedure_id}/withdraw",
    response=with_errors({200: ProcedureOut}, *ERRORS),
    summary="Withdraw",
)
def withdraw_procedure(request, procedure_id: int):
    return _step(request, procedure_id, services.withdraw_procedure)


@router.post(
    "/procedures/{int:procedure_id}/reopen",
    response=with_errors({201: ProcedureOut}, *ERRORS),
    summary="Withdraw and reopen on the latest version",
)
def reopen_on_version(request, procedure_id: int, payload: ReopenIn):
    """Withdraw a procedure whose version a later one supersedes and open it again, with the
    same title, subject and mode, on the latest version: one step. Returns the new procedure."""
    actor = actor_from_request(request)
    selectors.access_procedure(actor, procedure_id)
    new = superseding.reopen_on_version(
        actor=actor, procedure_id=procedure_id, reason=payload.reason, deadline=payload.deadline
    )
    return Status(201, procedure_out(new))


@router.post(
    "/procedures/{int:procedure_id}/keep",
    response=with_errors({200: ProcedureOut}, *ERRORS),
    summary="Keep on the version it was opened on",
)
def keep_version(request, procedure_id: int):
    return _step(request, procedure_id, superseding.keep_version)


def _step(request, procedure_id: int, service) -> dict:
    """Close or withdraw: only a procedure the caller can see, then the service decides."""
    actor = actor_from_request(request)
    selectors.access_procedure(actor, procedure_id)
    return procedure_out(service(actor=actor, procedure_id=procedure_id))
