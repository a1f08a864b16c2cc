import datetime as dt
from typing import Literal

from ninja import Schema

from concord.core.models import Precision

from .models import Coordination


class CoordinatorOut(Schema):
    state: str
    role: Literal[tuple(Coordination.Role.values)]


class MeasureItemOut(Schema):
    code: str
    text: str
    text_en: str
    text_ru: str
    area: str | None


class AreaOut(Schema):
    code: str
    name: str
    coordinators: list[CoordinatorOut]
    measures: list[MeasureItemOut]


class DimensionOut(Schema):
    code: str
    name: str
    name_en: str
    name_ru: str
    coordinators: list[CoordinatorOut]
    measures: list[MeasureItemOut]
    areas: list[AreaOut]


class MeasureChangeOut(Schema):
    changed_on: dt.date
    text_en_before: str
    text_en_after: str
    text_ru_before: str
    text_ru_after: str
    source: str


class MeasureOut(MeasureItemOut):
    dimension: str
    since: dt.date | None
    since_precision: Literal[tuple(Precision.values)]
    source: str
    changes: list[MeasureChangeOut]
