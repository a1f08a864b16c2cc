"""What each subject of a procedure requires when it opens and does when it is adopted. The
effects call the owning app's services, inside the adoption's transaction."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from concord.catalogue import services as catalogue_services
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound
from concord.documents import services as documents
from concord.documents.models import Document, Version
from concord.meetings import selectors as meeting_selectors
from concord.meetings import services as meetings
from concord.members import selectors as registry
from concord.members import services as members
from concord.members.models import Membership

from . import rules
from .models import Procedure, Subject

MEMBERSHIP_SUBJECTS = (Subject.ACCESSION, Subject.OBSERVER_STATUS, Subject.END_OBSERVER_STATUS)
STATE_SUBJECTS = (*MEMBERSHIP_SUBJECTS, Subject.CHAIRMANSHIP)


def _participant(code: str | None, field: str = "state"):
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
            _("%(state)s is already a Member State.") % {"state": name}, field="state"
        )
    if subject == Subject.OBSERVER_STATUS and status is not None:
        raise InvalidInput(
            _("%(state)s is already a member or an observer.") % {"state": name}, field="state"
        )
    if subject == Subject.END_OBSERVER_STATUS and status != Membership.Status.OBSERVER:
        raise InvalidInput(_("%(state)s is not an observer.") % {"state": name}, field="state")
    if subject == Subject.CHAIRMANSHIP:
        if status != Membership.Status.MEMBER:
            raise InvalidInput(
                _("Only a Member State can chair; %(state)s is not one.") % {"state": name},
                field="state",
            )
        if registry.holds_chair_on(participant, today):
            raise InvalidInput(
                _("%(state)s already holds the Chairmanship.") % {"state": name}, field="state"
            )
    if subject == Subject.DOCUMENT_ADOPTION:
        version = Version.objects.select_related("document").filter(pk=version_id).first()
        if version is None:
            raise InvalidInput(
                _("Name the version of the document under decision."), field="version"
            )
        if version.frozen or version.document.status == Document.Status.ADOPTED:
            raise InvalidInput(
                _("That document was adopted already; its adopted version is frozen."),
                field="version",
            )
    if subject == Subject.TEXT and not text.strip():
        raise InvalidInput(_("Give the text under decision."), field="text")
    return participant, version


def proposal(subject: str, *, meeting, catalogue, decided_by: dt.datetime | None) -> dict:
    """The meeting or catalogue change under decision, checked by the app that will carry it
    out, so that the effect cannot fail when the decision falls."""
    if subject == Subject.MEETING:
        return meetings.check_convening(
            meeting, decided_by=timezone.localdate(decided_by) if decided_by else None
        )
    if subject == Subject.CATALOGUE_CHANGE:
        return catalogue_services.check_change(catalogue)
    return {}


def meeting_held(slug: str | None, mode: str):
    """The meeting an in-session procedure is held at, if named (its place and name go on an
    adopted document)."""
    if not slug:
        return None
    if mode != Procedure.Mode.IN_SESSION:
        raise InvalidInput(_("Only an in-session procedure is held at a meeting."), field="held_at")
    try:
        return meeting_selectors.get_meeting(slug)
    except NotFound as exc:
        raise InvalidInput(exc.message, field="held_at") from exc


def refuse_rival(subject: str, participant, version: Version | None, proposal: dict) -> None:
    """One open question at a time on a state's status, and on a document: two adopted
    together would contradict each other (admitted as a member and as an observer)."""
    open_ = Procedure.objects.filter(status=rules.OPEN)
    if participant is not None:
        rivals = MEMBERSHIP_SUBJECTS if subject in MEMBERSHIP_SUBJECTS else (subject,)
        if open_.filter(subject__in=rivals, participant=participant).exists():
            raise InvalidTransition(
                _("A procedure on the status of %(state)s is already open.")
                % {"state": participant.name},
                field="state",
            )
    same_document = open_.filter(
        subject=Subject.DOCUMENT_ADOPTION, version__document__versions=version
    )
    measure = proposal.get("measure") if subject == Subject.CATALOGUE_CHANGE else None
    if measure and open_.filter(subject=subject, proposal__measure=measure).exists():
        raise InvalidTransition(
            _("A procedure on a change to %(code)s is already open.") % {"code": measure},
            field="catalogue.measure",
        )
    if version is not None and same_document.exists():
        raise InvalidTransition(
            _("A procedure on the adoption of %(slug)s is already open.")
            % {"slug": version.document.slug},
            field="version",
        )


def apply_effect(procedure: Procedure, on: dt.date, actor: Actor) -> None:
    source = f"consensus procedure #{procedure.pk}"
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
        meeting = meetings.convene_meeting(actor=actor, details=procedure.proposal, source=source)
        procedure.effect = {"meeting": meeting.slug}
    elif procedure.subject == Subject.CATALOGUE_CHANGE:
        measure = catalogue_services.apply_change(
            actor=actor, details=procedure.proposal, on=on, source=source
        )
        procedure.effect = {"measure": measure.code}
