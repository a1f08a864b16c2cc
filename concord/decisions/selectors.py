"""Reads on procedures. Reading a silence procedure past its deadline settles it first, so a
stopped worker never leaves an outcome undecided."""

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.accounts import permissions as rights
from concord.catalogue.models import Dimension, Measure, PriorityArea
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import NotFound
from concord.core.i18n import current_language
from concord.documents import resemblance
from concord.members.models import Body, Participant

from . import permissions, rules, services
from .models import Position, Procedure, Subject


def settle_due() -> int:
    """Settle every silence procedure whose deadline has passed; returns how many."""
    due = Procedure.objects.filter(
        status=rules.OPEN, mode=Procedure.Mode.SILENCE, deadline__lte=clock.now()
    )
    return sum(services.settle(pk) for pk in due.values_list("pk", flat=True))


def visible_procedures(actor: Actor) -> QuerySet[Procedure]:
    qs = Procedure.objects.all()
    if (
        rights.is_secretariat(actor)
        or rights.has_chair_rights(actor)
        or rights.has_member_rights(actor)
    ):
        return qs
    if rights.has_observer_rights(actor):
        return qs.filter(shared_with_observers=True)
    return qs.none()


def list_procedures(
    actor: Actor, *, status: str | None = None, subject: str | None = None
) -> QuerySet[Procedure]:
    settle_due()
    qs = visible_procedures(actor).select_related("participant", "version__document")
    if status:
        qs = qs.filter(status=status)
    if subject:
        qs = qs.filter(subject=subject)
    return qs.order_by("-opened_at", "-id")


def access_procedure(actor: Actor, procedure_id: int) -> Procedure:
    """One visible procedure, settled if due; hidden and missing look the same."""
    services.settle(procedure_id)
    procedure = (
        visible_procedures(actor)
        .select_related("participant", "version__document")
        .filter(pk=procedure_id)
        .first()
    )
    if procedure is None or not permissions.can_read(actor, procedure):
        raise NotFound(_("No procedure #%(id)s.") % {"id": procedure_id}, field="id")
    return procedure


def tally(procedure: Procedure) -> dict[str, list[str]]:
    seats = procedure.seats.values_list("participant__code", flat=True)
    return rules.tally(seats, services.current_positions(procedure))


def list_positions(procedure: Procedure, *, current_only: bool = False) -> QuerySet[Position]:
    qs = procedure.positions.select_related("participant", "stated_by").order_by("stated_at", "id")
    return qs.filter(superseded_at=None) if current_only else qs


def describe_proposal(procedure: Procedure) -> dict:
    """The meeting or catalogue change under decision, in words for the page: names rather
    than codes, dates rather than ISO strings, the reader's language where it was given."""
    proposal, russian = procedure.proposal, current_language() == "ru"
    if procedure.subject == Subject.MEETING and proposal:
        host = Participant.objects.filter(code=proposal.get("host")).first()
        body = Body.objects.prefetch_related("names").filter(code=proposal["body"]).first()
        name = body.name_on(clock.today()) if body else None
        return {
            "body": name.short if name else proposal["body"],
            "title": (russian and proposal.get("title_ru")) or proposal["title"],
            "place": (russian and proposal.get("place_ru")) or proposal.get("place", ""),
            "starts_on": dt.date.fromisoformat(proposal["starts_on"]),
            "ends_on": dt.date.fromisoformat(proposal["ends_on"])
            if proposal.get("ends_on")
            else None,
            "host": host.name if host else "",
        }
    if procedure.subject == Subject.CATALOGUE_CHANGE and proposal:
        measure = Measure.objects.filter(code=proposal.get("measure")).first()
        dimension = Dimension.objects.filter(code=proposal.get("dimension")).first()
        area = PriorityArea.objects.filter(code=proposal.get("area")).first()
        return {
            "action": proposal["action"],
            "measure": measure,
            "dimension": dimension.name
            if dimension
            else (measure.dimension.name if measure else ""),
            "area": area.name if area else "",
            "text": (russian and proposal.get("text_ru")) or proposal["text_en"],
        }
    return {}


def list_held_texts() -> list[resemblance.HeldText]:
    """The texts of open procedures, which an import may not adopt round them (registered with
    ``documents.selectors.HELD_TEXT_SOURCES``)."""
    return [
        resemblance.HeldText(
            _("the text of the open procedure “%(title)s”") % {"title": title},
            resemblance.paragraphs_of_text(text),
        )
        for title, text in Procedure.objects.filter(status=rules.OPEN)
        .exclude(text="")
        .values_list("title", "text")
    ]
