import datetime as dt

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field

from concord.core import clock
from concord.core.exceptions import InvalidInput, InvalidTransition
from concord.core.forms import DateField, LineField, NestedForm
from concord.core.i18n import current_language
from concord.core.schemas import IdentifierOf, InputSchema, IsoDate, LineOf
from concord.meetings import selectors as meeting_selectors
from concord.meetings import services as meetings
from concord.meetings.models import Meeting as MeetingModel
from concord.members.models import Body, Participant

from ..choices import SubjectType
from .base import Matter, Subject, lock, open_procedures, participant_choices, source


class MeetingProposalIn(InputSchema):
    body: IdentifierOf(Body, "code", description="summit, ministerial_council, soc, swg ...")
    title: LineOf(MeetingModel, "title_en", min_length=1)
    title_ru: LineOf(MeetingModel, "title_ru") = ""
    starts_on: IsoDate
    ends_on: IsoDate | None = None
    place: LineOf(MeetingModel, "place_en") = ""
    place_ru: LineOf(MeetingModel, "place_ru") = ""
    host: IdentifierOf(Participant, "code") | None = Field(
        None, description="ISO code of the host state"
    )


class MeetingForm(NestedForm):
    legend = gettext_lazy("To convene a meeting")

    body = forms.ChoiceField(label=gettext_lazy("Meeting: body that meets"), required=False)
    title = LineField(
        MeetingModel, "title_en", label=gettext_lazy("Meeting: title"), required=False
    )
    starts_on = DateField(label=gettext_lazy("Meeting: opens on"), required=False)
    ends_on = DateField(label=gettext_lazy("Meeting: closes on"), required=False)
    title_ru = LineField(
        MeetingModel, "title_ru", label=gettext_lazy("Meeting: title in Russian"), required=False
    )
    place = LineField(
        MeetingModel, "place_en", label=gettext_lazy("Meeting: place"), required=False
    )
    place_ru = LineField(
        MeetingModel, "place_ru", label=gettext_lazy("Meeting: place in Russian"), required=False
    )
    host = forms.ChoiceField(label=gettext_lazy("Meeting: host state"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = [("", "—"), *meeting_selectors.convening_choices()]
        self.fields["host"].choices = participant_choices()


class Meeting(Subject):
    """A meeting of a body, described in ``subject.meeting``, is convened; the meetings app
    checks it when the procedure opens so that the convening cannot fail when it is adopted."""

    name, label = SubjectType.MEETING, SubjectType.MEETING.label
    part, schema, form = "meeting", MeetingProposalIn, MeetingForm
    template = "decisions/subjects/meeting.html"

    def check(self, request, *, today, decided_by):
        day = clock.day_of(decided_by) if decided_by else None
        try:
            proposal = meetings.check_convening(request.proposal, decided_by=day)
        except (InvalidInput, InvalidTransition) as exc:
            raise type(exc)(exc.message, field=f"subject.{exc.field}") from exc
        return Matter(proposal=proposal)

    def refuse_rival(self, matter):
        proposal = matter.proposal
        lock(Body, Body.objects.get(code=proposal["body"]).pk)
        same_day = open_procedures().filter(
            subject=self.name,
            proposal__body=proposal["body"],
            proposal__starts_on=proposal["starts_on"],
        )
        if same_day.exists():
            raise InvalidTransition(
                _("A procedure to convene this body on that day is already open."),
                field="subject.meeting.starts_on",
            )

    def take_effect(self, procedure, *, on, actor):
        try:
            meeting = meetings.convene_meeting(
                actor=actor, details=procedure.proposal, on=on, source=source(procedure)
            )
        except InvalidInput as exc:
            raise InvalidTransition(
                _("%(reason)s Withdraw the procedure and propose new dates.")
                % {"reason": exc.message},
                field="subject.meeting.starts_on",
            ) from exc
        return {"meeting": meeting.slug}

    def suggest_title(self, request):
        title = (request.proposal or {}).get("title")
        return _("Convening of %(title)s") % {"title": title} if title else ""

    def describe(self, procedure):
        """Names rather than codes, dates rather than ISO strings, the reader's language where
        it was given."""
        proposal, russian = procedure.proposal, current_language() == "ru"
        if not proposal:
            return {}
        host = Participant.objects.filter(code=proposal.get("host")).first()
        body = Body.objects.prefetch_related("names").filter(code=proposal["body"]).first()
        name = body.name_on(clock.today()) if body else None
        ends_on = proposal.get("ends_on")
        return {
            "body": name.short if name else proposal["body"],
            "title": (russian and proposal.get("title_ru")) or proposal["title"],
            "place": (russian and proposal.get("place_ru")) or proposal.get("place", ""),
            "starts_on": dt.date.fromisoformat(proposal["starts_on"]),
            "ends_on": dt.date.fromisoformat(ends_on) if ends_on else None,
            "host": host.name if host else "",
        }
