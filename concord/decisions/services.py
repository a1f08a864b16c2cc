"""Consensus procedures. Each service checks the actor's right, the rule of the procedure, writes
and audits in one transaction; the effect of an adoption is applied in that same transaction."""

import datetime as dt
from dataclasses import replace

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.accounts import selectors as account_selectors
from concord.accounts.models import Role
from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock, faults
from concord.core.actors import SYSTEM, Actor
from concord.core.exceptions import (
    DomainError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    NotPermitted,
)
from concord.core.i18n import moment
from concord.core.inputs import checked_identifier, checked_line, checked_text, date_problem, limit
from concord.inbox import services as inbox
from concord.inbox.models import MessageKind
from concord.meetings import selectors as meeting_selectors
from concord.meetings.models import Meeting
from concord.members import selectors as roll
from concord.members.models import Membership

from . import permissions, rules, selectors, subjects
from .choices import Mode, Outcome, PositionKind, Status
from .models import Position, Procedure, Seat
from .requests import ProcedureRequest
from .subjects import registry

DEFAULT_SILENCE = dt.timedelta(days=14)  # CICA circulates texts under a two-week silence
REMINDER = dt.timedelta(hours=48)  # coordinators are reminded this long before a deadline


@transaction.atomic(durable=True)
def open_procedure(*, actor: Actor, request: ProcedureRequest) -> Procedure:
    """Put a question to the Member States of today; they alone count, whoever joins later.
    The procedure's own fields are checked first, then its subject (see ``subjects``)."""
    if not permissions.can_open_procedure(actor):
        raise NotPermitted(_("Only the Chair or the Secretariat can open a procedure."))
    procedure = _open(actor, request)
    _notify(procedure, MessageKind.PROCEDURE_OPENED)
    return procedure


def _open(actor: Actor, request: ProcedureRequest, *, reopens: Procedure | None = None):
    title = checked_line(request.title, field="title", max_length=limit(Procedure, "title"))
    if not title:
        raise InvalidInput(_("Give the procedure a title."), field="title")
    asked = request.subject
    text = checked_text(asked.text, field="subject.text", max_length=limit(Procedure, "text"))
    held_at = checked_identifier(
        request.held_at, field="held_at", max_length=limit(Meeting, "slug")
    )
    subject = registry.get(asked.type)
    mode = request.mode
    if mode not in Mode.values:
        raise InvalidInput(_("The mode is 'silence' or 'in_session'."), field="mode")
    now, today = clock.now(), clock.today()
    deadline = _deadline(request.deadline, mode, now)
    venue = _meeting_held(held_at, mode)
    matter = subject.check(replace(asked, text=text), today=today, decided_by=deadline)
    subject.refuse_rival(matter)
    procedure = Procedure.objects.create(
        title=title,
        subject=subject.name,
        text=text,
        participant=matter.participant,
        version=matter.version,
        proposal=matter.proposal,
        mode=mode,
        held_at=venue,
        shared_with_observers=request.shared_with_observers,
        opened_by=actor.user,
        opened_at=now,
        deadline=deadline,
    )
    Seat.objects.bulk_create(
        Seat(procedure=procedure, participant=m.participant)
        for m in roll.memberships_on(today, status=Membership.Status.MEMBER)
    )
    subject.circulate(procedure, under_decision=True)
    record(
        actor=actor,
        event=AuditEvent.PROCEDURE_OPENED,
        target=procedure,
        summary=f"#{procedure.pk} opened ({mode}): {procedure.title}",
        data={
            "subject": subject.name,
            "state": matter.participant.code if matter.participant else None,
            "version": matter.version.pk if matter.version else None,
            "proposal": matter.proposal,
            "deadline": deadline,
            "seats": procedure.seats.count(),
            **({"reopens": reopens.pk} if reopens else {}),
        },
    )
    if deadline is not None:
        from .tasks import remind_procedure, settle_procedure

        transaction.on_commit(
            lambda: settle_procedure.using(run_after=deadline).enqueue(procedure.pk)
        )
        if deadline - REMINDER > now:
            transaction.on_commit(
                lambda: remind_procedure.using(run_after=deadline - REMINDER).enqueue(procedure.pk)
            )
    return procedure


