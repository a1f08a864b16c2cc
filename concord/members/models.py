"""Who belongs to the forum, since when, in which status; who chairs; which bodies exist."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from concord.core.i18n import localized
from concord.core.models import Precision


class Confidence(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class SourcedRecord(models.Model):
    """A reference fact keeps where it came from and, where sources disagree, a note."""

    source = models.TextField(blank=True)
    confidence = models.CharField(max_length=8, choices=Confidence, default=Confidence.HIGH)
    note_en = models.TextField(blank=True)
    note_ru = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def note(self) -> str:
        return localized(self, "note")

    @property
    def source_links(self) -> list[str]:
        return [part.strip() for part in self.source.replace(";", " ").split() if "://" in part]


class Participant(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("State")
        ORGANISATION = "organisation", _("Organisation")

    kind = models.CharField(max_length=16, choices=Kind)
    code = models.CharField(max_length=10, unique=True, help_text="ISO 3166-1 alpha-2 for states")
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200)
    official_name_en = models.CharField(max_length=300, blank=True)
    official_name_ru = models.CharField(max_length=300, blank=True)
    short_en = models.CharField(max_length=40, blank=True)
    short_ru = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="state") | Q(code__regex=r"^[A-Z]{2}$"),
                name="participant_state_code_is_iso2",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def official_name(self) -> str:
        return localized(self, "official_name") or self.name

    @property
    def is_state(self) -> bool:
        return self.kind == self.Kind.STATE

    @property
    def iso2(self) -> str | None:
        return self.code if self.is_state else None


class Membership(SourcedRecord):
    """A participant's status over [since, until): `until` is the first day it no longer holds."""

    class Status(models.TextChoices):
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")

    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="memberships"
    )
    status = models.CharField(max_length=16, choices=Status)
    since = models.DateField()
    since_precision = models.CharField(max_length=8, choices=Precision, default=Precision.DAY)
    until = models.DateField(null=True, blank=True)
    until_precision = models.CharField(max_length=8, choices=Precision, blank=True)
    founding = models.BooleanField(default=False)

    class Meta:
        ordering = ["since", "participant__name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=F("since")),
                name="membership_until_after_since",
            ),
            models.UniqueConstraint(
                fields=["participant", "status", "since"], name="membership_unique_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "since", "until"])]

    def __str__(self) -> str:
        return f"{self.participant.code} {self.status} {self.since}–{self.until or ''}"

    def holds_on(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day < self.until)


class Chairmanship(SourcedRecord):
    """A state's term in the chair over [since, until)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="chairmanships"
    )
    since = models.DateField()
    since_precision = models.CharField(max_length=8, choices=Precision, default=Precision.DAY)
    until = models.DateField(null=True, blank=True)
    until_precision = models.CharField(max_length=8, choices=Precision, blank=True)

    class Meta:
        ordering = ["since"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=F("since")),
                name="chairmanship_until_after_since",
            ),
            models.UniqueConstraint(fields=["since"], name="chairmanship_unique_start"),
        ]

    def __str__(self) -> str:
        return f"{self.participant.code} chair {self.since}–{self.until or ''}"


class Body(SourcedRecord):
    class Kind(models.TextChoices):
        DECISION_MAKING = "decision_making", _("Decision-making body")
        WORKING = "working", _("Working body")
        SUPPORT = "support", _("Support body")
        ADVISORY = "advisory", _("Advisory body")

    code = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, choices=Kind)
    order = models.PositiveSmallIntegerField(default=0)
    description_en = models.TextField(blank=True)
    description_ru = models.TextField(blank=True)
    founded = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.code

    @property
    def description(self) -> str:
        return localized(self, "description")

    def name_on(self, day: dt.date) -> "BodyName | None":
        """The name in force on `day` (uses prefetched names)."""
        names = list(self.names.all())
        return next((n for n in names if n.holds_on(day)), names[-1] if names else None)


class BodyName(models.Model):
    """A body's name over [since, until); a renaming closes one row and opens the next."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="names")
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200)
    short_en = models.CharField(max_length=80, blank=True)
    short_ru = models.CharField(max_length=80, blank=True)
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)

    class Meta:
        # The first name has no start date; it must come first on PostgreSQL too.
        ordering = ["body", F("since").asc(nulls_first=True)]
        constraints = [
            models.UniqueConstraint(fields=["body", "since"], name="body_name_unique_start"),
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def short(self) -> str:
        return localized(self, "short") or self.name

    def holds_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day < self.until
        )
