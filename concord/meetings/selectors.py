"""Reads on meetings: public, like the calendar of a forum."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from concord.core.exceptions import NotFound
from concord.core.models import Precision

from .models import MEETING_BODIES, Meeting

SORTS = {
    "date": ("starts_on", "slug"),
    "-date": ("-starts_on", "slug"),
    "body": ("body__order", "-starts_on"),
}


def list_meetings(
    *,
    body: str | None = None,
    year: int | None = None,
    status: str | None = None,
    sort: str = "-date",
) -> QuerySet[Meeting]:
    qs = Meeting.objects.select_related("body", "host").prefetch_related("body__names")
    if body:
        qs = qs.filter(body__code=body)
    if year:
        qs = qs.filter(starts_on__year=year)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by(*SORTS.get(sort, SORTS["-date"]))


def meetings_on(day) -> QuerySet[Meeting]:
    """Meetings that may be in session on ``day``: not cancelled, and with dates that cover it as
    far as they are known (a meeting known only by its month or year covers the whole of it)."""
    exact = Q(precision=Precision.DAY, starts_on__lte=day) & (
        Q(ends_on__gte=day) | Q(ends_on__isnull=True, starts_on=day)
    )
    month = Q(precision=Precision.MONTH, starts_on__year=day.year, starts_on__month=day.month)
    year = Q(precision=Precision.YEAR, starts_on__year=day.year)
    return (
        Meeting.objects.exclude(status=Meeting.Status.CANCELLED)
        .filter(exact | month | year)
        .select_related("body")
        .order_by("starts_on", "slug")
    )


def get_meeting(slug: str) -> Meeting:
    meeting = list_meetings().filter(slug=slug).first()
    if meeting is None:
        raise NotFound(_("There is no meeting at this address."), field="slug")
    return meeting


def list_years() -> list[int]:
    return sorted({d.year for d in Meeting.objects.dates("starts_on", "year")}, reverse=True)


def convening_choices() -> list[tuple[str, str]]:
    """(code, current short name) of the bodies a decision may convene."""
    from concord.core import clock
    from concord.members.models import Body

    today = clock.today()
    bodies = Body.objects.filter(code__in=MEETING_BODIES).prefetch_related("names")
    return [(b.code, n.short if (n := b.name_on(today)) else b.code) for b in bodies]


def body_choices() -> list[tuple[str, str]]:
    from concord.core import clock
    from concord.members.models import Body

    today = clock.today()
    bodies = Body.objects.filter(meetings__isnull=False).distinct().prefetch_related("names")
    return [(b.code, n.short if (n := b.name_on(today)) else b.code) for b in bodies]


def titles_by_slug() -> dict[str, str]:
    """Each meeting's slug with its title in the reader's language (for the audit trail)."""
    return {m.slug: m.title for m in Meeting.objects.only("slug", "title_en", "title_ru")}
