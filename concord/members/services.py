"""Writes on the registry. The reference data is loaded from versioned YAML files in data/."""

import datetime as dt
import hashlib
from pathlib import Path

import yaml
from django.db import models, transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core.actors import Actor
from concord.core.exceptions import InvalidTransition, NotPermitted
from concord.core.models import Precision
from concord.core.upsert import Upsert, describe, made_by_decision

from .models import Body, BodyName, Chairmanship, Confidence, Membership, Participant

DATA_DIR = Path(__file__).resolve().parent / "data"
REFERENCE_FILES = ("participants.yaml", "memberships.yaml", "chairmanships.yaml", "bodies.yaml")


def read_reference_data(data_dir: Path = DATA_DIR) -> dict:
    return {name: yaml.safe_load((data_dir / name).read_text("utf-8")) for name in REFERENCE_FILES}


def reference_fingerprint(data_dir: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for name in REFERENCE_FILES:
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()


def _as_date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def sourced(row: dict) -> dict:
    """The SourcedRecord fields of a reference-data row (other apps' loaders use it too)."""
    return {
        "source": row.get("source") or "",
        "confidence": row.get("confidence") or Confidence.HIGH,
        "note_en": (row.get("note_en") or "").strip(),
        "note_ru": (row.get("note_ru") or "").strip(),
    }


def _period_end(row: dict) -> dict:
    """Written only when the row is created: the forum's decisions end periods since."""
    return {
        "until": _as_date(row.get("until")),
        "until_precision": row.get("until_precision") or "",
    }


@transaction.atomic(durable=True)
def load_reference_data(*, actor: Actor, data_dir: Path = DATA_DIR) -> dict:
    """Add what the reference files hold and the registry lacks, and refresh the descriptions
    of the rows they hold. Rows are never deleted, and what the forum's decisions did since
    (an accession, an observer status ended, a Chair handed over) is never undone
    (`concord.core.upsert`)."""
    if not actor.is_system:
        raise NotPermitted(_("Reference data is loaded by the system (concord init)."))
    data = read_reference_data(data_dir)
    upsert = Upsert()
    participants = {}
    for kind, key in (
        (Participant.Kind.STATE, "states"),
        (Participant.Kind.ORGANISATION, "organisations"),
    ):
        for row in data["participants.yaml"][key]:
            participants[row["code"]] = upsert(
                Participant,
                {"code": row["code"]},
                {
                    "kind": kind,
                    "name_en": row["name_en"],
                    "name_ru": row["name_ru"],
                    "official_name_en": row.get("official_name_en") or "",
                    "official_name_ru": row.get("official_name_ru") or "",
                    "short_en": row.get("short_en") or "",
                    "short_ru": row.get("short_ru") or "",
                },
            )
    for row in data["memberships.yaml"]:
        upsert(
            Membership,
            {
                "participant": participants[row["participant"]],
                "status": row["status"],
                "since": _as_date(row["since"]),
            },
            {
                "since_precision": row.get("since_precision") or Precision.DAY,
                "founding": bool(row.get("founding")),
                **sourced(row),
            },
            on_create=_period_end(row),
            decided=made_by_decision,
        )
    for row in data["chairmanships.yaml"]:
        upsert(
            Chairmanship,
            {"since": _as_date(row["since"])},
            {"since_precision": row.get("since_precision") or Precision.DAY, **sourced(row)},
            on_create={"participant": participants[row["state"]], **_period_end(row)},
            decided=made_by_decision,
        )
    for row in data["bodies.yaml"]:
        body = upsert(
            Body,
            {"code": row["code"]},
            {
                "kind": row["kind"],
                "order": row.get("order") or 0,
                "description_en": (row.get("description_en") or "").strip(),
                "description_ru": (row.get("description_ru") or "").strip(),
                "founded": _as_date(row.get("founded")),
                **sourced(row),
            },
        )
        for name in row["names"]:
            upsert(
                BodyName,
                {"body": body, "since": _as_date(name.get("since"))},
                {
                    "name_en": name["name_en"],
                    "name_ru": name["name_ru"],
                    "short_en": name.get("short_en") or "",
                    "short_ru": name.get("short_ru") or "",
                    "until": _as_date(name.get("until")),
                },
            )
    summary = upsert.summary
    if upsert.changed:
        record(
            actor=actor,
            event=AuditEvent.REFERENCE_DATA_LOADED,
            summary="Reference data loaded: " + describe(summary),
            data={**summary, "fingerprint": reference_fingerprint(data_dir)},
        )
    return summary


# The effects of the forum's decisions below are called by the decision that adopted them, inside
# that decision's transaction (hence atomic, not durable), so that the effect and the adoption
# commit together or not at all.


def _holding(participant: Participant, status: str, day: dt.date) -> Membership | None:
    return (
        Membership.objects.select_for_update()
        .filter(participant=participant, status=status, since__lte=day)
        .filter(models.Q(until__isnull=True) | models.Q(until__gt=day))
        .first()
    )


@transaction.atomic
def admit_member(
    *, actor: Actor, participant: Participant, since: dt.date, source: str = ""
) -> Membership:
    """Accession: the state is a member from `since`; an observer period ends that day."""
    if _holding(participant, Membership.Status.MEMBER, since):
        raise InvalidTransition(
            _("%(state)s is already a Member State.") % {"state": participant.name}, field="state"
        )
    observer = _holding(participant, Membership.Status.OBSERVER, since)
    if observer is not None:
        observer.until, observer.until_precision = since, Precision.DAY
        observer.save(update_fields=["until", "until_precision"])
    membership = Membership.objects.create(
        participant=participant, status=Membership.Status.MEMBER, since=since, source=source
    )
    record(
        actor=actor,
        event=AuditEvent.MEMBER_ADMITTED,
        target=membership,
        summary=f"{participant.code} admitted as a Member State from {since}",
        data={"participant": participant.code, "since": since, "ended_observer": bool(observer)},
    )
    return membership


@transaction.atomic
def grant_observer_status(
    *, actor: Actor, participant: Participant, since: dt.date, source: str = ""
) -> Membership:
    if _holding(participant, Membership.Status.MEMBER, since) or _holding(
        participant, Membership.Status.OBSERVER, since
    ):
        raise InvalidTransition(
            _("%(state)s is already a member or an observer.") % {"state": participant.name},
            field="state",
        )
    membership = Membership.objects.create(
        participant=participant, status=Membership.Status.OBSERVER, since=since, source=source
    )
    record(
        actor=actor,
        event=AuditEvent.OBSERVER_ADMITTED,
        target=membership,
        summary=f"{participant.code} granted observer status from {since}",
        data={"participant": participant.code, "since": since},
    )
    return membership


@transaction.atomic
def end_observer_status(*, actor: Actor, participant: Participant, until: dt.date) -> Membership:
    observer = _holding(participant, Membership.Status.OBSERVER, until)
    if observer is None or observer.since >= until:
        raise InvalidTransition(
            _("%(state)s is not an observer.") % {"state": participant.name}, field="state"
        )
    observer.until, observer.until_precision = until, Precision.DAY
    observer.save(update_fields=["until", "until_precision"])
    record(
        actor=actor,
        event=AuditEvent.OBSERVER_STATUS_ENDED,
        target=observer,
        summary=f"{participant.code} observer status ended on {until}",
        data={"participant": participant.code, "until": until},
    )
    return observer


@transaction.atomic
def hand_over_chairmanship(
    *, actor: Actor, participant: Participant, since: dt.date, source: str = ""
) -> Chairmanship:
    """The state chairs from `since`; the running term ends that day."""
    if not _holding(participant, Membership.Status.MEMBER, since):
        raise InvalidTransition(
            _("Only a Member State can chair; %(state)s is not one.") % {"state": participant.name},
            field="state",
        )
    running = (
        Chairmanship.objects.select_for_update()
        .filter(since__lte=since)
        .filter(models.Q(until__isnull=True) | models.Q(until__gt=since))
        .first()
    )
    if running is not None:
        if running.participant_id == participant.pk:
            raise InvalidTransition(
                _("%(state)s already holds the Chairmanship.") % {"state": participant.name},
                field="state",
            )
        running.until, running.until_precision = since, Precision.DAY
        running.save(update_fields=["until", "until_precision"])
    term = Chairmanship.objects.create(participant=participant, since=since, source=source)
    record(
        actor=actor,
        event=AuditEvent.CHAIRMANSHIP_HANDED_OVER,
        target=term,
        summary=f"Chairmanship handed over to {participant.code} from {since}",
        data={
            "participant": participant.code,
            "since": since,
            "previous": running.participant.code if running else None,
        },
    )
    return term