def _deadline(deadline: dt.datetime | None, mode: str, now: dt.datetime) -> dt.datetime | None:
    if mode == Mode.SILENCE:
        deadline = deadline or now + DEFAULT_SILENCE
        _check_deadline(deadline, now)
    elif deadline is not None:
        raise InvalidInput(
            _("An in-session procedure has no deadline: the Chair closes it."), field="deadline"
        )
    return deadline


def _meeting_held(slug: str | None, mode: str) -> Meeting | None:
    """The meeting an in-session procedure is held at, if named (its place and name go on an
    adopted document)."""
    if not slug:
        return None
    if mode != Mode.IN_SESSION:
        raise InvalidInput(_("Only an in-session procedure is held at a meeting."), field="held_at")
    meeting = meeting_selectors.meetings_on(clock.today()).filter(slug=slug).first()
    if meeting is None:
        raise InvalidInput(
            _("%(slug)s is not a meeting in session today.") % {"slug": repr(slug)},
            field="held_at",
        )
    return meeting


def _check_deadline(deadline: dt.datetime, now: dt.datetime) -> None:
    """In the future, with its time zone, and not beyond the furthest deadline the forum
    allows (a setting): a silence procedure that cannot end decides nothing."""
    if problem := date_problem(deadline):
        raise InvalidInput(problem, field="deadline")
    if deadline <= now:
        raise InvalidInput(_("The deadline must be in the future."), field="deadline")
    furthest = now + dt.timedelta(days=settings.PROCEDURE_MAX_DEADLINE_DAYS)
    if deadline > furthest:
        raise InvalidInput(
            _("The deadline can be at most %(days)s days ahead, until %(furthest)s UTC.")
            % {
                "days": settings.PROCEDURE_MAX_DEADLINE_DAYS,
                "furthest": furthest.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M"),
            },
            field="deadline",
        )


def _notify(procedure: Procedure, kind: MessageKind) -> None:
    """Write to the national coordinators of every state counted in the procedure, each in
    their own language, the deadline in their own time zone."""
    seated = procedure.seats.values_list("participant_id", flat=True)
    inbox.send(
        recipients=account_selectors.list_coordinators(seated),
        kind=kind,
        write=lambda: _notice(procedure, kind),
        link=reverse("decisions:detail", args=[procedure.pk]),
    )


def _notice(procedure: Procedure, kind: MessageKind) -> tuple[str, str]:
    deadline = moment(procedure.deadline) if procedure.deadline else "-"
    if kind == MessageKind.PROCEDURE_OPENED:
        subject = _("Procedure opened: %(title)s") % {"title": procedure.title}
        body = _("A consensus procedure is open (%(mode)s). Deadline: %(deadline)s.") % {
            "mode": procedure.get_mode_display(),
            "deadline": deadline,
        }
    elif kind == MessageKind.PROCEDURE_REMINDER:
        subject = _("48 hours left: %(title)s") % {"title": procedure.title}
        body = _("The silence procedure ends at %(deadline)s. Silence means consent.") % {
            "deadline": deadline
        }
    else:
        subject = _("Outcome: %(title)s") % {"title": procedure.title}
        body = _("The procedure closed: %(outcome)s.") % {
            "outcome": procedure.get_outcome_display()
        }
    return subject, body


def remind(procedure_id: int) -> bool:
    """The 48-hour reminder of a silence procedure; sent once, and only while it is open."""
    with transaction.atomic():
        procedure = Procedure.objects.select_for_update().filter(pk=procedure_id).first()
        now = clock.now()
        if (
            procedure is None
            or procedure.status != Status.OPEN
            or procedure.deadline is None
            or procedure.reminded_at is not None
            or not (procedure.deadline - REMINDER <= now < procedure.deadline)
        ):
            return False
        procedure.reminded_at = now
        procedure.save(update_fields=["reminded_at"])
        _notify(procedure, MessageKind.PROCEDURE_REMINDER)
        record(
            actor=SYSTEM,
            event=AuditEvent.REMINDER_SENT,
            target=procedure,
            summary=f"#{procedure.pk}: reminder sent",
        )
        return True


