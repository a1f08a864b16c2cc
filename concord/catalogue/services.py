"""Writes on the Catalogue: the reference catalogue, and measures added or changed by consensus."""

from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, NotPermitted
from concord.core.inputs import checked_identifier, checked_text, limit
from concord.core.models import Precision
from concord.core.upsert import Upsert, describe, made_by_decision
from concord.members import selectors as registry
from concord.members.models import Confidence
from concord.members.services import sourced

from .models import ChangeAction, Coordination, Dimension, Measure, MeasureChange, PriorityArea

DATA_FILE = Path(__file__).resolve().parent / "data" / "catalogue.yaml"


@transaction.atomic(durable=True)
def load_catalogue(*, actor: Actor, path: Path = DATA_FILE) -> dict:
    """Bring the catalogue in line with the reference file. A measure already held is left as
    it is: its text may since have been changed by consensus, and that must survive a reload."""
    if not actor.is_system:
        raise NotPermitted(_("Reference data is loaded by the system (concord init)."))
    upsert = Upsert()
    for row in yaml.safe_load(path.read_text("utf-8"))["dimensions"]:
        dimension = upsert(
            Dimension,
            {"code": row["code"]},
            {"order": row["order"], "name_en": row["name_en"], "name_ru": row["name_ru"],
             **sourced(row)},
        )  # fmt: skip
        _coordinations(upsert, row, dimension=dimension)
        for measure in row.get("measures") or []:
            _reference_measure(upsert, dimension, None, measure)
        for order, area_row in enumerate(row.get("areas") or [], start=1):
            area = upsert(
                PriorityArea,
                {"code": area_row["code"]},
                {"dimension": dimension, "order": order, "name_en": area_row["name_en"],
                 "name_ru": area_row["name_ru"], **sourced(area_row)},
            )  # fmt: skip
            _coordinations(upsert, area_row, area=area)
            for measure in area_row.get("measures") or []:
                _reference_measure(upsert, dimension, area, measure)
    if upsert.changed:
        record(
            actor=actor,
            event=AuditEvent.CATALOGUE_LOADED,
            summary="Catalogue loaded: " + describe(upsert.summary),
            data=upsert.summary,
        )
    return upsert.summary


def _coordinations(upsert: Upsert, row: dict, **of) -> None:
    """One row per state and dimension (or area): a state whose role changes is updated, not
    listed twice."""
    for entry in row.get("coordinators") or []:
        upsert(
            Coordination,
            {"participant": registry.get_state(entry["state"]), **of},
            {
                "role": entry["role"],
                "source": row.get("source") or "",
                "confidence": row.get("confidence") or Confidence.HIGH,
            },
        )


def _reference_measure(upsert: Upsert, dimension, area, row: dict) -> None:
    """A measure of the file, by its code. One already held is left alone (a decision may have
    changed its text since); a code the forum's own decisions have taken is an error in the file."""
    code = row["code"]
    held = Measure.objects.filter(code=code).first()
    if held is not None:
        if made_by_decision(held) and held.text_en != row["text_en"].strip():
            raise InvalidInput(
                _("%(code)s in the reference file is a measure added by consensus (%(source)s).")
                % {"code": code, "source": held.source},
                field="code",
            )
        return
    prefix, _dash, number = code.rpartition("-")
    if prefix != dimension.code or not number.isdecimal():
        raise InvalidInput(
            _("The measure code %(code)s does not belong to dimension %(dimension)s.")
            % {"code": code, "dimension": dimension.code},
            field="code",
        )
    upsert(
        Measure,
        {"code": code},
        {
            "dimension": dimension,
            "area": area,
            "number": int(number),
            "text_en": row["text_en"].strip(),
            "text_ru": (row.get("text_ru") or "").strip(),
            "since": row.get("since"),
            "since_precision": Precision.BY if row.get("since") else Precision.DAY,
            **sourced(row),
        },
    )


