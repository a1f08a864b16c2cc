from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from concord.accounts import permissions
from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.exceptions import NotPermitted

from . import selectors, services
from .schemas import AuditEntryOut, ChainOut

router = Router(tags=["audit"], auth=AUTHENTICATED)


@router.get("/audit", response=list[AuditEntryOut], summary="The audit trail, newest first")
@paginate(PageNumberPagination, page_size=50)
def list_audit(
    request, event: str | None = None, target_type: str | None = None, target_id: str | None = None
):
    return selectors.list_entries(
        actor_from_request(request), event=event, target_type=target_type, target_id=target_id
    )


@router.get("/audit/verify", response=ChainOut, summary="Check the hash chain of the audit trail")
def verify(request):
    if not permissions.can_read_audit(actor_from_request(request)):
        raise NotPermitted("Only the Secretariat and the Chair can read the audit trail.")
    intact, count, broken = services.verify_chain()
    return {"intact": intact, "entries": count, "first_broken_seq": broken}
