"""Writes on the registry. The reference data is loaded from versioned YAML files in data/."""

import datetime as dt
import hashlib
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core.actors import Actor
from concord.core.exceptions import NotPermitted
from concord.core.upsert import Upsert, describe

from .models import Body, BodyName, Chairmanship, Membership, Participant

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


def _sourced(row: dict) -> dict:
    return {
        "source": row.get("source") or "",
        "confidence": row.get("confidence") or "high",
        "note_en": (row.get("note_en") or "").strip(),
        "note_ru": (row.get("note_ru") or "").strip(),
    }


def _period(row: dict) -> dict:
    return {
        "until": _as_date(row.get("until")),
        "since_precision": row.get("since_precision") or "day",
        "until_precision": row.get("until_precision") or "",
    }


@transaction.atomic(durable=True)
def load_reference_data(*, actor: Actor, data_dir: Path = DATA_DIR) -> dict:
    """Bring the registry in line with the reference files. Rows are never deleted, so
    memberships created later by the forum's own decisions survive a reload."""
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
            {**_period(row), **_sourced(row), "founding": bool(row.get("founding"))},
        )
    for row in data["chairmanships.yaml"]:
        upsert(
            Chairmanship,
            {"since": _as_date(row["since"])},
            {"participant": participants[row["state"]], **_period(row), **_sourced(row)},
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
                **_sourced(row),
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
