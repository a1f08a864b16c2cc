"""The one source of "now". Tests move it with `frozen_at`; nothing else reads the wall clock."""

import contextlib
import datetime as dt

from django.utils import timezone

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    return _frozen or timezone.now()


def today() -> dt.date:
    """The forum's day: in the site's time zone, whatever zone a person reads times in, so that
    rights and dates that follow the day are the same for everyone."""
    return day_of(now())


def day_of(moment: dt.datetime) -> dt.date:
    """The forum's day on which ``moment`` falls (the site's time zone)."""
    return timezone.localdate(moment, timezone.get_default_timezone())


@contextlib.contextmanager
def frozen_at(moment: dt.datetime | dt.date):
    global _frozen
    if isinstance(moment, dt.date) and not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(12), tzinfo=dt.UTC)
    previous, _frozen = _frozen, moment
    try:
        yield moment
    finally:
        _frozen = previous
