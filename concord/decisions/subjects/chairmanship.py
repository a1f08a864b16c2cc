from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.exceptions import InvalidInput
from concord.members import selectors as roll
from concord.members import services as members
from concord.members.models import Membership

from ..choices import SubjectType
from .base import source
from .participants import FIELD, ParticipantSubject


class Chairmanship(ParticipantSubject):
    """A Member State takes the Chair from the day of the decision; the running term ends."""

    name, label = SubjectType.CHAIRMANSHIP, SubjectType.CHAIRMANSHIP.label
    title_pattern = gettext_lazy("Chairmanship of %(state)s")
    organisation_refused = gettext_lazy("%(name)s is an organisation: only a Member State chairs.")

    def check_standing(self, participant, status, today):
        if status != Membership.Status.MEMBER:
            raise InvalidInput(
                _("Only a Member State can chair; %(state)s is not one.")
                % {"state": participant.name},
                field=FIELD,
            )
        if roll.holds_chair_on(participant, today):
            raise InvalidInput(
                _("%(state)s already holds the Chairmanship.") % {"state": participant.name},
                field=FIELD,
            )

    def take_effect(self, procedure, *, on, actor):
        members.hand_over_chairmanship(
            actor=actor, participant=procedure.participant, since=on, source=source(procedure)
        )
        return {}
