from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.exceptions import InvalidInput
from concord.members import services as members
from concord.members.models import Membership

from ..choices import SubjectType
from .base import source
from .participants import FIELD, STATUS_SUBJECTS, ParticipantSubject


class Accession(ParticipantSubject):
    """A state becomes a Member State on the day of the decision."""

    name, label = SubjectType.ACCESSION, SubjectType.ACCESSION.label
    title_pattern = gettext_lazy("Accession of %(state)s")
    rivals = STATUS_SUBJECTS
    organisation_refused = gettext_lazy("%(name)s is an organisation: only a state accedes.")

    def check_standing(self, participant, status, today):
        if status == Membership.Status.MEMBER:
            raise InvalidInput(
                _("%(state)s is already a Member State.") % {"state": participant.name},
                field=FIELD,
            )

    def take_effect(self, procedure, *, on, actor):
        members.admit_member(
            actor=actor, participant=procedure.participant, since=on, source=source(procedure)
        )
        return {}
