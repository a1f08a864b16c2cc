"""Writes on accounts: each checks the actor's right, changes data and audits in one transaction."""

import datetime as dt
import hashlib
import secrets
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import Actor, actor_for
from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound, NotPermitted
from concord.core.inputs import text_problem
from concord.members import selectors as registry
from concord.members.models import Membership, Participant

from . import notices, permissions, preferences
from .invitations import invite_within, revoke_open_invitations
from .models import (
    DISPLAY_NAME_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    TOKEN_NAME_MAX_LENGTH,
    ApiToken,
    Role,
    TokenScope,
    User,
)
from .validators import validate_new_password

TOKEN_PREFIX = "cnc_"
# Where a session keeps its clock (seconds since the epoch), read by concord.accounts.sessions.
SIGNED_IN_AT = "concord.signed_in_at"
LAST_SEEN_AT = "concord.last_seen_at"


class SessionLimit(StrEnum):
    """The limit that ended a session: SESSION_IDLE_TIMEOUT or SESSION_ABSOLUTE_LIFETIME."""

    IDLE = "idle"
    LIFETIME = "lifetime"


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


def _at_most(value: str, limit: int, field: str, message: str) -> None:
    """The same limit as the column, the form and the API schema (models.*_MAX_LENGTH)."""
    if len(value) > limit:
        raise InvalidInput(message % {"n": limit}, field=field)


def _one_line(value: str, field: str) -> None:
    """A name goes into lists, audit summaries and e-mail: the form's and the schema's check."""
    if problem := text_problem(value, single_line=True):
        raise InvalidInput(problem, field=field)


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
    """Register a person in a role; every role but the Secretariat acts for a participant.
    Without a password, the person is sent an invitation to set one. The state's coordinators
    are told of an account that can state its positions."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(permissions.AccountOperation.CREATE.refusal)
    email = (email or "").strip().lower()
    _at_most(
        email, EMAIL_MAX_LENGTH, "email", _("The e-mail address is longer than %(n)s characters.")
    )
    try:
        validate_email(email)
    except ValidationError as exc:
        raise InvalidInput(
            _("%(email)s is not a valid e-mail address.") % {"email": repr(email)}, field="email"
        ) from exc
    display_name = (display_name or "").strip()
    _one_line(display_name, "display_name")
    _at_most(
        display_name,
        DISPLAY_NAME_MAX_LENGTH,
        "display_name",
        _("The name is longer than %(n)s characters."),
    )
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
        validate_new_password(password, user)
    user.set_password(password or None)
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
    notices.tell_coordinators(actor=actor, user=user)
    if not password:
        invite_within(actor=actor, user=user)
    return user


def _revoke_live_tokens(user: User) -> list[str]:
    """Revoke every token of the person still in use; their prefixes, for the audit entry."""
    now = clock.now()
    live = ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now)
    prefixes = list(live.order_by("pk").values_list("prefix", flat=True))
    live.update(revoked_at=now)
    return prefixes


def _tokens_note(prefixes: list[str]) -> str:
    return f"; {len(prefixes)} API token(s) revoked" if prefixes else ""


@transaction.atomic(durable=True)
def set_user_active(*, actor: Actor, user: User, active: bool) -> User:
    """Deactivation revokes the person's tokens and invitation links; both directions end
    every session and password-reset link issued before, so a reactivated account starts with
    none. The state's coordinators are told of a reactivated account that speaks for it."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(permissions.AccountOperation.SET_ACTIVE.refusal)
    if actor.user is not None and actor.user.pk == user.pk:
        raise InvalidTransition(_("You cannot deactivate your own account."), field="active")
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active == active:
        return user
    user.is_active = active
    user.credentials_epoch += 1
    user.save(update_fields=["is_active", "credentials_epoch"])
    revoked = [] if active else _revoke_live_tokens(user)
    links = [] if active else revoke_open_invitations(user)
    record(
        actor=actor,
        event=AuditEvent.USER_REACTIVATED if active else AuditEvent.USER_DEACTIVATED,
        target=user,
        summary=f"{user.email} {'reactivated' if active else 'deactivated'}"
        + _tokens_note(revoked)
        + (f"; {len(links)} invitation link(s) revoked" if links else ""),
        data={"is_active": active, "tokens_revoked": revoked, "invitations_revoked": links},
    )
    if active:
        notices.tell_coordinators(actor=actor, user=user, reactivated=True)
    return user


