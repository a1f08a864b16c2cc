"""The Secretariat's view of an account's sign-in: its lockout and second factor, and the
operations that lift the one and reset the other."""

from ninja import Router

from concord.core.actors import actor_from_request
from concord.core.schemas import with_errors

from .. import selectors
from ..auth import AUTHENTICATED
from ..permissions import AccountOperation
from . import lockout, two_factor
from .schemas import SignInStatusOut

router = Router(tags=["accounts"], auth=AUTHENTICATED)


def _status(user) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "locked_until": lockout.locked_accounts([user.email]).get(user.email),
        "two_factor": two_factor.status_of(user),
    }


@router.get(
    "/users/{user_id}/sign-in",
    response=with_errors({200: SignInStatusOut}, 400, 401, 403, 404, 409, 422),
    summary="An account's lockout and second factor (Secretariat)",
)
def sign_in_status(request, user_id: int):
    return _status(selectors.access_user(actor_from_request(request), user_id))


@router.post(
    "/users/{user_id}/unlock",
    response=with_errors({200: SignInStatusOut}, 400, 401, 403, 404, 409, 422),
    summary="Lift an account's sign-in lockout (Secretariat)",
)
def unlock(request, user_id: int):
    actor = actor_from_request(request)
    user = selectors.access_user(actor, user_id, to=AccountOperation.LIFT_LOCKOUT)
    user = lockout.lift_lockout(actor=actor, user=user)
    return _status(user)


@router.post(
    "/users/{user_id}/two-factor/reset",
    response=with_errors({200: SignInStatusOut}, 400, 401, 403, 404, 409, 422),
    summary="Reset an account's second factor, e.g. after a lost phone (Secretariat)",
)
def reset_two_factor(request, user_id: int):
    actor = actor_from_request(request)
    user = selectors.access_user(actor, user_id, to=AccountOperation.RESET_SECOND_FACTOR)
    user = two_factor.reset_second_factor(actor=actor, user=user)
    return _status(user)
