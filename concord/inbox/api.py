from ninja import Router
from ninja.pagination import paginate

from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.schemas import Pages, with_errors

from . import selectors, services
from .schemas import MessageOut

router = Router(tags=["inbox"], auth=AUTHENTICATED)


@router.get(
    "/inbox", response=with_errors({200: list[MessageOut]}, 401, 422), summary="My messages"
)
@paginate(Pages, page_size=50)
def list_messages(request, unread: bool = False):
    return selectors.list_messages(actor_from_request(request), unread_only=unread)


@router.post(
    "/inbox/{message_id}/read",
    response=with_errors({200: MessageOut}, 400, 401, 404, 422),
    summary="Mark a message read",
)
def mark_read(request, message_id: int):
    return services.mark_read(actor=actor_from_request(request), message_id=message_id)
