from typing import Literal

from ninja import Router
from ninja.pagination import paginate

from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.pagination import Pages
from concord.core.schemas import with_errors

from . import selectors, services
from .schemas import DeliveryOut, MessageOut

router = Router(tags=["inbox"], auth=AUTHENTICATED)
DeliveryFilter = Literal[tuple(selectors.DELIVERY_FILTERS)]


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


@router.get(
    "/deliveries",
    response=with_errors({200: list[DeliveryOut]}, 401, 403, 422),
    summary="E-mail deliveries, newest first (Secretariat)",
    description="`status=problem` lists the failed ones and those stalled (nothing has "
    "happened to them for 15 minutes: no worker running, or one stopped while sending).",
)
@paginate(Pages, page_size=50)
def list_deliveries(request, status: DeliveryFilter | None = None):
    return selectors.list_deliveries(actor_from_request(request), status=status)


@router.post(
    "/deliveries/{delivery_id}/send-again",
    response=with_errors({200: DeliveryOut}, 400, 401, 403, 404, 409, 422),
    summary="Send a failed or stalled e-mail again (Secretariat)",
)
def send_again(request, delivery_id: int):
    return services.send_again(actor=actor_from_request(request), delivery_id=delivery_id)
