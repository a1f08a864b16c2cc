"""Reads on the Catalogue (public)."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from concord.core.exceptions import NotFound

from .models import Coordination, Dimension, Measure, PriorityArea

_COORDINATIONS = Prefetch(
    "coordinations", queryset=Coordination.objects.select_related("participant")
)


def list_dimensions() -> QuerySet[Dimension]:
    """Every dimension with its coordinators, priority areas and measures, in catalogue order."""
    return Dimension.objects.prefetch_related(
        _COORDINATIONS,
        Prefetch(
            "areas__coordinations", queryset=Coordination.objects.select_related("participant")
        ),
        "areas__measures",
        Prefetch("measures", queryset=Measure.objects.filter(area=None)),
    )


def get_measure(code: str) -> Measure:
    measure = (
        Measure.objects.select_related("dimension", "area")
        .prefetch_related("changes")
        .filter(code=code.upper())
        .first()
    )
    if measure is None:
        raise NotFound(_("No measure %(code)s.") % {"code": repr(code)}, field="code")
    return measure


def list_measures() -> QuerySet[Measure]:
    return Measure.objects.select_related("dimension")


def list_areas() -> QuerySet[PriorityArea]:
    return PriorityArea.objects.select_related("dimension")
