"""Who may open, speak in, close and read consensus procedures."""

from concord.accounts import permissions as rights
from concord.core.actors import Actor

from .models import Procedure


def can_open_procedure(actor: Actor) -> bool:
    """The Chair or the Secretariat puts a question to the Member States."""
    return rights.is_secretariat(actor) or rights.has_chair_rights(actor)


def can_state_position(actor: Actor, procedure: Procedure) -> bool:
    """A coordinator or delegate of a Member State counted when the procedure opened."""
    return (
        rights.has_member_rights(actor)
        and actor.participant is not None
        and procedure.seats.filter(participant=actor.participant).exists()
    )


def can_close_in_session(actor: Actor) -> bool:
    """The Chair closes an in-session procedure; the Secretariat may record the Chair's closing."""
    return rights.has_chair_rights(actor) or rights.is_secretariat(actor)


def can_withdraw(actor: Actor, procedure: Procedure) -> bool:
    """The proposer withdraws; so may the Secretariat."""
    proposer = actor.user is not None and procedure.opened_by_id == actor.user.pk
    return proposer or rights.is_secretariat(actor)


def can_reopen_on_version(actor: Actor) -> bool:
    """The Chair or the Secretariat decides what becomes of a procedure whose version was
    superseded: withdraw it and reopen on the latest version, or keep it on its own."""
    return rights.is_secretariat(actor) or rights.has_chair_rights(actor)


def can_read(actor: Actor, procedure: Procedure) -> bool:
    if (
        rights.is_secretariat(actor)
        or rights.has_chair_rights(actor)
        or rights.has_member_rights(actor)
    ):
        return True
    return procedure.shared_with_observers and rights.has_observer_rights(actor)