def check_change(details: dict | None) -> dict:
    """A proposal to add a measure to a dimension (or one of its priority areas), or to change
    a measure's text; checked, and in plain JSON form for the procedure record. Both working
    languages are required: a change in one alone would leave the other saying what was not
    agreed."""
    details = details or {}
    action = details.get("action")
    if action not in ChangeAction.values:
        raise InvalidInput(_("The change is 'add' or 'change'."), field="catalogue.action")
    target = _changed_measure(details) if action == ChangeAction.CHANGE else _new_place(details)
    text_en, text_ru = (
        checked_text(details.get(name), field=f"catalogue.{name}", max_length=limit(Measure, name))
        for name in ("text_en", "text_ru")
    )
    if not text_en:
        raise InvalidInput(_("Give the English text of the measure."), field="catalogue.text_en")
    if not text_ru:
        raise InvalidInput(_("Give the Russian text of the measure."), field="catalogue.text_ru")
    if action == ChangeAction.CHANGE and (text_en, text_ru) == (target.text_en, target.text_ru):
        raise InvalidInput(_("The proposed text is the text in force."), field="catalogue.text_en")
    if action == ChangeAction.CHANGE:
        return {"action": action, "measure": target.code, "text_en": text_en, "text_ru": text_ru}
    dimension, area = target
    return {"action": action, "dimension": dimension.code, "area": area, "text_en": text_en,
            "text_ru": text_ru}  # fmt: skip


def _code(details: dict, name: str, model) -> str:
    return checked_identifier(
        details.get(name), field=f"catalogue.{name}", max_length=limit(model, "code")
    )


def _changed_measure(details: dict) -> Measure:
    code = _code(details, "measure", Measure).upper()
    measure = Measure.objects.filter(code=code).first()
    if measure is None:
        raise InvalidInput(
            _("There is no measure %(code)s in the catalogue.") % {"code": repr(code)},
            field="catalogue.measure",
        )
    return measure


def _new_place(details: dict) -> tuple[Dimension, str | None]:
    dimension = Dimension.objects.filter(
        code=_code(details, "dimension", Dimension).upper()
    ).first()
    if dimension is None:
        codes = ", ".join(Dimension.objects.values_list("code", flat=True))
        raise InvalidInput(
            _("Name the dimension: one of %(codes)s.") % {"codes": codes},
            field="catalogue.dimension",
        )
    area = _code(details, "area", PriorityArea) or None
    if area and not dimension.areas.filter(code=area).exists():
        raise InvalidInput(
            _("%(dimension)s has no priority area %(area)s.")
            % {"dimension": dimension.name, "area": repr(area)},
            field="catalogue.area",
        )
    return dimension, area


def apply_change(*, actor: Actor, details: dict, on, source: str) -> Measure:
    """Effect of an adopted catalogue change: runs inside the decision's transaction."""
    if details["action"] == ChangeAction.CHANGE:
        measure = Measure.objects.select_for_update().get(code=details["measure"])
        change = MeasureChange.objects.create(
            measure=measure,
            changed_on=on,
            text_en_before=measure.text_en,
            text_ru_before=measure.text_ru,
            text_en_after=details["text_en"],
            text_ru_after=details["text_ru"],
            source=source,
        )
        measure.text_en, measure.text_ru = change.text_en_after, change.text_ru_after
        measure.save(update_fields=["text_en", "text_ru"])
        event, summary = AuditEvent.MEASURE_CHANGED, f"{measure.code} changed on {on}"
    else:
        dimension = Dimension.objects.select_for_update().get(code=details["dimension"])
        number = (dimension.measures.aggregate(n=Max("number"))["n"] or 0) + 1
        measure = Measure.objects.create(
            code=f"{dimension.code}-{number}",
            dimension=dimension,
            area=dimension.areas.get(code=details["area"]) if details.get("area") else None,
            number=number,
            text_en=details["text_en"],
            text_ru=details["text_ru"],
            since=on,
            source=source,
        )
        event, summary = AuditEvent.MEASURE_ADDED, f"{measure.code} added on {on}"
    record(actor=actor, event=event, target=measure, summary=summary, data={"source": source})
    return measure
