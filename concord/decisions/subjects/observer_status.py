from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.exceptions import InvalidInput
from concord.members import services as members

from ..choices import SubjectType
from .base import source
from .participants import FIELD, STATUS_SUBJECTS, ParticipantSubject


class ObserverStatus(ParticipantSubject):
    """A state or an organisation with no status becomes an observer."""

    name, label = SubjectType.OBSERVER_STATUS, SubjectType.OBSERVER_STATUS.label
    title_pattern = gettext_lazy("Observer status for %(state)s")
    rivals = STATUS_SUBJECTS

    def check_standing(self, participant, status, today):
        if status is not None:
            raise InvalidInput(
                _("%(state)s is already a member or an observer.") % {"state": participant.name},
                field=FIELD,
            )

    def take_effect(self, procedure, *, on, actor):
        members.grant_observer_status(
            actor=actor, participant=procedure.participant, since=on, source=source(procedure)
        )
        return {}
