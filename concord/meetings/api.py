"""Meetings over the REST API (public)."""

from typing import Literal

from ninja import Field, Query, Router
from ninja.pagination import paginate

from concord.core.pagination import Pages
from concord.core.schemas import IdentifierOf, InputSchema, with_errors
from concord.members.models import Body

from . import selectors
from .models import Meeting
from .schemas import MeetingOut

router = Router(tags=["meetings"])


class MeetingQuery(InputSchema):
    body: IdentifierOf(Body, "code") | None = None
    year: int | None = Field(None, ge=1, le=9999)
    status: Literal[tuple(Meeting.Status.values)] | None = None
    sort: Literal["date", "-date", "body"] = "-date"


@router.get("/meetings", response=with_errors({200: list[MeetingOut]}, 422), summary="Meetings")
@paginate(Pages, page_size=50)
def list_meetings(request, filters: Query[MeetingQuery]):
    return selectors.list_meetings(
        body=filters.body, year=filters.year, status=filters.status, sort=filters.sort
    )


@router.get(
    "/meetings/{slug}", response=with_errors({200: MeetingOut}, 404, 422), summary="A meeting"
)
def get_meeting(request, slug: str):
    return selectors.get_meeting(slug)
