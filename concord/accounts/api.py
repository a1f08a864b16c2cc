"""Who am I, my API tokens, and (for the Secretariat) the accounts of the forum."""

from django.conf import settings
from ninja import Query, Router, Status
from ninja.pagination import paginate

from concord.core.actors import actor_from_request
from concord.core.pagination import Pages
from concord.core.schemas import with_errors

from . import invitations, permissions, selectors, services
from .auth import AUTHENTICATED
from .models import EMAIL_MAX_LENGTH
from .permissions import AccountOperation
from .schemas import (
    InvitationOut,
    MeOut,
    NewTokenOut,
    PreferencesPatch,
    RoleName,
    TokenIn,
    TokenOut,
    UserIn,
    UserOut,
    UserPatch,
)
from .signin import two_factor

router = Router(tags=["accounts"], auth=AUTHENTICATED)


@router.get(
    "/me",
    response=with_errors({200: MeOut}, 400, 401, 403, 404, 409, 422),
    summary="The signed-in account and its rights today",
)
def me(request):
    return _me(actor_from_request(request))


@router.patch(
    "/me",
    response=with_errors({200: MeOut}, 400, 401, 403, 404, 409, 422),
    summary="Choose my language and time zone",
)
def update_me(request, payload: PreferencesPatch):
    """A field left out stays as it is; an empty one returns to the default."""
    actor = actor_from_request(request)
    user = actor.user
    services.set_preferences(
        actor=actor,
        language=user.language if payload.language is None else payload.language,
        time_zone=user.time_zone if payload.time_zone is None else payload.time_zone,
    )
    return _me(actor)


def _me(actor) -> dict:
    user = actor.user
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role,
        "state": actor.participant.code if actor.participant else None,
        "rights": permissions.rights_of(actor),
        "two_factor": two_factor.status_of(user),
        "language": user.language or None,
        "time_zone": user.time_zone or settings.TIME_ZONE,
        "time_zone_chosen": bool(user.time_zone),
    }


@router.get(
    "/tokens",
    response=with_errors({200: list[TokenOut]}, 400, 401, 403, 404, 409, 422),
    summary="My API tokens",
)
def list_tokens(request):
    return selectors.list_tokens(actor_from_request(request))


@router.post(
    "/tokens",
    response=with_errors({201: NewTokenOut}, 400, 401, 403, 404, 409, 422),
    summary="Issue a token (shown once)",
)
def issue_token(request, payload: TokenIn):
    """A token reads only (`read`: GET, HEAD, OPTIONS) or acts with all of your rights
    (`write`), until it expires; a change of password or a reset revokes it."""
    actor = actor_from_request(request)
    token, plaintext = services.issue_api_token(
        actor=actor,
        user=actor.user,
        name=payload.name,
        scope=payload.scope,
        days=payload.expires_in_days,
    )
    return Status(201, {**TokenOut.from_orm(token).dict(), "token": plaintext})


@router.post(
    "/tokens/{token_id}/revoke",
    response=with_errors({200: TokenOut}, 400, 401, 403, 404, 409, 422),
    summary="Revoke a token",
)
def revoke_token(request, token_id: int):
    actor = actor_from_request(request)
    return services.revoke_api_token(actor=actor, token=selectors.access_token(actor, token_id))


@router.get(
    "/users",
    response=with_errors({200: list[UserOut]}, 400, 401, 403, 404, 409, 422),
    summary="Accounts (Secretariat)",
)
@paginate(Pages, page_size=50)
def list_users(
    request, role: RoleName | None = None, q: str = Query("", max_length=EMAIL_MAX_LENGTH)
):
    return selectors.list_users(actor_from_request(request), role=role, query=q)


@router.post(
    "/users",
    response=with_errors({201: UserOut}, 400, 401, 403, 404, 409, 422),
    summary="Create an account (Secretariat)",
)
def create_user(request, payload: UserIn):
    """Without a password, the person is sent an invitation to set one."""
    actor = actor_from_request(request)
    user = services.create_user(actor=actor, **payload.dict())
    return Status(201, selectors.access_user(actor, user.pk))


@router.get(
    "/users/{user_id}",
    response=with_errors({200: UserOut}, 400, 401, 403, 404, 409, 422),
    summary="One account (Secretariat)",
)
def get_user(request, user_id: int):
    return selectors.access_user(actor_from_request(request), user_id)


@router.patch(
    "/users/{user_id}",
    response=with_errors({200: UserOut}, 400, 401, 403, 404, 409, 422),
    summary="Deactivate or reactivate an account",
)
def update_user(request, user_id: int, payload: UserPatch):
    actor = actor_from_request(request)
    user = selectors.access_user(actor, user_id, to=AccountOperation.SET_ACTIVE)
    services.set_user_active(actor=actor, user=user, active=payload.active)
    return selectors.access_user(actor, user_id)


@router.post(
    "/users/{user_id}/invitation",
    response=with_errors({201: InvitationOut}, 400, 401, 403, 404, 409, 422),
    summary="Send a new invitation to set a password (Secretariat)",
)
def send_invitation(request, user_id: int):
    """For an active account that has no password yet; the earlier link stops working."""
    actor = actor_from_request(request)
    user = selectors.access_user(actor, user_id, to=AccountOperation.INVITE)
    invitation = invitations.invite(actor=actor, user=user)
    return Status(201, invitation)
