"""What each subject of a procedure requires when it opens and does when it is adopted. The
effects call the owning app's services, inside the adoption's transaction."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from concord.catalogue import services as catalogue_services
from concord.catalogue.models import Measure
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound
from concord.core.inputs import checked_identifier, limit
from concord.core.upsert import DECIDED
from concord.documents import services as documents
from concord.documents.models import Document, Version
from concord.meetings import selectors as meeting_selectors
from concord.meetings import services as meetings
from concord.members import selectors as registry
from concord.members import services as members
from concord.members.models import Body, Membership, Participant

from . import rules
from .models import Procedure, Subject

MEMBERSHIP_SUBJECTS = (Subject.ACCESSION, Subject.OBSERVER_STATUS, Subject.END_OBSERVER_STATUS)
STATE_SUBJECTS = (*MEMBERSHIP_SUBJECTS, Subject.CHAIRMANSHIP)


def _participant(code: str | None, field: str = "subject.state"):
    code = checked_identifier(code, field=field, max_length=limit(Participant, "code"))
    if not code:
        raise InvalidInput(_("Name the state concerned."), field=field)
    try:
        return registry.get_participant(code, field=field)
    except NotFound as exc:
        raise InvalidInput(exc.message, field=field) from exc


def check(subject: str, *, state: str | None, version_id: int | None, text: str, today):
    """The subject's own preconditions, against today's registry."""
    participant = version = None
    status = None
    if subject in STATE_SUBJECTS:
        participant = _participant(state)
        status = registry.status_on(participant, today)
    name = participant.name if participant else ""
    if subject == Subject.ACCESSION and status == Membership.Status.MEMBER:
        raise InvalidInput(
            _("%(state)s is already a Member State.") % {"state": name}, field="subject.state"
        )
    if subject == Subject.OBSERVER_STATUS and status is not None:
        raise InvalidInput(
            _("%(state)s is already a member or an observer.") % {"state": name},
            field="subject.state",
        )
    if subject == Subject.END_OBSERVER_STATUS and status != Membership.Status.OBSERVER:
        raise InvalidInput(
            _("%(state)s is not an observer.") % {"state": name}, field="subject.state"
        )
    if subject == Subject.CHAIRMANSHIP:
        if status != Membership.Status.MEMBER:
            raise InvalidInput(
                _("Only a Member State can chair; %(state)s is not one.") % {"state": name},
                field="subject.state",
            )
        if registry.holds_chair_on(participant, today):
            raise InvalidInput(
                _("%(state)s already holds the Chairmanship.") % {"state": name},
                field="subject.state",
            )
    if subject == Subject.DOCUMENT_ADOPTION:
        version = Version.objects.select_related("document").filter(pk=version_id).first()
        if version is None:
            raise InvalidInput(
                _("Name the version of the document under decision."), field="subject.version"
            )
        if version.frozen or version.document.status == Document.Status.ADOPTED:
            raise InvalidInput(
                _("That document was adopted already; its adopted version is frozen."),
                field="subject.version",
            )
    if subject == Subject.TEXT and not text.strip():
        raise InvalidInput(_("Give the text under decision."), field="subject.text")
    return participant, version


def proposal(subject: str, *, meeting, catalogue, decided_by: dt.datetime | None) -> dict:
    """The meeting or catalogue change under decision, checked by the app that will carry it
    out, so that the effect cannot fail when the decision falls. Errors name the field as the
    API does: ``subject.meeting.starts_on``."""
    try:
        if subject == Subject.MEETING:
            day = timezone.localdate(decided_by) if decided_by else None
            return meetings.check_convening(meeting, decided_by=day)
        if subject == Subject.CATALOGUE_CHANGE:
            return catalogue_services.check_change(catalogue)
    except (InvalidInput, InvalidTransition) as exc:
        raise type(exc)(exc.message, field=f"subject.{exc.field}") from exc
    return {}


def meeting_held(slug: str | None, mode: str):
    """The meeting an in-session procedure is held at, if named (its place and name go on an
    adopted document)."""
    if not slug:
        return None
    if mode != Procedure.Mode.IN_SESSION:
        raise InvalidInput(_("Only an in-session procedure is held at a meeting."), field="held_at")
    meeting = meeting_selectors.meetings_on(clock.today()).filter(slug=slug).first()
    if meeting is None:
        raise InvalidInput(
            _("%(slug)s is not a meeting in session today.") % {"slug": repr(slug)},
            field="held_at",
        )
    return meeting


def _lock(model, pk) -> None:
    """Lock the row a question is about, so that two openings at once on PostgreSQL wait for
    each other instead of both passing the check below."""
    list(model.objects.select_for_update().filter(pk=pk).values_list("pk", flat=True))


def refuse_rival(subject: str, participant, version: Version | None, proposal: dict) -> None:
    """One open question at a time on a state's status, on a document, on a measure and on a
    body's meeting day: two adopted together would contradict each other (admitted as a member
    and as an observer; one measure reworded two ways; one meeting convened twice)."""
    open_ = Procedure.objects.filter(status=rules.OPEN)
    if participant is not None:
        _lock(Participant, participant.pk)
        rivals = MEMBERSHIP_SUBJECTS if subject in MEMBERSHIP_SUBJECTS else (subject,)
        if open_.filter(subject__in=rivals, participant=participant).exists():
            raise InvalidTransition(
                _("A procedure on the status of %(state)s is already open.")
                % {"state": participant.name},
                field="subject.state",
            )
    if version is not None:
        _lock(Document, version.document_id)
        if open_.filter(subject=Subject.DOCUMENT_ADOPTION, version__document=version.document_id):
            raise InvalidTransition(
                _("A procedure on the adoption of %(slug)s is already open.")
                % {"slug": version.document.slug},
                field="subject.version",
            )
    if subject == Subject.CATALOGUE_CHANGE and proposal.get("measure"):
        measure = proposal["measure"]
        _lock(Measure, Measure.objects.get(code=measure).pk)
        if open_.filter(subject=subject, proposal__measure=measure).exists():
            raise InvalidTransition(
                _("A procedure on a change to %(code)s is already open.") % {"code": measure},
                field="subject.catalogue.measure",
            )
    if subject == Subject.MEETING:
        _lock(Body, Body.objects.get(code=proposal["body"]).pk)
        same_day = open_.filter(
            subject=subject,
            proposal__body=proposal["body"],
            proposal__starts_on=proposal["starts_on"],
        )
        if same_day.exists():
            raise InvalidTransition(
                _("A procedure to convene this body on that day is already open."),
                field="subject.meeting.starts_on",
            )


def circulate(procedure: Procedure, *, under_decision: bool) -> None:
    """A document put to a decision is circulated until the decision ends."""
    if procedure.subject == Subject.DOCUMENT_ADOPTION:
        documents.set_circulated(procedure.version.document, under_decision)


def apply_effect(procedure: Procedure, on: dt.date, actor: Actor) -> None:
    source = f"{DECIDED} #{procedure.pk}"
    if procedure.subject == Subject.ACCESSION:
        members.admit_member(
            actor=actor, participant=procedure.participant, since=on, source=source
        )
    elif procedure.subject == Subject.OBSERVER_STATUS:
        members.grant_observer_status(
            actor=actor, participant=procedure.participant, since=on, source=source
        )
    elif procedure.subject == Subject.END_OBSERVER_STATUS:
        members.end_observer_status(actor=actor, participant=procedure.participant, until=on)
    elif procedure.subject == Subject.CHAIRMANSHIP:
        members.hand_over_chairmanship(
            actor=actor, participant=procedure.participant, since=on, source=source
        )
    elif procedure.subject == Subject.DOCUMENT_ADOPTION:
        at = procedure.held_at
        document = documents.adopt_version(
            actor=actor,
            version=procedure.version,
            on=on,
            place=at.place_en if at else "",
            meeting=at.title_en if at else "",
        )
        procedure.effect = {"document": document.slug}
    elif procedure.subject == Subject.MEETING:
        try:
            meeting = meetings.convene_meeting(
                actor=actor, details=procedure.proposal, on=on, source=source
            )
        except InvalidInput as exc:
            raise InvalidTransition(
                _("%(reason)s Withdraw the procedure and propose new dates.")
                % {"reason": exc.message},
                field="subject.meeting.starts_on",
            ) from exc
        procedure.effect = {"meeting": meeting.slug}
    elif procedure.subject == Subject.CATALOGUE_CHANGE:
        measure = catalogue_services.apply_change(
            actor=actor, details=procedure.proposal, on=on, source=source
        )
        procedure.effect = {"measure": measure.code}
