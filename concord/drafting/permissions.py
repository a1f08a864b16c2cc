"""Who may read drafts, propose amendments and make new versions."""

from concord.accounts import permissions as rights
from concord.core.actors import Actor
from concord.documents.selectors import sees_unpublished

from .models import Amendment


def can_read_drafts(actor: Actor) -> bool:
    """Drafts are the Member States' working texts; observers and the public see adopted ones."""
    return sees_unpublished(actor)


def can_propose(actor: Actor) -> bool:
    """A delegation proposes: the national coordinator or a delegate of a Member State."""
    return rights.has_member_rights(actor) and actor.participant is not None


def can_decide(actor: Actor) -> bool:
    """The Secretariat or the Chair accepts or rejects amendments and makes the new version."""
    return rights.is_secretariat(actor) or rights.has_chair_rights(actor)


def can_withdraw(actor: Actor, amendment: Amendment) -> bool:
    """The proposing delegation withdraws its own amendment; so may the Secretariat."""
    own = can_propose(actor) and actor.participant.pk == amendment.participant_id
    return own or rights.is_secretariat(actor)
