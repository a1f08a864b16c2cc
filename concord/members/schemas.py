import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.models import Precision

from .models import Body, Confidence, Membership, Participant
from .selectors import ChangeKind

ParticipantKind = Literal[tuple(Participant.Kind.values)]
MembershipStatus = Literal[tuple(Membership.Status.values)]
Since = Literal[tuple(Precision.values)]
Until = Literal[("", *Precision.values)]  # blank while the period runs
ConfidenceLevel = Literal[tuple(Confidence.values)]


class MembershipOut(Schema):
    iso2: str | None
    code: str
    kind: ParticipantKind
    name_en: str
    name_ru: str
    status: MembershipStatus
    since: dt.date
    since_precision: Since
    until: dt.date | None
    until_precision: Until
    founding: bool
    note_en: str
    note_ru: str
    source: str
    confidence: ConfidenceLevel

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
    status: MembershipStatus
    since: dt.date
    since_precision: Since
    until: dt.date | None
    until_precision: Until
    founding: bool
    note_en: str
    note_ru: str
    source: str
    confidence: ConfidenceLevel


class ChairmanshipOut(Schema):
    iso2: str
    name_en: str
    name_ru: str
    since: dt.date
    since_precision: Since
    until: dt.date | None
    until_precision: Until
    current: bool
    note_en: str
    note_ru: str
    source: str
    confidence: ConfidenceLevel


class StateOut(Schema):
    iso2: str | None
    code: str
    kind: ParticipantKind
    name_en: str
    name_ru: str
    official_name_en: str
    official_name_ru: str
    status_today: MembershipStatus | None
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
    kind: Literal[tuple(Body.Kind.values)]
    name_en: str
    name_ru: str
    description_en: str
    description_ru: str
    founded: dt.date | None
    names: list[BodyNameOut]
    source: str
    confidence: ConfidenceLevel


class ChangeOut(Schema):
    day: dt.date
    precision: Since
    kind: Literal[tuple(ChangeKind.values)]
    iso2: str | None
    code: str
    name_en: str
    name_ru: str
    before: MembershipStatus | None  # the status the day before; null when not in the forum
    after: MembershipStatus | None  # the status from that day on; null when it left


class ChangesOut(Schema):
    from_: dt.date = Field(alias="from")
    to: dt.date
    changes: list[ChangeOut]

    @staticmethod
    def change(c) -> dict:
        p = c.participant
        return {
            "day": c.day,
            "precision": c.precision,
            "kind": c.kind,
            "iso2": p.iso2,
            "code": p.code,
            "name_en": p.name_en,
            "name_ru": p.name_ru,
            "before": c.before,
            "after": c.after,
        }
