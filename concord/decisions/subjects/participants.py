"""Questions on one state or organisation, named in ``subject.state``: its status in the forum
or the Chairmanship."""

import datetime as dt

from django.utils.translation import gettext as _

from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound
from concord.core.inputs import checked_identifier, limit
from concord.members import selectors as roll
from concord.members.models import Participant

from ..choices import SubjectType
from ..requests import SubjectRequest
from .base import Matter, Subject, lock, open_procedures

FIELD = "subject.state"
# Two of these adopted together would contradict each other (admitted as a member and as an
# observer), so only one is open at a time on a state.
STATUS_SUBJECTS = (
    SubjectType.ACCESSION,
    SubjectType.OBSERVER_STATUS,
    SubjectType.END_OBSERVER_STATUS,
)


def _participant(code: str | None) -> Participant:
    code = checked_identifier(code, field=FIELD, max_length=limit(Participant, "code"))
    if not code:
        raise InvalidInput(_("Name the state concerned."), field=FIELD)
    try:
        return roll.get_participant(code, field=FIELD)
    except NotFound as exc:
        raise InvalidInput(exc.message, field=FIELD) from exc


class ParticipantSubject(Subject):
    needs = ("state",)
    # The subjects that cannot be open at once on the same participant; this one alone if empty.
    rivals: tuple[str, ...] = ()
    # Set where only a state can be the subject: the refusal of an organisation.
    organisation_refused: str | None = None
    # The suggested title, with the participant's name as ``%(state)s``.
    title_pattern: str = ""

    def suggest_title(self, request: SubjectRequest) -> str:
        participant = Participant.objects.filter(code=request.state or "").first()
        if participant is None or not self.title_pattern:
            return ""
        return self.title_pattern % {"state": participant.name}

    def check(
        self, request: SubjectRequest, *, today: dt.date, decided_by: dt.datetime | None
    ) -> Matter:
        participant = _participant(request.state)
        if self.organisation_refused and not participant.is_state:
            raise InvalidInput(self.organisation_refused % {"name": participant.name}, field=FIELD)
        self.check_standing(participant, roll.status_on(participant, today), today)
        return Matter(participant=participant)

    def check_standing(self, participant: Participant, status: str | None, today: dt.date):
        """Refuse the question if ``status`` (today's membership status) makes it moot."""

    def refuse_rival(self, matter: Matter) -> None:
        participant = matter.participant
        lock(Participant, participant.pk)
        rivals = open_procedures().filter(
            subject__in=self.rivals or (self.name,), participant=participant
        )
        if rivals.exists():
            raise InvalidTransition(
                _("A procedure on the status of %(state)s is already open.")
                % {"state": participant.name},
                field=FIELD,
            )
