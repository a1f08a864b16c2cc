"""The Catalogue of CBMs over the REST API (public)."""

from ninja import Router

from concord.core.schemas import with_errors

from . import selectors
from .schemas import DimensionOut, MeasureOut

router = Router(tags=["catalogue"])


def _coordinators(owner) -> list[dict]:
    return [{"state": c.participant.code, "role": c.role} for c in owner.coordinations.all()]


def _measure(measure) -> dict:
    return {
        "code": measure.code,
        "text": measure.text,
        "text_en": measure.text_en,
        "text_ru": measure.text_ru,
        "area": measure.area.code if measure.area_id else None,
    }


@router.get("/catalogue", response=list[DimensionOut], summary="The Catalogue of CBMs")
def catalogue(request):
    return [
        {
            "code": d.code,
            "name": d.name,
            "name_en": d.name_en,
            "name_ru": d.name_ru,
            "coordinators": _coordinators(d),
            "measures": [_measure(m) for m in d.measures.all()],
            "areas": [
                {
                    "code": a.code,
                    "name": a.name,
                    "coordinators": _coordinators(a),
                    "measures": [_measure(m) for m in a.measures.all()],
                }
                for a in d.areas.all()
            ],
        }
        for d in selectors.list_dimensions()
    ]


@router.get("/measures/{code}", response=with_errors({200: MeasureOut}, 404), summary="A measure")
def measure(request, code: str):
    m = selectors.get_measure(code)
    return {
        **_measure(m),
        "dimension": m.dimension.code,
        "since": m.since,
        "since_precision": m.since_precision,
        "source": m.source,
        "changes": [
            {
                "changed_on": c.changed_on,
                "text_en_before": c.text_en_before,
                "text_en_after": c.text_en_after,
                "text_ru_before": c.text_ru_before,
                "text_ru_after": c.text_ru_after,
                "source": c.source,
            }
            for c in m.changes.all()
        ],
    }
