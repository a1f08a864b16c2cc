"""A state's national coordinators hear of every account that can state positions in its name,
and of who made it. Only the Secretariat makes accounts; without this, it could make one for a
state and speak through it with nobody in that state knowing."""

from django.urls import reverse
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.inbox import services as inbox
from concord.inbox.models import MessageKind

from . import selectors
from .models import Role, User

# The roles whose positions count as their state's (see permissions.has_member_rights).
SPEAKS_FOR_STATE = (Role.COORDINATOR, Role.DELEGATE)


def _person(user: User) -> str:
    return f"{user.display_name} <{user.email}>" if user.display_name else user.email


def tell_coordinators(*, actor: Actor, user: User, reactivated: bool = False) -> None:
    """Inside the caller's transaction (the account's creation or reactivation): an inbox
    message, and the same by e-mail, to the state's other active coordinators."""
    if user.role not in SPEAKS_FOR_STATE or user.participant_id is None:
        return
    inbox.send(
        recipients=selectors.list_coordinators([user.participant_id]).exclude(pk=user.pk),
        kind=MessageKind.ACCOUNT_REACTIVATED if reactivated else MessageKind.ACCOUNT_CREATED,
        write=lambda: _notice(actor, user, reactivated),
        # Accounts are the Secretariat's to open: the coordinators' link is to their state's page.
        link=reverse("members:detail", args=[user.participant.code]),
    )


def _notice(actor: Actor, user: User, reactivated: bool) -> tuple[str, str]:
    state = user.participant.name
    person = _person(user)
    by = _person(actor.user) if actor.user else _("an operator, on the server's command line")
    if reactivated:
        subject = _("%(state)s: account %(person)s reactivated")
        lead = _("An account that can state positions in the name of your state was reactivated.")
        made_by = _("Reactivated by: %(by)s")
    else:
        subject = _("%(state)s: new account %(person)s")
        lead = _("A new account can state positions in the name of your state.")
        made_by = _("Created by: %(by)s")
    lines = [
        lead,
        _("State: %(state)s") % {"state": state},
        _("Account: %(person)s, %(role)s") % {"person": person, "role": user.get_role_display()},
        made_by % {"by": by},
        "",
        _(
            "Positions stated through this account count as your state's. If your state did "
            "not ask for this account, tell the Secretariat."
        ),
    ]
    return subject % {"state": state, "person": person}, "\n".join(lines)
