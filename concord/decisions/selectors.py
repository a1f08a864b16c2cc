"""Reads on procedures. Reading a silence procedure past its deadline settles it first, so a
stopped worker never leaves an outcome undecided."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.accounts import permissions as rights
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import NotFound

from . import permissions, rules, services
from .choices import Mode, Status
from .models import Position, Procedure


def settle_due() -> int:
    """Settle every silence procedure whose deadline has passed; returns how many."""
    due = Procedure.objects.filter(status=Status.OPEN, mode=Mode.SILENCE, deadline__lte=clock.now())
    return sum(services.settle(pk) for pk in due.values_list("pk", flat=True))


def visible_procedures(actor: Actor) -> QuerySet[Procedure]:
    qs = Procedure.objects.all()
    if (
        rights.is_secretariat(actor)
        or rights.has_chair_rights(actor)
        or rights.has_member_rights(actor)
    ):
        return qs
    if rights.has_observer_rights(actor):
        return qs.filter(shared_with_observers=True)
    return qs.none()


def list_procedures(
    actor: Actor, *, status: str | None = None, subject: str | None = None
) -> QuerySet[Procedure]:
    settle_due()
    qs = visible_procedures(actor).select_related("participant", "version__document")
    if status:
        qs = qs.filter(status=status)
    if subject:
        qs = qs.filter(subject=subject)
    return qs.order_by("-opened_at", "-id")


def access_procedure(actor: Actor, procedure_id: int) -> Procedure:
    """One visible procedure, settled if due; hidden and missing look the same."""
    services.settle(procedure_id)
    procedure = (
        visible_procedures(actor)
        .select_related("participant", "version__document")
        .filter(pk=procedure_id)
        .first()
    )
    if procedure is None or not permissions.can_read(actor, procedure):
        raise NotFound(_("No procedure #%(id)s.") % {"id": procedure_id}, field="id")
    return procedure


def tally(procedure: Procedure) -> dict[str, list[str]]:
    seats = procedure.seats.values_list("participant__code", flat=True)
    return rules.tally(seats, services.current_positions(procedure))


def list_positions(procedure: Procedure, *, current_only: bool = False) -> QuerySet[Position]:
    qs = procedure.positions.select_related("participant", "stated_by").order_by("stated_at", "id")
    return qs.filter(superseded_at=None) if current_only else qs
