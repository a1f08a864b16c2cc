from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.exceptions import InvalidInput
from concord.members import services as members
from concord.members.models import Membership

from ..choices import SubjectType
from .participants import FIELD, STATUS_SUBJECTS, ParticipantSubject


class EndObserverStatus(ParticipantSubject):
    """An observer's status ends on the day of the decision."""

    name, label = SubjectType.END_OBSERVER_STATUS, SubjectType.END_OBSERVER_STATUS.label
    title_pattern = gettext_lazy("End of the observer status of %(state)s")
    rivals = STATUS_SUBJECTS

    def check_standing(self, participant, status, today):
        if status != Membership.Status.OBSERVER:
            raise InvalidInput(
                _("%(state)s is not an observer.") % {"state": participant.name}, field=FIELD
            )

    def take_effect(self, procedure, *, on, actor):
        members.end_observer_status(actor=actor, participant=procedure.participant, until=on)
        return {}
