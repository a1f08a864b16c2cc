"""Reads on procedures. A read never settles: a silence procedure past its deadline reads as
the rules have closed it (`standing`), marked as being applied until the task at its deadline,
or a write path, saves the outcome with its effect."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import DateTimeField, Q, QuerySet, Value
from django.utils.translation import gettext as _

from concord.accounts import permissions as rights
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import NotFound
from concord.documents import resemblance
from concord.documents.models import Document, Version

from . import permissions, rules
from .choices import Mode, Outcome, Status
from .models import Position, Procedure


@dataclass(frozen=True)
class Standing:
    """Where a procedure stands now. `settling`: its deadline has passed and the rules give its
    outcome, which is not yet saved nor its effect applied."""

    status: str
    outcome: str
    closed_at: dt.datetime | None
    settling: bool

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def outcome_label(self) -> str:
        return Outcome(self.outcome).label if self.outcome else ""


def standing(procedure: Procedure) -> Standing:
    """The stored status, or for a procedure due to close, the status and outcome the rules give
    it, closed at its deadline as settling will record it."""
    now = getattr(procedure, "as_of", None) or clock.now()
    if not rules.is_due(procedure.status, procedure.mode, procedure.deadline, now):
        return Standing(procedure.status, procedure.outcome, procedure.closed_at, settling=False)
    # One query, for a due procedure only: with the worker running, a list rarely holds one.
    kinds = procedure.positions.filter(superseded_at=None).values_list("kind", flat=True)
    return Standing(
        rules.after(procedure.status, "close"), rules.outcome(kinds), procedure.deadline, True
    )


def due(now: dt.datetime) -> Q:
    """`rules.is_due` as a query: open silence procedures whose deadline has come."""
    return Q(status=Status.OPEN, mode=Mode.SILENCE, deadline__lte=now)


def list_due() -> QuerySet[Procedure]:
    """Procedures due to close and not yet settled, the oldest deadline first."""
    return Procedure.objects.filter(due(clock.now())).order_by("deadline", "pk")


def count_overdue_settlements() -> int:
    """Procedures due for longer than the grace the worker is given (a setting): with a worker
    running there are none, so any is a stopped worker or a settling task that failed."""
    grace = dt.timedelta(minutes=settings.PROCEDURE_SETTLE_GRACE_MINUTES)
    return list_due().filter(deadline__lt=clock.now() - grace).count()


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
    """By where each stands now (`standing`): a procedure due to close is listed as closed.
    Each row carries the moment it was read at (`as_of`), so that it shows what it was
    filtered by, its status and outcome taken at one instant."""
    now = clock.now()
    qs = visible_procedures(actor).select_related("participant", "version__document")
    if status == Status.CLOSED:
        qs = qs.filter(Q(status=status) | due(now))
    elif status:
        qs = qs.filter(status=status).exclude(due(now))
    if subject:
        qs = qs.filter(subject=subject)
    return qs.annotate(as_of=Value(now, output_field=DateTimeField())).order_by("-opened_at", "-id")


def access_procedure(actor: Actor, procedure_id: int) -> Procedure:
    """One visible procedure; hidden and missing look the same."""
    procedure = (
        visible_procedures(actor)
        .select_related("participant", "version__document")
        .filter(pk=procedure_id)
        .first()
    )
    if procedure is None or not permissions.can_read(actor, procedure):
        raise NotFound(_("No procedure #%(id)s.") % {"id": procedure_id}, field="id")
    return procedure


@dataclass(frozen=True)
class Supersession:
    """An open procedure on a version of a document that a later version has superseded: it
    can adopt only the text it was opened on. `kept`: the Chair or the Secretariat chose to
    keep it on that version against `newest` (a still later version asks again)."""

    procedure: Procedure
    under_decision: Version
    newest: Version
    kept: bool


def superseded(procedure: Procedure) -> Supersession | None:
    """Whether the version an open procedure decides on has been superseded, and by which."""
    if procedure.version_id is None or standing(procedure).status != Status.OPEN:
        return None
    version = procedure.version
    newest = Version.objects.filter(document_id=version.document_id).order_by("-number").first()
    if newest is None or newest.number <= version.number:
        return None
    return Supersession(procedure, version, newest, kept=procedure.kept_despite_id == newest.pk)


def list_superseded(actor: Actor, document: Document) -> list[Supersession]:
    """The open procedures the actor sees on an earlier version of this document than its
    latest (the draft page warns of them)."""
    procedures = (
        visible_procedures(actor)
        .filter(status=Status.OPEN, version__document=document)
        .exclude(due(clock.now()))
        .select_related("version__document")
    )
    return [found for p in procedures if (found := superseded(p))]


def current_positions(procedure: Procedure) -> dict[str, str]:
    """Each state's position in force, by ISO code."""
    return dict(
        procedure.positions.filter(superseded_at=None).values_list("participant__code", "kind")
    )


def tally(procedure: Procedure) -> dict[str, list[str]]:
    seats = procedure.seats.values_list("participant__code", flat=True)
    return rules.tally(seats, current_positions(procedure))


def named_tally(procedure: Procedure) -> dict[str, list[str]]:
    """The tally with each state by its name in the reader's language, in alphabetical order:
    what a page shows (the API gives the codes)."""
    names = {
        s.participant.code: s.participant.name
        for s in procedure.seats.select_related("participant")
    }
    return {
        position: sorted((names[code] for code in codes), key=str.casefold)
        for position, codes in rules.tally(names, current_positions(procedure)).items()
    }


def list_positions(procedure: Procedure, *, current_only: bool = False) -> QuerySet[Position]:
    qs = procedure.positions.select_related("participant", "stated_by").order_by("stated_at", "id")
    return qs.filter(superseded_at=None) if current_only else qs


def list_held_texts() -> list[resemblance.HeldText]:
    """The texts of open procedures, which an import may not adopt round them (registered with
    ``documents.selectors.HELD_TEXT_SOURCES``)."""
    return [
        resemblance.HeldText(
            _("the text of the open procedure “%(title)s”") % {"title": title},
            resemblance.shingles_of_text(text),
        )
        for title, text in Procedure.objects.filter(status=Status.OPEN)
        .exclude(text="")
        .values_list("title", "text")
    ]