def _digest(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


@transaction.atomic(durable=True)
def issue_api_token(
    *,
    actor: Actor,
    user: User,
    name: str,
    scope: str = TokenScope.WRITE,
    days: int | None = None,
) -> tuple[ApiToken, str]:
    """A new personal token for `user`, valid for `days` (settings.API_TOKEN_DEFAULT_DAYS by
    default, at most settings.API_TOKEN_MAX_DAYS); the plaintext is returned once and never
    stored."""
    if actor.is_system is False and (actor.user is None or actor.user.pk != user.pk):
        raise NotPermitted(_("API tokens are personal: you can only issue your own."))
    # Locked, so that a token issued while the account is deactivated cannot escape the
    # revocation (which takes the same lock).
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise InvalidTransition(_("The account is deactivated."))
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("Give the token a name, so you can recognise it later."), field="name")
    _one_line(name, "name")
    _at_most(
        name, TOKEN_NAME_MAX_LENGTH, "name", _("The token name is longer than %(n)s characters.")
    )
    if scope not in TokenScope.values:
        raise InvalidInput(
            _("Unknown scope %(scope)s; choose “read” or “write”.") % {"scope": repr(scope)},
            field="scope",
        )
    days = settings.API_TOKEN_DEFAULT_DAYS if days is None else days
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        raise InvalidInput(
            _("A token is valid for 1 to %(max)s days.") % {"max": settings.API_TOKEN_MAX_DAYS},
            field="expires_in_days",
        )
    secret = secrets.token_urlsafe(32)
    plaintext = f"{TOKEN_PREFIX}{secret}"
    now = clock.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=plaintext[: len(TOKEN_PREFIX) + 6],
        digest=_digest(plaintext),
        scope=scope,
        created_at=now,
        expires_at=now + dt.timedelta(days=days),
    )
    record(
        actor=actor,
        event=AuditEvent.TOKEN_ISSUED,
        target=token,
        summary=f"API token {token.prefix}… ({name}, {scope}) issued to {user.email} "
        f"until {token.expires_at:%Y-%m-%d}",
        data={
            "name": name,
            "prefix": token.prefix,
            "user": user.email,
            "scope": scope,
            "expires_at": token.expires_at,
        },
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


def use_api_token(plaintext: str) -> ApiToken | None:
    """The live token with this secret (unrevoked, unexpired, of an active account), or None."""
    if not plaintext.startswith(TOKEN_PREFIX) or len(plaintext) > 100:
        return None
    now = clock.now()
    token = (
        ApiToken.objects.select_related("user", "user__participant")
        .filter(
            digest=_digest(plaintext),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    # Bookkeeping, not a change of state worth an audit entry; throttled to spare the database.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


@transaction.atomic(durable=True)
def change_password(*, actor: Actor, new_password: str) -> User:
    """The signed-in person changes their own password (the old one was checked by the form).
    Their API tokens are revoked and their other sessions end (the session hash covers the
    password); the view keeps the current session."""
    user = actor.user
    if user is None:
        raise NotPermitted(_("Sign in to change your password."))
    validate_new_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoked = _revoke_live_tokens(user)
    record(
        actor=actor,
        event=AuditEvent.PASSWORD_CHANGED,
        target=user,
        summary=f"{user.email} changed their password" + _tokens_note(revoked),
        data={"tokens_revoked": revoked},
    )
    return user


@transaction.atomic(durable=True)
def set_preferences(*, actor: Actor, language: str, time_zone: str) -> User:
    """The signed-in person chooses the language they read in (blank: as their browser asks)
    and their time zone (an IANA name; blank: the site's)."""
    user = actor.user
    if user is None:
        raise NotPermitted(_("Sign in to choose your language and time zone."))
    codes = [code for code, _name in settings.LANGUAGES]
    if language and language not in codes:
        raise InvalidInput(
            _("The language is one of %(codes)s, or empty.") % {"codes": ", ".join(codes)},
            field="language",
        )
    time_zone = time_zone.strip()
    # The zone held is not checked again: one the machine no longer knows reads as the site's
    # (``i18n.zone_of``) and must not stop a change of language alone.
    if time_zone and time_zone != user.time_zone and not preferences.is_time_zone(time_zone):
        raise InvalidInput(
            _("%(zone)s is not a time zone; give its IANA name, such as Asia/Almaty.")
            % {"zone": repr(time_zone)},
            field="time_zone",
        )
    before = {"language": user.language, "time_zone": user.time_zone}
    after = {"language": language, "time_zone": time_zone}
    if before == after:
        return user
    user.language, user.time_zone = language, time_zone
    user.save(update_fields=["language", "time_zone"])
    record(
        actor=actor,
        event=AuditEvent.PREFERENCES_CHANGED,
        target=user,
        summary=f"{user.email} reads in {language or 'the browser language'}, "
        f"times in {time_zone or settings.TIME_ZONE}",
        data={"before": before, "after": after},
    )
    return user


@transaction.atomic(durable=True)
def reset_password(*, user: User, new_password: str) -> User:
    """Set a password through an e-mailed reset link; holding the link proves who acts.
    Every session and API token of the person ends."""
    if not user.is_active:
        raise InvalidTransition(_("The account is deactivated."))
    validate_new_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoked = _revoke_live_tokens(user)
    record(
        actor=actor_for(user),
        event=AuditEvent.PASSWORD_RESET,
        target=user,
        summary=f"{user.email} set a new password through a reset link" + _tokens_note(revoked),
        data={"tokens_revoked": revoked},
    )
    return user


@transaction.atomic(durable=True)
def sign_in(request, user: User) -> None:
    login(request, user)
    now = int(clock.now().timestamp())
    request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = now
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


@transaction.atomic(durable=True)
def end_session(request, *, reason: SessionLimit) -> None:
    """A session past one of its limits ends, audited with the limit it reached."""
    user = request.user
    record(
        actor=actor_for(user),
        event=AuditEvent.SESSION_EXPIRED,
        target=user,
        summary=f"{user.email} signed out: the session reached its {reason} limit",
        data={"reason": reason},
    )
    logout(request)
