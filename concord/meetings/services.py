"""Writes on meetings: the reference list, and a meeting convened by a consensus decision."""

import datetime as dt
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, NotFound, NotPermitted
from concord.core.inputs import checked_identifier, checked_line, date_problem, limit
from concord.core.models import Precision
from concord.core.slugs import unique_slug
from concord.core.upsert import Upsert, describe, made_by_decision
from concord.members import selectors as registry
from concord.members.models import Body, Participant
from concord.members.services import sourced

from .models import MEETING_BODIES, Meeting

DATA_FILE = Path(__file__).resolve().parent / "data" / "meetings.yaml"


@transaction.atomic(durable=True)
def load_meetings(*, actor: Actor, path: Path = DATA_FILE) -> dict:
    """Bring the reference list of meetings in line with the file; rows are never deleted, and
    a meeting the forum convened stays as its decision convened it."""
    if not actor.is_system:
        raise NotPermitted(_("Reference data is loaded by the system (concord init)."))
    upsert = Upsert()
    bodies = {b.code: b for b in Body.objects.all()}
    for row in yaml.safe_load(path.read_text("utf-8")):
        upsert(
            Meeting,
            {"slug": row["slug"]},
            {
                "body": bodies[row["body"]],
                "kind": row.get("kind") or Meeting.Kind.REGULAR,
                "number": row.get("number"),
                "title_en": row["title_en"],
                "title_ru": row.get("title_ru") or "",
                "starts_on": row["starts_on"],
                "ends_on": row.get("ends_on"),
                "precision": row.get("precision") or Precision.DAY,
                "place_en": row.get("place_en") or "",
                "place_ru": row.get("place_ru") or "",
                "host": registry.get_state(row["host"]) if row.get("host") else None,
                "status": row.get("status") or Meeting.Status.HELD,
                "outcomes": row.get("outcomes") or [],
                **sourced(row),
            },
            decided=made_by_decision,
        )
    if upsert.changed:
        record(
            actor=actor,
            event=AuditEvent.MEETINGS_LOADED,
            summary="Meetings loaded: " + describe(upsert.summary),
            data=upsert.summary,
        )
    return upsert.summary


def _date(details: dict, name: str, *, required: bool) -> dt.date | None:
    value = details.get(name)
    if value in (None, ""):
        if required:
            raise InvalidInput(_("Give the date the meeting opens."), field=f"meeting.{name}")
        return None
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidInput(
            _("Enter a date as YYYY-MM-DD, not %(value)s.") % {"value": repr(value)},
            field=f"meeting.{name}",
        ) from exc
    if problem := date_problem(day):
        raise InvalidInput(problem, field=f"meeting.{name}")
    return day


def _line(details: dict, name: str, column: str) -> str:
    return checked_line(
        details.get(name), field=f"meeting.{name}", max_length=limit(Meeting, column)
    )


def check_convening(details: dict | None, *, decided_by: dt.date | None = None) -> dict:
    """The proposal to convene a meeting, checked and in plain JSON form (for the procedure
    record): body, title, dates, place, host state. The meeting opens on or after the day the
    decision falls (``decided_by``: a silence procedure's deadline), so it is never convened
    after the fact."""
    details = details or {}
    body = checked_identifier(
        details.get("body"), field="meeting.body", max_length=limit(Body, "code")
    )
    if body not in MEETING_BODIES or not Body.objects.filter(code=body).exists():
        raise InvalidInput(
            _("Name the body that meets: one of %(bodies)s.")
            % {"bodies": ", ".join(MEETING_BODIES)},
            field="meeting.body",
        )
    title = _line(details, "title", "title_en")
    if not title:
        raise InvalidInput(_("Give the meeting a title."), field="meeting.title")
    starts_on = _date(details, "starts_on", required=True)
    ends_on = _date(details, "ends_on", required=False)
    _not_before(starts_on, max(decided_by or clock.today(), clock.today()))
    if ends_on is not None and ends_on < starts_on:
        raise InvalidInput(_("The meeting cannot end before it opens."), field="meeting.ends_on")
    held = Meeting.objects.filter(body__code=body, starts_on=starts_on).exclude(
        status=Meeting.Status.CANCELLED
    )
    if held.exists():
        raise InvalidInput(
            _("This body already meets on %(day)s: %(slug)s.")
            % {"day": starts_on, "slug": held.first().slug},
            field="meeting.starts_on",
        )
    host = checked_identifier(
        details.get("host"), field="meeting.host", max_length=limit(Participant, "code")
    ).upper()
    if host:
        try:
            registry.get_state(host)
        except NotFound as exc:
            raise InvalidInput(exc.message, field="meeting.host") from exc
    return {
        "body": body,
        "title": title,
        "title_ru": _line(details, "title_ru", "title_ru"),
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat() if ends_on else None,
        "place": _line(details, "place", "place_en"),
        "place_ru": _line(details, "place_ru", "place_ru"),
        "host": host or None,
    }


def _not_before(starts_on: dt.date, earliest: dt.date) -> None:
    if starts_on < earliest:
        raise InvalidInput(
            _("The decision falls on %(earliest)s: the meeting cannot open before, on %(day)s.")
            % {"earliest": earliest, "day": starts_on},
            field="meeting.starts_on",
        )


def convene_meeting(*, actor: Actor, details: dict, on: dt.date, source: str) -> Meeting:
    """Effect of an adopted decision to convene: runs inside the decision's transaction. An
    in-session procedure closed after the proposed opening day cannot convene it (a silence
    procedure cannot get there: its deadline was checked when it opened)."""
    starts_on = dt.date.fromisoformat(details["starts_on"])
    _not_before(starts_on, on)
    slug = unique_slug(Meeting, f"{details['body']}-{starts_on.isoformat()}")
    meeting = Meeting.objects.create(
        slug=slug,
        body=Body.objects.get(code=details["body"]),
        title_en=details["title"],
        title_ru=details.get("title_ru") or "",
        starts_on=starts_on,
        ends_on=dt.date.fromisoformat(details["ends_on"]) if details.get("ends_on") else None,
        place_en=details.get("place") or "",
        place_ru=details.get("place_ru") or "",
        host=registry.get_state(details["host"]) if details.get("host") else None,
        status=Meeting.Status.CONVENED,
        source=source,
    )
    record(
        actor=actor,
        event=AuditEvent.MEETING_CONVENED,
        target=meeting,
        summary=f"{meeting.slug} convened: {meeting.title_en}, {starts_on}",
        data={"slug": meeting.slug, "source": source},
    )
    return meeting
