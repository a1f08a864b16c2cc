import datetime as dt

from ninja import Schema


class MembershipOut(Schema):
    iso2: str | None
    code: str
    kind: str
    name_en: str
    name_ru: str
    status: str
    since: dt.date
    since_precision: str
    until: dt.date | None
    until_precision: str
    founding: bool
    note_en: str
    note_ru: str
    source: str
    confidence: str

    @staticmethod
    def from_membership(m) -> dict:
        p = m.participant
        return {
            "iso2": p.iso2,
            "code": p.code,
            "kind": p.kind,
            "name_en": p.name_en,
            "name_ru": p.name_ru,
            "status": m.status,
            "since": m.since,
            "since_precision": m.since_precision,
            "until": m.until,
            "until_precision": m.until_precision,
            "founding": m.founding,
            "note_en": m.note_en,
            "note_ru": m.note_ru,
            "source": m.source,
            "confidence": m.confidence,
        }


class PeriodOut(Schema):
    status: str
    since: dt.date
    since_precision: str
    until: dt.date | None
    until_precision: str
    founding: bool
    note_en: str
    note_ru: str
    source: str
    confidence: str


class ChairmanshipOut(Schema):
    iso2: str
    name_en: str
    name_ru: str
    since: dt.date
    since_precision: str
    until: dt.date | None
    until_precision: str
    current: bool
    note_en: str
    note_ru: str
    source: str
    confidence: str


class StateOut(Schema):
    iso2: str | None
    code: str
    kind: str
    name_en: str
    name_ru: str
    official_name_en: str
    official_name_ru: str
    status_today: str | None
    memberships: list[PeriodOut]
    chairmanships: list[ChairmanshipOut]


class BodyNameOut(Schema):
    name_en: str
    name_ru: str
    short_en: str
    short_ru: str
    since: dt.date | None
    until: dt.date | None


class BodyOut(Schema):
    code: str
    kind: str
    name_en: str
    name_ru: str
    description_en: str
    description_ru: str
    founded: dt.date | None
    names: list[BodyNameOut]
    source: str
    confidence: str
