"""Who may register and import documents."""

from concord.accounts.permissions import is_secretariat
from concord.core.actors import Actor


def can_import_documents(actor: Actor) -> bool:
    """The Secretariat keeps the registry of documents."""
    return is_secretariat(actor)
