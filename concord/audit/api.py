from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import paginate

from concord.accounts import permissions
from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.exceptions import NotPermitted
from concord.core.schemas import Pages, with_errors

from . import selectors, services
from .schemas import AuditEntryOut, ChainOut

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
    "/audit/verify",
    response=with_errors({200: ChainOut}, 400, 401, 403, 422),
    summary="Check the hash chain of the audit trail",
)
def verify(request):
    if not permissions.can_read_audit(actor_from_request(request)):
        raise NotPermitted(_("Only the Secretariat and the Chair can read the audit trail."))
    intact, count, broken = services.verify_chain()
    return {"intact": intact, "entries": count, "first_broken_seq": broken}
