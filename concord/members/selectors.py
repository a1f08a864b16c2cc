"""Reads of the registry. `memberships_on` answers "who was a member (or observer) on day D"."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet, TextChoices
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext

from concord.core import clock
from concord.core.exceptions import InvalidInput, NotFound
from concord.core.models import Precision

from .models import Body, Chairmanship, Membership, Participant

SORT_KEYS = {
    "name": lambda m: m.participant.name.casefold(),
    "since": lambda m: (m.since, m.participant.name.casefold()),
    "status": lambda m: (m.status, m.participant.name.casefold()),
    "code": lambda m: m.participant.code,
}


# The record starts with the year the forum was proposed (UN General Assembly, 5 October 1992).
RECORD_STARTS = dt.date(1992, 1, 1)


def _day(day: dt.date) -> str:
    return date_format(day, pgettext("date format of a day", "j E Y"))


def record_problem(day: dt.date, *, today: dt.date) -> str:
    """Why the registry cannot answer for `day` (before the record, or after today), or "".

    A list for such a day would be empty or, worse, today's list in disguise: the future is not
    on record (an accession takes effect only once decided)."""
    if day < RECORD_STARTS:
        return _("The record starts in %(year)s: there is no list for %(day)s.") % {
            "year": RECORD_STARTS.year,
            "day": _day(day),
        }
    if day > today:
        return _(
            "%(day)s is in the future: the record goes up to today, %(today)s, "
            "and says nothing yet of later days."
        ) % {"day": _day(day), "today": _day(today)}
    return ""


def check_within_record(day: dt.date, *, field: str) -> None:
    """Refuse (InvalidInput on `field`) a day the record cannot answer for."""
    if problem := record_problem(day, today=clock.today()):
        raise InvalidInput(problem, field=field)


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
    precision: str = Precision.DAY  # how precisely the sources know the day


def accession_timeline() -> list[TimelinePoint]:
    """Each day on which states became members, with the member count that day."""
    starts: dict[dt.date, list[Membership]] = {}
    for m in (
        Membership.objects.filter(status=Membership.Status.MEMBER)
        .select_related("participant")
        .order_by("since", "participant__name_en")
    ):
        starts.setdefault(m.since, []).append(m)
    return [
        TimelinePoint(
            day=day,
            joined=[m.participant for m in joined],
            members=memberships_on(day, status=Membership.Status.MEMBER).count(),
            precision=_coarsest(m.since_precision for m in joined),
        )
        for day, joined in starts.items()
    ]


def names_by_code() -> dict[str, str]:
    """Each participant's code with its name in the reader's language (for the audit trail)."""
    return {p.code: p.name for p in Participant.objects.only("code", "name_en", "name_ru")}


def _coarsest(precisions) -> str:
    order = [Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.BY]
    return max(precisions, key=order.index)


class ChangeKind(TextChoices):
    JOINED = "joined", _lazy("joined")
    LEFT = "left", _lazy("left")
    STATUS_CHANGED = "status_changed", _lazy("changed status")


@dataclass(frozen=True)
class Change:
    day: dt.date
    precision: str
    kind: ChangeKind
    participant: Participant
    before: str | None  # the status the day before, None when not in the forum
    after: str | None  # the status from that day on


def list_changes_between(start: dt.date, end: dt.date) -> list[Change]:
    """What changed after `start` up to and including `end`, as the registries of the two days
    differ: who joined, who left, whose status changed (an observer that became a member), each
    on its day, in date order. A status that ends on the day another begins is one change."""
    check_within_record(start, field="from")
    check_within_record(end, field="to")
    if start > end:
        raise InvalidInput(_("The first date must not be after the second."), field="to")
    rows = Membership.objects.filter(
        Q(since__gt=start, since__lte=end) | Q(until__gt=start, until__lte=end)
    ).select_related("participant")
    began = {(m.participant_id, m.since): m for m in rows if start < m.since <= end}
    ended = {(m.participant_id, m.until): m for m in rows if m.until and start < m.until <= end}
    changes = []
    for key, m in began.items():
        before = ended.pop(key, None)
        if before is not None and before.status == m.status:
            continue  # one status recorded in two periods: nothing changed that day
        kind = ChangeKind.STATUS_CHANGED if before is not None else ChangeKind.JOINED
        status = before.status if before is not None else None
        changes.append(Change(m.since, m.since_precision, kind, m.participant, status, m.status))
    for m in ended.values():
        changes.append(
            Change(m.until, m.until_precision, ChangeKind.LEFT, m.participant, m.status, None)
        )
    return sorted(changes, key=lambda c: (c.day, c.participant.name.casefold()))
