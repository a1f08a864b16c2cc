"""Reads on accounts, already limited to what the actor may see."""

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from concord.core.actors import Actor, actor_for
from concord.core.exceptions import NotFound, NotPermitted

from . import permissions
from .models import ApiToken, Invitation, Role, User
from .permissions import AccountOperation


def list_users(actor: Actor, *, role: str | None = None, query: str = "") -> QuerySet[User]:
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(AccountOperation.LIST.refusal)
    return _users(role=role, query=query)


def _users(*, role: str | None = None, query: str = "") -> QuerySet[User]:
    # Until when the newest link works: a deactivation revoked it early.
    newest_invitation = (
        Invitation.objects.filter(user=OuterRef("pk"))
        .order_by("-pk")
        .annotate(works_until=Coalesce("revoked_at", "expires_at"))
    )
    qs = (
        User.objects.select_related("participant")
        .annotate(invitation_expires_at=Subquery(newest_invitation.values("works_until")[:1]))
        .order_by("email")
    )
    if role:
        qs = qs.filter(role=role)
    if query:
        qs = qs.filter(email__icontains=query)
    return qs


def access_user(actor: Actor, user_id: int, *, to: AccountOperation = AccountOperation.SEE) -> User:
    """One account, for the Secretariat to do ``to`` with. Anyone else is refused that operation
    by name, before the account is looked for."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(to.refusal)
    user = _users().filter(pk=user_id).first()
    if user is None:
        raise NotFound(_("No account with id %(id)s.") % {"id": user_id}, field="id")
    return user


def get_user_by_email(email: str) -> User:
    user = User.objects.select_related("participant").filter(email=email.strip().lower()).first()
    if user is None:
        raise NotFound(_("No account for %(email)s.") % {"email": repr(email)}, field="email")
    return user


def find_active_user(email: str) -> User | None:
    """The active account with this address, if any (for the password-reset task)."""
    return User.objects.filter(email=email.strip().lower(), is_active=True).first()


def find_invitation(invitation_id: int) -> Invitation | None:
    return (
        Invitation.objects.select_related("user", "user__participant")
        .filter(pk=invitation_id)
        .first()
    )


def list_tokens(actor: Actor) -> QuerySet[ApiToken]:
    if actor.user is None:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=actor.user).order_by("-created_at")


def access_token(actor: Actor, token_id: int) -> ApiToken:
    """One token the actor may manage; a hidden token and a missing one give the same error."""
    token = ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if token is None or not permissions.can_revoke_token(actor, token):
        raise NotFound(_("No API token with id %(id)s.") % {"id": token_id}, field="id")
    return token


def list_coordinators(participant_ids) -> QuerySet[User]:
    """The active national coordinators of these participants (the forum writes to them)."""
    return User.objects.filter(
        role=Role.COORDINATOR, is_active=True, participant_id__in=participant_ids
    )


def list_officers() -> list[User]:
    """The active accounts that decide on procedures today: the Secretariat's, and the Chair's
    representatives while their state holds the Chairmanship."""
    people = User.objects.filter(
        role__in=(Role.SECRETARIAT, Role.CHAIR), is_active=True
    ).select_related("participant")
    return [
        user
        for user in people
        if user.role == Role.SECRETARIAT or permissions.has_chair_rights(actor_for(user))
    ]
