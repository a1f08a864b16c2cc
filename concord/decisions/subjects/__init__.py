"""What a procedure can decide: one class per subject, one module each, registered here in the
order the forms list them. To add a subject, see `base.Subject` and the README."""

from . import registry
from .accession import Accession
from .base import Matter, Subject
from .catalogue_change import CatalogueChange
from .chairmanship import Chairmanship
from .document_adoption import DocumentAdoption
from .end_observer_status import EndObserverStatus
from .meeting import Meeting
from .observer_status import ObserverStatus
from .text import Text

__all__ = ["Matter", "Subject", "apply_effect", "circulate", "registry"]

for subject in (
    Accession(),
    ObserverStatus(),
    EndObserverStatus(),
    Chairmanship(),
    DocumentAdoption(),
    Meeting(),
    CatalogueChange(),
    Text(),
):
    registry.register(subject)


def circulate(procedure, *, under_decision: bool) -> None:
    registry.of(procedure).circulate(procedure, under_decision=under_decision)


def apply_effect(procedure, on, actor) -> None:
    """Carry out an adopted decision; ``procedure.effect`` records what it made."""
    procedure.effect = registry.of(procedure).take_effect(procedure, on=on, actor=actor)
