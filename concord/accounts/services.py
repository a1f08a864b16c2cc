"""Writes on accounts: each checks the actor's right, changes data and audits in one transaction."""

import hashlib
import secrets

from django.contrib.auth import login, logout, password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import Actor, actor_for
from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound, NotPermitted
from concord.members import selectors as registry
from concord.members.models import Membership, Participant

from . import permissions
from .models import ApiToken, Role, User

TOKEN_PREFIX = "cnc_"


def _participant_for(role: str, code: str | None) -> Participant | None:
    """Check the binding a role needs against today's registry."""
    today = clock.today()
    if role == Role.SECRETARIAT:
        if code:
            raise InvalidInput(
                _("A Secretariat officer acts for the Secretariat, not a state."), field="state"
            )
        return None
    if role == Role.CHAIR and not code:
        chair = registry.chairmanship_on(today)
        if chair is None:
            raise InvalidInput(_("No state holds the Chairmanship today; name one."), field="state")
        return chair.participant
    if not code:
        raise InvalidInput(
            _("A person in the role “%(role)s” must act for a state.") % {"role": Role(role).label},
            field="state",
        )
    try:
        participant = registry.get_participant(code)
    except NotFound as exc:
        raise InvalidInput(
            _("Unknown state or organisation %(code)s.") % {"code": repr(code)}, field="state"
        ) from exc
    status = registry.status_on(participant, today)
    if role == Role.OBSERVER:
        if status != Membership.Status.OBSERVER:
            raise InvalidInput(
                _("%(name)s is not an observer today.") % {"name": participant.name},
                field="state",
            )
    elif status != Membership.Status.MEMBER:
        raise InvalidInput(
            _("%(name)s is not a Member State today.") % {"name": participant.name},
            field="state",
        )
    return participant


@transaction.atomic(durable=True)
def create_user(
    *,
    actor: Actor,
    email: str,
    role: str,
    state: str | None = None,
    password: str | None = None,
    display_name: str = "",
) -> User:
    """Register a person in a role; every role but the Secretariat acts for a participant."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(_("Only the Secretariat can create accounts."))
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise InvalidInput(
            _("%(email)s is not a valid e-mail address.") % {"email": repr(email)}, field="email"
        ) from exc
    if role not in Role.values:
        raise InvalidInput(
            _("Unknown role %(role)s; choose one of %(roles)s.")
            % {"role": repr(role), "roles": ", ".join(Role.values)},
            field="role",
        )
    if User.objects.filter(email=email).exists():
        raise InvalidInput(
            _("An account for %(email)s already exists.") % {"email": email}, field="email"
        )
    participant = _participant_for(role, state)
    user = User(email=email, role=role, participant=participant, display_name=display_name)
    if password:
        try:
            password_validation.validate_password(password, user)
        except ValidationError as exc:
            raise InvalidInput(" ".join(exc.messages), field="password") from exc
    user.set_password(password or None)  # no password: the person sets one via the reset link
    user.save()
    record(
        actor=actor,
        event=AuditEvent.USER_CREATED,
        target=user,
        summary=f"{email} registered as {role}"
        + (f" for {participant.code}" if participant else ""),
        data={
            "email": email,
            "role": role,
            "participant": participant.code if participant else None,
        },
    )
    return user


@transaction.atomic(durable=True)
def set_user_active(*, actor: Actor, user: User, active: bool) -> User:
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(_("Only the Secretariat can deactivate or reactivate accounts."))
    if actor.user is not None and actor.user.pk == user.pk:
        raise InvalidTransition(_("You cannot deactivate your own account."), field="active")
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(
        actor=actor,
        event=AuditEvent.USER_REACTIVATED if active else AuditEvent.USER_DEACTIVATED,
        target=user,
        summary=f"{user.email} {'reactivated' if active else 'deactivated'}",
        data={"is_active": active},
    )
    return user


def _digest(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


@transaction.atomic(durable=True)
def issue_api_token(*, actor: Actor, user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal token for `user`; the plaintext is returned once and never stored."""
    if actor.is_system is False and (actor.user is None or actor.user.pk != user.pk):
        raise NotPermitted(_("API tokens are personal: you can only issue your own."))
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("Give the token a name, so you can recognise it later."), field="name")
    if len(name) > 100:
        raise InvalidInput(_("The token name is longer than 100 characters."), field="name")
    secret = secrets.token_urlsafe(32)
    plaintext = f"{TOKEN_PREFIX}{secret}"
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=plaintext[: len(TOKEN_PREFIX) + 6],
        digest=_digest(plaintext),
        created_at=clock.now(),
    )
    record(
        actor=actor,
        event=AuditEvent.TOKEN_ISSUED,
        target=token,
        summary=f"API token {token.prefix}… ({name}) issued to {user.email}",
        data={"name": name, "prefix": token.prefix, "user": user.email},
    )
    return token, plaintext


@transaction.atomic(durable=True)
def revoke_api_token(*, actor: Actor, token: ApiToken) -> ApiToken:
    if not permissions.can_revoke_token(actor, token):
        raise NotPermitted(_("You can only revoke your own API tokens."))
    if token.revoked_at is not None:
        raise InvalidTransition(_("This token is already revoked."))
    token.revoked_at = clock.now()
    token.save(update_fields=["revoked_at"])
    record(
        actor=actor,
        event=AuditEvent.TOKEN_REVOKED,
        target=token,
        summary=f"API token {token.prefix}… ({token.name}) revoked",
        data={"prefix": token.prefix, "user": token.user.email},
    )
    return token


def user_for_token(plaintext: str) -> User | None:
    """The active owner of an unrevoked token, or None."""
    if not plaintext.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user", "user__participant")
        .filter(digest=_digest(plaintext), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = clock.now()
    # Bookkeeping, not a change of state worth an audit entry; throttled to spare the database.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic(durable=True)
def change_password(*, actor: Actor, new_password: str) -> User:
    """The signed-in person changes their own password (the old one was checked by the form)."""
    user = actor.user
    if user is None:
        raise NotPermitted(_("Sign in to change your password."))
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record(
        actor=actor,
        event=AuditEvent.PASSWORD_CHANGED,
        target=user,
        summary=f"{user.email} changed their password",
    )
    return user


@transaction.atomic(durable=True)
def reset_password(*, user: User, new_password: str) -> User:
    """Set a password through an e-mailed reset link; holding the link proves who acts."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    record(
        actor=actor_for(user),
        event=AuditEvent.PASSWORD_RESET,
        target=user,
        summary=f"{user.email} set a new password through a reset link",
    )
    return user


@transaction.atomic(durable=True)
def sign_in(request, user: User) -> None:
    login(request, user)
    record(
        actor=actor_for(user),
        event=AuditEvent.LOGGED_IN,
        target=user,
        summary=f"{user.email} signed in",
    )


@transaction.atomic(durable=True)
def sign_out(request) -> None:
    user = request.user
    if user.is_authenticated:
        record(
            actor=actor_for(user),
            event=AuditEvent.LOGGED_OUT,
            target=user,
            summary=f"{user.email} signed out",
        )
    logout(request)
