from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from concord.accounts import permissions
from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.exceptions import InvalidInput, NotFound, NotPermitted
from concord.core.pagination import Pages
from concord.core.schemas import with_errors

from . import chain, selectors, services
from .schemas import AuditEntryOut, ChainOut, SignedHeadOut, VerifyQuery

router = Router(tags=["audit"], auth=AUTHENTICATED)


@router.get(
    "/audit",
    response=with_errors({200: list[AuditEntryOut]}, 400, 401, 403, 422),
    summary="The audit trail, newest first",
)
@paginate(Pages, page_size=50)
def list_audit(
    request, event: str | None = None, target_type: str | None = None, target_id: str | None = None
):
    return selectors.list_entries(
        actor_from_request(request), event=event, target_type=target_type, target_id=target_id
    )


@router.get(
    "/audit/head",
    auth=None,
    response=with_errors({200: SignedHeadOut}, 404),
    summary="The signed head of the audit chain (public)",
)
def get_head(request):
    head = selectors.get_signed_head()
    if head is None:
        raise NotFound(_("The audit trail has no entries yet."))
    return head


@router.get(
    "/audit/verify",
    response=with_errors({200: ChainOut}, 400, 401, 403, 422),
    summary="Check the audit chain against its signed head, and through a saved head",
)
def verify(request, query: Query[VerifyQuery]):
    """With `seq` and `hash` (of a head saved earlier), also check that the chain still passes
    through it."""
    if not permissions.can_read_audit(actor_from_request(request)):
        raise NotPermitted(_("Only the Secretariat and the Chair can read the audit trail."))
    if (query.seq is None) != (query.hash is None):
        missing = "hash" if query.hash is None else "seq"
        raise InvalidInput(_("Give both the seq and the hash of the saved head."), field=missing)
    saved = [chain.Head(query.seq, query.hash)] if query.seq is not None else []
    verdict = services.verify_chain(saved=saved)
    return {
        "intact": verdict.intact,
        "entries": verdict.entries,
        "head_seq": verdict.head.seq,
        "first_broken_seq": verdict.first_broken_seq,
        "problems": verdict.problems,
    }
