"""Reads of the registry. `memberships_on` answers "who was a member (or observer) on day D"."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from concord.core import clock
from concord.core.exceptions import NotFound

from .models import Body, Chairmanship, Membership, Participant

SORT_KEYS = {
    "name": lambda m: m.participant.name.casefold(),
    "since": lambda m: (m.since, m.participant.name.casefold()),
    "status": lambda m: (m.status, m.participant.name.casefold()),
    "code": lambda m: m.participant.code,
}


def memberships_on(day: dt.date, *, status: str | None = None) -> QuerySet[Membership]:
    """The memberships that hold on `day`: since <= day < until (an open end holds forever)."""
    qs = Membership.objects.filter(Q(since__lte=day), Q(until__isnull=True) | Q(until__gt=day))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("participant")


def list_memberships_on(
    day: dt.date, *, status: str | None = None, sort: str = "name", descending: bool = False
) -> list[Membership]:
    """The registry on `day`, sorted in the active language (Cyrillic names sort correctly)."""
    key = SORT_KEYS.get(sort, SORT_KEYS["name"])
    return sorted(memberships_on(day, status=status), key=key, reverse=descending)


def status_on(participant: Participant, day: dt.date) -> str | None:
    membership = memberships_on(day).filter(participant=participant).first()
    return membership.status if membership else None


def is_member_on(participant: Participant | None, day: dt.date) -> bool:
    if participant is None:
        return False
    return (
        memberships_on(day, status=Membership.Status.MEMBER)
        .filter(participant=participant)
        .exists()
    )


def count_on(day: dt.date) -> dict[str, int]:
    rows = memberships_on(day)
    return {
        "members": rows.filter(status=Membership.Status.MEMBER).count(),
        "observer_states": rows.filter(
            status=Membership.Status.OBSERVER, participant__kind=Participant.Kind.STATE
        ).count(),
        "observer_organisations": rows.filter(
            status=Membership.Status.OBSERVER, participant__kind=Participant.Kind.ORGANISATION
        ).count(),
    }


def get_participant(code: str, *, field: str = "code") -> Participant:
    participant = Participant.objects.filter(code=code.upper()).first()
    if participant is None:
        raise NotFound(
            _("No state or organisation with code %(code)s.") % {"code": repr(code)}, field=field
        )
    return participant


def get_state(iso2: str) -> Participant:
    participant = Participant.objects.filter(code=iso2.upper(), kind=Participant.Kind.STATE).first()
    if participant is None:
        raise NotFound(_("No state with ISO code %(code)s.") % {"code": repr(iso2)}, field="iso2")
    return participant


def list_memberships_of(participant: Participant) -> QuerySet[Membership]:
    return participant.memberships.order_by("since")


def list_chairmanships(participant: Participant | None = None) -> QuerySet[Chairmanship]:
    qs = Chairmanship.objects.select_related("participant").order_by("since")
    if participant is not None:
        qs = qs.filter(participant=participant)
    return qs


def chairmanship_on(day: dt.date) -> Chairmanship | None:
    return (
        list_chairmanships()
        .filter(Q(since__lte=day), Q(until__isnull=True) | Q(until__gt=day))
        .first()
    )


def current_chairmanship() -> Chairmanship | None:
    return chairmanship_on(clock.today())


def holds_chair_on(participant: Participant | None, day: dt.date) -> bool:
    chair = chairmanship_on(day)
    return participant is not None and chair is not None and chair.participant_id == participant.pk


def list_bodies() -> QuerySet[Body]:
    return Body.objects.prefetch_related("names").order_by("order", "code")


@dataclass(frozen=True)
class TimelinePoint:
    day: dt.date
    joined: list[Participant]
    members: int  # members on that day, the joiners included


def accession_timeline() -> list[TimelinePoint]:
    """Each day on which states became members, with the member count that day."""
    starts: dict[dt.date, list[Participant]] = {}
    for m in (
        Membership.objects.filter(status=Membership.Status.MEMBER)
        .select_related("participant")
        .order_by("since", "participant__name_en")
    ):
        starts.setdefault(m.since, []).append(m.participant)
    return [
        TimelinePoint(
            day=day,
            joined=joined,
            members=memberships_on(day, status=Membership.Status.MEMBER).count(),
        )
        for day, joined in starts.items()
    ]


def names_by_code() -> dict[str, str]:
    """Each participant's code with its name in the reader's language (for the audit trail)."""
    return {p.code: p.name for p in Participant.objects.only("code", "name_en", "name_ru")}