def _locked(procedure_id: int) -> Procedure:
    procedure = Procedure.objects.select_for_update().filter(pk=procedure_id).first()
    if procedure is None:
        raise NotFound(_("No procedure #%(id)s.") % {"id": procedure_id}, field="id")
    return procedure


@transaction.atomic(durable=True)
def state_position(*, actor: Actor, procedure_id: int, kind: str, statement: str = "") -> Position:
    """A Member State joins, objects (with reasons) or stands aside (with a statement)."""
    procedure = _locked(procedure_id)
    now = clock.now()
    if procedure.status != Status.OPEN:
        raise InvalidTransition(
            _("The procedure is %(status)s; positions are closed.")
            % {"status": procedure.get_status_display().lower()}
        )
    if not rules.accepts_positions(procedure.status, procedure.deadline, now):
        raise InvalidTransition(
            _("The deadline passed at %(deadline)s UTC; positions are no longer accepted.")
            % {"deadline": procedure.deadline.strftime("%Y-%m-%d %H:%M:%S")},
            field="deadline",
        )
    if not permissions.can_state_position(actor, procedure):
        if actor.role == Role.OBSERVER:
            raise NotPermitted(_("Observers follow procedures but take no positions."))
        raise NotPermitted(
            _(
                "Only a Member State counted in this procedure states a position, "
                "through its coordinator or delegate."
            )
        )
    if kind not in PositionKind.values:
        raise InvalidInput(_("The position is join, object or stand_aside."), field="position")
    statement = checked_text(statement, field="statement", max_length=limit(Position, "statement"))
    if kind == PositionKind.OBJECT and not statement:
        raise InvalidInput(_("An objection needs its reasons."), field="statement")
    if kind == PositionKind.STAND_ASIDE and not statement:
        raise InvalidInput(
            _("Standing aside needs an interpretative statement."), field="statement"
        )
    Position.objects.filter(
        procedure=procedure, participant=actor.participant, superseded_at=None
    ).update(superseded_at=now)
    position = Position.objects.create(
        procedure=procedure, participant=actor.participant, kind=kind, statement=statement,
        stated_by=actor.user, stated_at=now,
    )  # fmt: skip
    record(
        actor=actor,
        event=AuditEvent.POSITION_STATED,
        target=procedure,
        summary=f"#{procedure.pk}: {actor.participant.code} {kind}",
        data={"position": kind, "statement": statement, "state": actor.participant.code},
    )
    return position


# One key for every closing (the bytes of "records"): on PostgreSQL two closings wait for each
# other, as every writer does on SQLite, so that they never take the same record number.
RECORD_LOCK = 0x7265636F726473


