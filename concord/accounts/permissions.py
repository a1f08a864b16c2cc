"""Who may do what. Rights follow role + participant + date: a coordinator of a state
whose membership has ended keeps the account but loses member rights."""

import datetime as dt
from enum import Enum

from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.actors import Actor
from concord.members import selectors as registry
from concord.members.models import Membership

from .models import ApiToken, Role


def _day(on: dt.date | None) -> dt.date:
    return on or clock.today()


def is_secretariat(actor: Actor) -> bool:
    return actor.is_system or actor.role == Role.SECRETARIAT


def has_member_rights(actor: Actor, on: dt.date | None = None) -> bool:
    """A coordinator or delegate whose state is a Member State on that day."""
    return actor.role in (Role.COORDINATOR, Role.DELEGATE) and registry.is_member_on(
        actor.participant, _day(on)
    )


def has_chair_rights(actor: Actor, on: dt.date | None = None) -> bool:
    """The Chair's representative, while their state holds the Chairmanship."""
    return actor.role == Role.CHAIR and registry.holds_chair_on(actor.participant, _day(on))


def has_observer_rights(actor: Actor, on: dt.date | None = None) -> bool:
    return (
        actor.role == Role.OBSERVER
        and actor.participant is not None
        and registry.status_on(actor.participant, _day(on)) == Membership.Status.OBSERVER
    )


def can_manage_accounts(actor: Actor) -> bool:
    """Only the Secretariat registers people and binds them to a participant."""
    return is_secretariat(actor)


class AccountOperation(Enum):
    """What only the Secretariat does with accounts. A refusal names the operation refused,
    whether the service refuses it or the loader of the account it is done to."""

    LIST = "list"
    SEE = "see"
    CREATE = "create"
    SET_ACTIVE = "set_active"
    INVITE = "invite"
    LIFT_LOCKOUT = "lift_lockout"
    RESET_SECOND_FACTOR = "reset_second_factor"

    @property
    def refusal(self) -> str:
        return {
            AccountOperation.LIST: _("Only the Secretariat can list accounts."),
            AccountOperation.SEE: _("Only the Secretariat can see accounts."),
            AccountOperation.CREATE: _("Only the Secretariat can create accounts."),
            AccountOperation.SET_ACTIVE: _(
                "Only the Secretariat can deactivate or reactivate accounts."
            ),
            AccountOperation.INVITE: _("Only the Secretariat can send invitations."),
            AccountOperation.LIFT_LOCKOUT: _("Only the Secretariat can lift a sign-in lockout."),
            AccountOperation.RESET_SECOND_FACTOR: _(
                "Only the Secretariat can reset a second factor."
            ),
        }[self]


def can_read_audit(actor: Actor) -> bool:
    return is_secretariat(actor) or has_chair_rights(actor)


def can_revoke_token(actor: Actor, token: ApiToken) -> bool:
    """The owner revokes their own tokens; the Secretariat may revoke anyone's."""
    return (actor.user is not None and token.user_id == actor.user.pk) or is_secretariat(actor)


def rights_of(actor: Actor, on: dt.date | None = None) -> dict[str, bool]:
    return {
        "secretariat": is_secretariat(actor) and not actor.is_system,
        "chair": has_chair_rights(actor, on),
        "member": has_member_rights(actor, on),
        "observer": has_observer_rights(actor, on),
        "manage_accounts": can_manage_accounts(actor),
        "read_audit": can_read_audit(actor),
    }
