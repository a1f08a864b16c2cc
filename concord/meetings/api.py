"""Meetings over the REST API (public)."""

from typing import Literal

from ninja import Field, Query, Router
from ninja.pagination import paginate

from concord.core.schemas import IdentifierOf, InputSchema, Pages, with_errors
from concord.members.models import Body

from . import selectors
from .models import Meeting
from .schemas import MeetingOut

router = Router(tags=["meetings"])


def meeting_out(meeting) -> dict:
    return {
        "slug": meeting.slug,
        "body": meeting.body.code,
        "kind": meeting.kind,
        "number": meeting.number,
        "title": meeting.title,
        "title_en": meeting.title_en,
        "title_ru": meeting.title_ru,
        "starts_on": meeting.starts_on,
        "ends_on": meeting.ends_on,
        "precision": meeting.precision,
        "place": meeting.place,
        "host": meeting.host.code if meeting.host_id else None,
        "status": meeting.status,
        "outcomes": meeting.outcomes,
        "source": meeting.source,
        "confidence": meeting.confidence,
        "note": meeting.note,
    }


class MeetingQuery(InputSchema):
    body: IdentifierOf(Body, "code") | None = None
    year: int | None = Field(None, ge=1, le=9999)
    status: Literal[tuple(Meeting.Status.values)] | None = None
    sort: Literal["date", "-date", "body"] = "-date"


@router.get("/meetings", response=with_errors({200: list[MeetingOut]}, 422), summary="Meetings")
@paginate(Pages, page_size=50)
def list_meetings(request, filters: Query[MeetingQuery]):
    meetings = selectors.list_meetings(
        body=filters.body, year=filters.year, status=filters.status, sort=filters.sort
    )
    return [meeting_out(m) for m in meetings]


@router.get(
    "/meetings/{slug}", response=with_errors({200: MeetingOut}, 404, 422), summary="A meeting"
)
def get_meeting(request, slug: str):
    return meeting_out(selectors.get_meeting(slug))
