"""Read-only registry endpoints; open to the public."""

import datetime as dt

from ninja import Field, Query, Router

from concord.core import clock
from concord.core.schemas import InputSchema, IsoDate, with_errors

from . import selectors
from .schemas import (
    BodyOut,
    ChairmanshipOut,
    ChangesOut,
    MembershipOut,
    MembershipStatus,
    StateOut,
)

router = Router(tags=["members"])


class MembersQuery(InputSchema):
    as_of: IsoDate | None = None
    status: MembershipStatus | None = None


class ChangesQuery(InputSchema):
    from_: IsoDate = Field(alias="from")
    to: IsoDate


def chair_out(chair, today: dt.date) -> dict:
    return {
        "iso2": chair.participant.code,
        "name_en": chair.participant.name_en,
        "name_ru": chair.participant.name_ru,
        "since": chair.since,
        "since_precision": chair.since_precision,
        "until": chair.until,
        "until_precision": chair.until_precision,
        "current": chair.since <= today and (chair.until is None or today < chair.until),
        "note_en": chair.note_en,
        "note_ru": chair.note_ru,
        "source": chair.source,
        "confidence": chair.confidence,
    }


@router.get(
    "/members",
    response=with_errors({200: list[MembershipOut]}, 422),
    summary="Who was a member or observer on a day",
)
def list_members(request, filters: Query[MembersQuery]):
    """Members and observers on `as_of` (default: today), optionally one `status` only. A day
    before the record (1992) or after today is refused (422), never answered with today's list."""
    day = filters.as_of or clock.today()
    selectors.check_within_record(day, field="as_of")
    rows = selectors.list_memberships_on(day, status=filters.status, sort="name")
    return [MembershipOut.from_membership(m) for m in rows]


@router.get(
    "/members/changes",
    response=with_errors({200: ChangesOut}, 422),
    by_alias=True,
    summary="What changed in the registry between two days",
)
def list_member_changes(request, query: Query[ChangesQuery]):
    """Who joined, who left and whose status changed after `from` up to and including `to`."""
    changes = selectors.list_changes_between(query.from_, query.to)
    return {
        "from": query.from_,
        "to": query.to,
        "changes": [ChangesOut.change(c) for c in changes],
    }


@router.get(
    "/states/{iso2}",
    response=with_errors({200: StateOut}, 404, 422),
    summary="A state (or organisation) and its history",
)
def get_state(request, iso2: str):
    participant = selectors.get_participant(iso2, field="iso2")
    today = clock.today()
    return {
        "iso2": participant.iso2,
        "code": participant.code,
        "kind": participant.kind,
        "name_en": participant.name_en,
        "name_ru": participant.name_ru,
        "official_name_en": participant.official_name_en,
        "official_name_ru": participant.official_name_ru,
        "status_today": selectors.status_on(participant, today),
        "memberships": list(selectors.list_memberships_of(participant)),
        "chairmanships": [chair_out(c, today) for c in selectors.list_chairmanships(participant)],
    }


@router.get(
    "/chairmanships",
    response=with_errors({200: list[ChairmanshipOut]}, 422),
    summary="The Chairmanship over time",
)
def list_chairmanships(request):
    today = clock.today()
    return [chair_out(c, today) for c in selectors.list_chairmanships()]


@router.get(
    "/bodies",
    response=with_errors({200: list[BodyOut]}, 422),
    summary="The forum's bodies, with their renamings",
)
def list_bodies(request):
    today = clock.today()
    out = []
    for body in selectors.list_bodies():
        names = list(body.names.all())
        current = body.name_on(today)
        out.append(
            {
                "code": body.code,
                "kind": body.kind,
                "name_en": current.name_en if current else body.code,
                "name_ru": current.name_ru if current else body.code,
                "description_en": body.description_en,
                "description_ru": body.description_ru,
                "founded": body.founded,
                "names": names,
                "source": body.source,
                "confidence": body.confidence,
            }
        )
    return out
