"""Reads on procedures. A read never settles: a silence procedure past its deadline reads as
the rules have closed it (`standing`), marked as being applied until the task at its deadline,
or a write path, saves the outcome with its effect."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import DateTimeField, Exists, F, OuterRef, Q, QuerySet, Value
from django.utils.translation import gettext as _

from concord.accounts import permissions as rights
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, NotFound
from concord.documents import resemblance
from concord.documents.models import Document, Version

from . import permissions, rules, wording
from .choices import Mode, Outcome, Status
from .models import Position, Procedure, Seat


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
    def withdrawn(self) -> bool:
        return self.status == Status.WITHDRAWN

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


def not_awaited() -> str:
    """Why a person who states no position has no procedure awaiting it."""
    return _(
        "Procedures await the position of a Member State, which only its national coordinator "
        "or a delegate states: none awaits yours."
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


def has_positions_to_state(actor: Actor) -> bool:
    """Only a Member State's coordinator or delegate is awaited: a state speaks through them."""
    return rights.has_member_rights(actor) and actor.participant is not None


def awaiting_position(actor: Actor, now: dt.datetime) -> Q:
    """Open procedures, positions still accepted, in which the actor's state counts and has
    stated no position."""
    state = actor.participant
    return (
        Q(status=Status.OPEN)
        & (Q(deadline__isnull=True) | Q(deadline__gt=now))
        & Exists(Seat.objects.filter(procedure=OuterRef("pk"), participant=state))
        & ~Exists(
            Position.objects.filter(procedure=OuterRef("pk"), participant=state, superseded_at=None)
        )
    )


def list_awaiting_position(actor: Actor) -> QuerySet[Procedure]:
    """What the actor's state has still to answer, the nearest deadline first (in-session
    procedures, with none, last)."""
    return list_procedures(actor, awaiting=True).order_by(
        F("deadline").asc(nulls_last=True), "opened_at", "id"
    )


def list_drafts_under_silence(actor: Actor) -> QuerySet[Procedure]:
    """Silence procedures still running on a version of a text, the nearest deadline first."""
    return (
        visible_procedures(actor)
        .filter(status=Status.OPEN, mode=Mode.SILENCE, version__isnull=False)
        .filter(deadline__gt=clock.now())
        .select_related("version__document")
        .order_by("deadline", "id")
    )


def list_procedures(
    actor: Actor, *, status: str | None = None, subject: str | None = None, awaiting: bool = False
) -> QuerySet[Procedure]:
    """By where each stands now (`standing`): a procedure due to close is listed as closed.
    Each row carries the moment it was read at (`as_of`), so that it shows what it was
    filtered by, its status and outcome taken at one instant. `awaiting`: only those awaiting
    the position of the actor's state, which only its coordinator or delegate may ask for."""
    now = clock.now()
    qs = visible_procedures(actor).select_related("participant", "version__document")
    if awaiting:
        if not has_positions_to_state(actor):
            raise InvalidInput(not_awaited(), field="awaiting")
        qs = qs.filter(awaiting_position(actor, now))
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
        .select_related("participant", "version__document", "opened_by", "closed_by")
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


def open_on_document(actor: Actor, document: Document) -> list[Procedure]:
    """The open procedures the actor sees on any version of this document (the draft page
    links to them instead of offering to open another)."""
    return list(
        visible_procedures(actor)
        .filter(status=Status.OPEN, version__document=document)
        .exclude(due(clock.now()))
        .select_related("version")
        .order_by("opened_at", "pk")
    )


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


def question(procedure: Procedure, standing_now: Standing, board: dict[str, list[str]]) -> str:
    """Where the question stands, in one line, from its standing and the tally by name."""
    return wording.question(
        status=standing_now.status,
        mode=procedure.mode,
        outcome=standing_now.outcome,
        objected=board["objected"],
    )


@dataclass(frozen=True)
class OwnPosition:
    """The actor's state in a procedure where it counts, and its position in force (None while
    it has stated none)."""

    state: str
    position: Position | None

    @property
    def sentence(self) -> str:
        return wording.stated(self.state, self.position.kind) if self.position else ""


def own_position(actor: Actor, procedure: Procedure) -> OwnPosition | None:
    """The position of the actor's state, for one who speaks for it (its coordinator or
    delegate), if the state counts in the procedure."""
    participant = actor.participant
    if not permissions.can_state_position(actor, procedure):
        return None
    position = list_positions(procedure, current_only=True).filter(participant=participant).first()
    return OwnPosition(participant.name, position)


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
