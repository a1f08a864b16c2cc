"""Invitations: an account created without a password is sent a one-time link to set one.

A link is live while it is the newest invitation of an active account that has no usable
password, unused, unrevoked and unexpired: setting a password by any route (the invitation, a
reset link) ends it, and so does a newer invitation. A deactivation revokes it for good: a
reactivated account is sent a new one if it needs one.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import Actor, actor_for
from concord.core.exceptions import InvalidTransition, NotFound, NotPermitted

from . import permissions
from .links import is_invitation_secret
from .models import Invitation, User
from .validators import validate_new_password


def _dead_link() -> str:
    return _(
        "This invitation link can no longer be used: it has expired, it has been used or "
        "replaced by a newer one, or the account already has a password. Ask the Secretariat "
        "for a new invitation, or use “Forgot your password?”."
    )


def is_live(invitation: Invitation) -> bool:
    user = invitation.user
    return (
        invitation.accepted_at is None
        and invitation.revoked_at is None
        and invitation.expires_at > clock.now()
        and user.is_active
        and not user.has_usable_password()
        and not Invitation.objects.filter(user=user, pk__gt=invitation.pk).exists()
    )


def access_invitation(secret: str) -> Invitation:
    """The live invitation a link names; a forged, dead and missing link give the same error."""
    number, _sep, _mac = secret.partition("-")
    invitation = (
        Invitation.objects.select_related("user", "user__participant")
        .filter(pk=int(number))
        .first()
        if number.isdigit() and len(number) < 19
        else None
    )
    if (
        invitation is None
        or not is_invitation_secret(secret, invitation)
        or not is_live(invitation)
    ):
        raise NotFound(_dead_link())
    return invitation


def invite_within(*, actor: Actor, user: User) -> Invitation:
    """Inside the caller's transaction: a new link (which replaces any earlier one), audited;
    the e-mail is sent by a background task once the transaction commits."""
    from .tasks import send_invitation

    now = clock.now()
    invitation = Invitation.objects.create(
        user=user,
        created_at=now,
        expires_at=now + dt.timedelta(days=settings.ACCOUNT_INVITATION_DAYS),
    )
    record(
        actor=actor,
        event=AuditEvent.INVITATION_SENT,
        target=user,
        summary=f"invitation to set a password sent to {user.email}, "
        f"valid until {invitation.expires_at:%Y-%m-%d %H:%M} UTC",
        data={"invitation": invitation.pk, "expires_at": invitation.expires_at},
    )
    transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk))
    return invitation


def revoke_open_invitations(user: User) -> list[int]:
    """Inside the caller's transaction (a deactivation): every unused, unexpired link of the
    person stops working for good; their ids, for the audit entry."""
    now = clock.now()
    unused = Invitation.objects.filter(
        user=user, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    revoked = list(unused.order_by("pk").values_list("pk", flat=True))
    unused.update(revoked_at=now)
    return revoked


@transaction.atomic(durable=True)
def invite(*, actor: Actor, user: User) -> Invitation:
    """The Secretariat sends a new invitation to an account that has no password yet."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(permissions.AccountOperation.INVITE.refusal)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise InvalidTransition(_("The account is deactivated; reactivate it first."))
    if user.has_usable_password():
        raise InvalidTransition(
            _(
                "%(email)s already has a password; the person can set a new one with "
                "“Forgot your password?”."
            )
            % {"email": user.email}
        )
    return invite_within(actor=actor, user=user)


@transaction.atomic(durable=True)
def accept_invitation(*, invitation: Invitation, new_password: str) -> User:
    """The invited person sets their first password; holding the link proves who acts."""
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if not is_live(invitation):
        raise InvalidTransition(_dead_link())
    user = invitation.user
    validate_new_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    invitation.accepted_at = clock.now()
    invitation.save(update_fields=["accepted_at"])
    record(
        actor=actor_for(user),
        event=AuditEvent.INVITATION_ACCEPTED,
        target=user,
        summary=f"{user.email} set their password through an invitation",
        data={"invitation": invitation.pk},
    )
    return user