def _next_record_seq(year: int) -> int:
    """The next number of the year's series, in order of closing."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECORD_LOCK])
    last = Procedure.objects.filter(record_year=year).aggregate(last=Max("record_seq"))["last"]
    return (last or 0) + 1


def _conclude(procedure: Procedure, *, at: dt.datetime, actor: Actor) -> Procedure:
    procedure.status = rules.after(procedure.status, "close")
    procedure.outcome = rules.outcome(selectors.current_positions(procedure).values())
    procedure.closed_at, procedure.closed_by = at, actor.user
    day = clock.day_of(at)
    procedure.record_year, procedure.record_seq = day.year, _next_record_seq(day.year)
    if procedure.outcome == Outcome.ADOPTED:
        subjects.apply_effect(procedure, day, actor)
    else:
        subjects.circulate(procedure, under_decision=False)
    procedure.save(
        update_fields=[
            "status",
            "outcome",
            "closed_at",
            "closed_by",
            "record_year",
            "record_seq",
            "effect",
        ]
    )
    _notify(procedure, MessageKind.PROCEDURE_OUTCOME)
    seats = procedure.seats.values_list("participant__code", flat=True)
    board = rules.tally(seats, selectors.current_positions(procedure))
    record(
        actor=actor,
        event=AuditEvent.PROCEDURE_CLOSED,
        target=procedure,
        summary=f"#{procedure.pk} closed: {procedure.outcome} ({procedure.record_number})",
        data={
            "outcome": procedure.outcome,
            "closed_at": at,
            "record_number": procedure.record_number,
            **board,
        },
    )
    faults.checkpoint("decisions.conclude")
    return procedure


@transaction.atomic(durable=True)
def close_procedure(*, actor: Actor, procedure_id: int) -> Procedure:
    """The Chair closes an in-session procedure; the outcome follows from the record."""
    procedure = _locked(procedure_id)
    if rules.after(procedure.status, "close") is None:
        raise InvalidTransition(
            _("The procedure is already %(status)s.")
            % {"status": procedure.get_status_display().lower()}
        )
    now = clock.now()
    if procedure.mode == Mode.SILENCE:
        if rules.is_due(procedure.status, procedure.mode, procedure.deadline, now):
            return _conclude(procedure, at=procedure.deadline, actor=SYSTEM)
        raise InvalidTransition(
            _("A silence procedure closes itself at its deadline."), field="deadline"
        )
    if not permissions.can_close_in_session(actor):
        raise NotPermitted(_("Only the Chair closes an in-session procedure."))
    return _conclude(procedure, at=now, actor=actor)


@transaction.atomic(durable=True)
def withdraw_procedure(*, actor: Actor, procedure_id: int) -> Procedure:
    procedure = _locked(procedure_id)
    if not permissions.can_withdraw(actor, procedure):
        raise NotPermitted(_("Only the proposer or the Secretariat can withdraw a procedure."))
    _withdraw(procedure, actor=actor)
    return procedure


def _withdraw(procedure: Procedure, *, actor: Actor, reason: str = "") -> None:
    """Withdraw an open procedure (locked by the caller) before its deadline; the reason, if
    given, is recorded on it and in the audit entry."""
    if rules.is_due(procedure.status, procedure.mode, procedure.deadline, clock.now()):
        raise InvalidTransition(
            _("The deadline has passed: the procedure has concluded."), field="deadline"
        )
    status = rules.after(procedure.status, "withdraw")
    if status is None:
        raise InvalidTransition(
            _("The procedure is already %(status)s.")
            % {"status": procedure.get_status_display().lower()}
        )
    procedure.status, procedure.closed_at, procedure.closed_by = status, clock.now(), actor.user
    procedure.withdrawn_because = reason
    procedure.save(update_fields=["status", "closed_at", "closed_by", "withdrawn_because"])
    subjects.circulate(procedure, under_decision=False)
    record(
        actor=actor,
        event=AuditEvent.PROCEDURE_WITHDRAWN,
        target=procedure,
        summary=f"#{procedure.pk} withdrawn",
        data={"reason": reason} if reason else None,
    )


@transaction.atomic(durable=True)
def settle(procedure_id: int) -> bool:
    """Close a silence procedure whose deadline has passed, with the outcome and effect the
    rules give it: the task at the deadline runs this. Harmless to call twice, or early."""
    procedure = Procedure.objects.select_for_update().filter(pk=procedure_id).first()
    if procedure is None or not rules.is_due(
        procedure.status, procedure.mode, procedure.deadline, clock.now()
    ):
        return False
    _conclude(procedure, at=procedure.deadline, actor=SYSTEM)
    return True


def settle_due() -> tuple[list[int], dict[int, str]]:
    """Settle every procedure due to close, each in its own transaction, as the task at its
    deadline would have (the worker does not run a failed task again). Returns the ids settled,
    and why each of the others could not be, so that one refusal holds back no other."""
    settled, refused = [], {}
    for procedure_id in selectors.list_due().values_list("pk", flat=True):
        try:
            if settle(procedure_id):
                settled.append(procedure_id)
        except DomainError as exc:
            refused[procedure_id] = exc.message
    return settled, refused
