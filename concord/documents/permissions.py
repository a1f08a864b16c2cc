"""Who may register and import documents, and add a language version to one."""

from concord.accounts.permissions import has_chair_rights, is_secretariat
from concord.core.actors import Actor

from .models import Document


def can_import_documents(actor: Actor) -> bool:
    """The Secretariat keeps the registry of documents."""
    return is_secretariat(actor)


def may_add_language_versions(actor: Actor) -> bool:
    """Whether ``actor`` may add a language version to any document at all."""
    return is_secretariat(actor) or has_chair_rights(actor)


def can_add_language_version(actor: Actor, document: Document) -> bool:
    """The Secretariat adds the text of a language to any document whose rules allow it (an
    adopted one included: ``import_rules``); the Chair, who makes a draft's new versions
    (``drafting.permissions.can_decide``), to a draft."""
    if is_secretariat(actor):
        return True
    return document.status == Document.Status.DRAFT and has_chair_rights(actor)
