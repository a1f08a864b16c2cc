"""The work waiting for the signed-in person, as the home page shows it."""

from ninja import Router

from concord.accounts.auth import AUTHENTICATED
from concord.core.actors import actor_from_request
from concord.core.schemas import with_errors

from .schemas import WorkOut
from .work import work_for

router = Router(tags=["accounts"], auth=AUTHENTICATED)


@router.get(
    "/me/work",
    response=with_errors({200: WorkOut}, 400, 401, 403, 404, 409, 422),
    summary="The work waiting for me",
)
def my_work(request):
    """The sections that apply to my role, each with its count, its first few items and the
    page that lists them all: procedures awaiting my state's position (a Member State's
    coordinator or delegate), amendments awaiting a decision (the Secretariat, the Chair),
    drafts under silence, unread messages."""
    return work_for(actor_from_request(request))
