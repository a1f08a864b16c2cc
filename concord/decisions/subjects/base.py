"""What every subject of a procedure is: what it needs, how it is checked when the procedure
opens, which open procedures it cannot stand beside, what its adoption does, and how the page
and the API show it. A subject is a class; its module registers one instance."""

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.utils.text import Truncator
from ninja import Schema

from concord.core.actors import Actor
from concord.core.upsert import DECIDED
from concord.documents.models import Version
from concord.members.models import Participant

from ..choices import Mode, Status
from ..models import TITLE_LIMIT, Procedure
from ..requests import SubjectRequest


@dataclass(frozen=True)
class Matter:
    """What a procedure is about, once checked: the state or organisation, the version of a
    document, the change proposed (as stored in ``Procedure.proposal``)."""

    participant: Participant | None = None
    version: Version | None = None
    proposal: dict = field(default_factory=dict)


class Subject:
    """The default of each step is to do nothing, so that a subject says only what it does."""

    name: str
    label: str
    # The inputs it shares with other subjects ("state", "version", "text"), as the API
    # documents them.
    needs: tuple[str, ...] = ()
    # The subject's own part of the request, if it has one: its key in the API's ``subject``
    # object and the form's prefix (``subject.<part>``), its input schema and its form (a
    # ``NestedForm`` with a ``legend`` for its fieldset).
    part: str | None = None
    schema: type[Schema] | None = None
    form: type[forms.Form] | None = None
    # Shown on the procedure's page under the summary, with ``proposal`` from `describe`.
    template: str | None = None
    # What the open form offers first: the forum circulates a text under two weeks' silence.
    default_mode: str = Mode.SILENCE

    def check(
        self, request: SubjectRequest, *, today: dt.date, decided_by: dt.datetime | None
    ) -> Matter:
        """The subject's own preconditions against today's record; ``decided_by`` is the
        deadline, if there is one. Errors name the field as the API does."""
        return Matter()

    def refuse_rival(self, matter: Matter) -> None:
        """Refuse an open procedure whose adoption would contradict this one's."""

    def circulate(self, procedure: Procedure, *, under_decision: bool) -> None:
        """What the subject's app marks while the question is open."""

    def take_effect(self, procedure: Procedure, *, on: dt.date, actor: Actor) -> dict:
        """Carry out the adoption, inside its transaction; returns what it made."""
        return {}

    def suggest_title(self, request: SubjectRequest) -> str:
        """A title for the procedure from what the form holds so far, in the reader's
        language ("Adoption of the Statement on Water"); empty when there is none to offer."""
        return ""

    def offered_title(self, request: SubjectRequest) -> str:
        """The suggested title, shortened (with an ellipsis) to the length a procedure's title
        may have: a long document title must not make the title the user left empty too long."""
        return Truncator(self.suggest_title(request)).chars(TITLE_LIMIT)

    def describe(self, procedure: Procedure) -> dict:
        """The proposal in words for the page, in the reader's language."""
        return {}

    def output(self, procedure: Procedure) -> dict:
        """The subject's part in the API's ``subject`` object."""
        return {self.part: procedure.proposal} if self.part else {}


def open_procedures():
    return Procedure.objects.filter(status=Status.OPEN)


def lock(model, pk) -> None:
    """Lock the row a question is about, so that two openings at once on PostgreSQL wait for
    each other instead of both passing the check for a rival."""
    list(model.objects.select_for_update().filter(pk=pk).values_list("pk", flat=True))


def source(procedure: Procedure) -> str:
    """How the record of what an adoption made names the decision."""
    return f"{DECIDED} #{procedure.pk}"


def participant_choices() -> list[tuple[str, str]]:
    """States and organisations for a form's select, by name in the reader's language."""
    participants = sorted(Participant.objects.all(), key=lambda p: p.name.casefold())
    return [("", "—")] + [(p.code, p.name) for p in participants]
