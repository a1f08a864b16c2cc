"""What Concord takes from outside: texts, single lines, identifiers and dates. The API's schemas
(`core.schemas`), the forms (`core.forms`) and the services all check with these functions, so
that a value refused by one door is refused by every door, with the same words and limits. The
limits themselves are the model fields' (`limit`), so the column, the schema, the form and the
service cannot drift apart."""

import datetime as dt
import re

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from .exceptions import InvalidInput

# No database stores NUL (PostgreSQL refuses it), and XML 1.0 (the Akoma Ntoso export) holds no
# other C0 control but tab, line feed and carriage return, no lone surrogate and neither of
# U+FFFE and U+FFFF. A text may hold line breaks; nothing else here.
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A single line (a title, a name, a place) ends up in e-mail headers, file names and one-line
# lists: no line break of any kind (str.splitlines breaks on \x1c-\x1e, \x85, U+2028 and U+2029
# too) and no control character.
NOT_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# An identifier that enters from outside (a meeting's slug, a state's or a body's code, a
# measure's code, a unit of a text) is ASCII letters, digits, hyphens and underscores.
IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

# Every date and time taken from outside lies in these years: far from the ends of what Python
# and both databases hold, so that no time zone shift or date arithmetic leaves the range (a
# deadline of 9999-12-31T23:59:59-14:00 is year 10000 in UTC, which PostgreSQL stores and
# Python cannot read back). The forum dates from 1992.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)


def limit(model: type[models.Model], name: str) -> int:
    """The length a model field holds: the one limit every door applies to that field."""
    return model._meta.get_field(name).max_length


def text_problem(value: str, *, max_length: int | None = None, single_line: bool = False) -> str:
    """Why ``value`` cannot be taken, in words for the person who sent it; "" when it can."""
    if UNSTORABLE.search(value):
        return _("The text holds a control character that cannot be stored.")
    if single_line and NOT_IN_A_LINE.search(value):
        return _("Write this on one line, without line breaks or control characters.")
    if max_length is not None and len(value) > max_length:
        return _("At most %(limit)s characters (this has %(length)s).") % {
            "limit": max_length,
            "length": len(value),
        }
    return ""


def identifier_problem(value: str, *, max_length: int) -> str:
    if len(value) > max_length or not IDENTIFIER.fullmatch(value):
        return _(
            "Give a code of at most %(limit)s ASCII letters, digits, hyphens or underscores."
        ) % {"limit": max_length}
    return ""


def date_problem(value: dt.date) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        return _("Give a date between %(earliest)s and %(latest)s.") % {
            "earliest": EARLIEST_DATE.isoformat(),
            "latest": LATEST_DATE.isoformat(),
        }
    if isinstance(value, dt.datetime) and timezone.is_naive(value):
        return _("Give the time with its time zone, e.g. 2026-11-27T09:00:00+00:00.")
    return ""


def checked_text(value: str | None, *, field: str, max_length: int) -> str:
    """A text for a service to store: stripped, storable and within its column."""
    value = (value or "").strip()
    if problem := text_problem(value, max_length=max_length):
        raise InvalidInput(problem, field=field)
    return value


def checked_line(value: str | None, *, field: str, max_length: int) -> str:
    """A single line for a service to store: stripped, one line, within its column."""
    value = (value or "").strip()
    if problem := text_problem(value, max_length=max_length, single_line=True):
        raise InvalidInput(problem, field=field)
    return value


def checked_identifier(value: str | None, *, field: str, max_length: int) -> str:
    """An identifier for a service to look up; "" when none was given."""
    value = (value or "").strip()
    if value and (problem := identifier_problem(value, max_length=max_length)):
        raise InvalidInput(problem, field=field)
    return value
