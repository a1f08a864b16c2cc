"""Who may see the e-mail that leaves Concord."""

from concord.accounts.permissions import is_secretariat
from concord.core.actors import Actor


def can_manage_deliveries(actor: Actor) -> bool:
    """The Secretariat runs the site: it sees every e-mail delivery and sends failed ones again.
    Nobody else sees them (they name people and what they were told)."""
    return is_secretariat(actor)
