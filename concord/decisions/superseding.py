"""A procedure on a version that a later version has superseded. Drafting goes on while a
procedure is open, but the procedure stays on the version it was opened on and can adopt only
that text. The people concerned are told as soon as a later version is made; the Chair or the
Secretariat then withdraws the procedure and reopens it on the latest version, in one step, or
keeps it on its own version, which is recorded. Each service is one audited transaction."""

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.accounts import selectors as account_selectors
from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted
from concord.core.i18n import moment
from concord.core.inputs import checked_text, limit
from concord.documents.models import Version
from concord.documents.selectors import document_link, document_name
from concord.inbox import services as inbox
from concord.inbox.models import MessageKind
from concord.meetings import selectors as meetings

from . import permissions, rules, selectors
from .choices import Status
from .models import Procedure
from .requests import ProcedureRequest, SubjectRequest
from .services import _locked, _open, _withdraw


def _superseded(procedure: Procedure) -> selectors.Supersession:
    """The open procedure's supersession, or the refusal that says why there is none."""
    if rules.is_due(procedure.status, procedure.mode, procedure.deadline, clock.now()):
        raise InvalidTransition(
            _("The deadline has passed: the procedure has concluded."), field="deadline"
        )
    if procedure.status != Status.OPEN:
        raise InvalidTransition(
            _("The procedure is already %(status)s.")
            % {"status": procedure.get_status_display().lower()}
        )
    found = selectors.superseded(procedure)
    if found is None:
        if procedure.version_id is None:
            raise InvalidTransition(_("This procedure is not on a version of a document."))
        document = procedure.version.document
        raise InvalidTransition(
            _("The procedure is on the latest version of “%(title)s” already.")
            % {"title": document_name(document)},
            document=document_link(document),
        )
    return found


def _recipients(procedure: Procedure):
    """The coordinators of the states counted in the procedure, the Chair and the Secretariat."""
    seated = procedure.seats.values_list("participant_id", flat=True)
    people = {u.pk: u for u in account_selectors.list_coordinators(seated)}
    people.update({u.pk: u for u in account_selectors.list_officers()})
    return list(people.values())


def notice_superseded(version: Version) -> None:
    """Tell the people concerned that ``version``, just made, supersedes the version an open
    procedure decides on. Runs inside the transaction that made the version (registered with
    ``documents.services.VERSION_MADE``)."""
    procedures = Procedure.objects.filter(
        status=Status.OPEN, version__document_id=version.document_id
    ).exclude(version__number__gte=version.number)
    for procedure in procedures.exclude(selectors.due(clock.now())).select_related("version"):

        def write(procedure=procedure) -> tuple[str, str]:
            names = {
                "title": procedure.title,
                "document": document_name(version.document),
                "old": procedure.version.number,
                "new": version.number,
            }
            subject = _("Version %(new)s supersedes the text under decision: %(title)s") % names
            body = _(
                "The procedure “%(title)s” is open on version %(old)s of “%(document)s”; "
                "version %(new)s has now been made. The procedure can adopt only the text of "
                "version %(old)s. The Chair or the Secretariat may withdraw it and reopen it on "
                "version %(new)s, or keep it on version %(old)s."
            )
            return subject, body % names

        inbox.send(
            recipients=_recipients(procedure),
            kind=MessageKind.PROCEDURE_VERSION_SUPERSEDED,
            write=write,
            link=reverse("decisions:detail", args=[procedure.pk]),
        )


def _check_still_in_session(procedure: Procedure, found: selectors.Supersession) -> None:
    """A procedure held at a meeting reopens at it only while it is in session; once it is over,
    the new procedure is a new question, opened where it is taken."""
    if procedure.held_at_id is None:
        return
    if meetings.meetings_on(clock.today()).filter(pk=procedure.held_at_id).exists():
        return
    raise InvalidTransition(
        _(
            "The procedure was held at %(meeting)s, which is no longer in session: withdraw it "
            "and open a procedure on version %(new)s where it is taken."
        )
        % {"meeting": procedure.held_at.title, "new": found.newest.number}
    )


@transaction.atomic(durable=True)
def reopen_on_version(
    *, actor: Actor, procedure_id: int, reason: str, deadline: dt.datetime | None = None
) -> Procedure:
    """Withdraw an open procedure whose version was superseded, for ``reason``, and open in its
    place one with the same subject, mode and title on the document's latest version, with a
    fresh electorate and deadline (two weeks for a silence procedure unless given). Positions
    stated on the earlier text do not carry over. Returns the new procedure."""
    if not permissions.can_reopen_on_version(actor):
        raise NotPermitted(
            _("Only the Chair or the Secretariat can reopen a procedure on a later version.")
        )
    procedure = _locked(procedure_id)
    found = _superseded(procedure)
    reason = checked_text(reason, field="reason", max_length=limit(Procedure, "withdrawn_because"))
    if not reason:
        raise InvalidInput(_("Give the reason for withdrawing the procedure."), field="reason")
    _check_still_in_session(procedure, found)
    _withdraw(procedure, actor=actor, reason=reason)
    request = ProcedureRequest(
        title=procedure.title,
        subject=SubjectRequest(type=procedure.subject, version=found.newest.pk),
        mode=procedure.mode,
        deadline=deadline,
        shared_with_observers=procedure.shared_with_observers,
        held_at=procedure.held_at.slug if procedure.held_at_id else None,
    )
    new = _open(actor, request, reopens=procedure)
    procedure.reopened_as = new
    procedure.save(update_fields=["reopened_as"])

    def write() -> tuple[str, str]:
        names = {
            "title": new.title,
            "old": found.under_decision.number,
            "new": found.newest.number,
            "reason": reason,
            "deadline": moment(new.deadline) if new.deadline else "-",
        }
        subject = _("Reopened on version %(new)s: %(title)s") % names
        body = _(
            "The procedure on version %(old)s was withdrawn (%(reason)s) and opened again on "
            "version %(new)s. Positions stated on version %(old)s do not carry over: state "
            "your position on version %(new)s. Deadline: %(deadline)s."
        )
        return subject, body % names

    inbox.send(
        recipients=_recipients(new),
        kind=MessageKind.PROCEDURE_REOPENED,
        write=write,
        link=reverse("decisions:detail", args=[new.pk]),
    )
    return new


@transaction.atomic(durable=True)
def keep_version(*, actor: Actor, procedure_id: int) -> Procedure:
    """The Chair or the Secretariat keeps the procedure on the version it was opened on, though
    a later one exists: recorded, so the offer to reopen is no longer made for that later
    version, while the warning stays for everyone. Keeping it again changes nothing."""
    if not permissions.can_reopen_on_version(actor):
        raise NotPermitted(
            _("Only the Chair or the Secretariat can keep a procedure on its version.")
        )
    procedure = _locked(procedure_id)
    found = _superseded(procedure)
    if found.kept:
        return procedure
    procedure.kept_despite = found.newest
    procedure.save(update_fields=["kept_despite"])
    record(
        actor=actor,
        event=AuditEvent.PROCEDURE_VERSION_KEPT,
        target=procedure,
        summary=f"#{procedure.pk} kept on v{found.under_decision.number} "
        f"despite v{found.newest.number}",
        data={"version": found.under_decision.number, "newest": found.newest.number},
    )
    return procedure
