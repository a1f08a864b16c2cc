"""Consensus procedures: a subject, the states that count, their positions, the outcome."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from concord.core.inputs import LATEST_DATE
from concord.core.models import at_most
from concord.documents.models import Version
from concord.members.models import Participant

from .choices import Mode, Outcome, PositionKind, Status

TITLE_LIMIT = 300
REASON_LIMIT = 1000
# A text under decision or a statement: room for the operative part of a long declaration.
TEXT_LIMIT = 20000
# No deadline the database could hold and Python could not read back (see core.inputs).
# The forum's series of decision records.
RECORD_PREFIX = "CICA/D"
DEADLINE_BEFORE = dt.datetime.combine(LATEST_DATE + dt.timedelta(days=1), dt.time(), dt.UTC)


def subject_choices() -> list[tuple[str, str]]:
    """Every registered subject, so that a subject added by a module needs no model change."""
    # Imported when first asked for: the subjects' modules use these models.
    from .subjects import registry

    return registry.choices()


class Procedure(models.Model):
    title = models.CharField(max_length=TITLE_LIMIT)
    subject = models.CharField(max_length=24, choices=subject_choices)
    text = models.TextField(blank=True, max_length=TEXT_LIMIT, help_text="the text under decision")
    participant = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.PROTECT, related_name="procedures"
    )
    version = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="procedures"
    )
    proposal = models.JSONField(
        default=dict, blank=True, help_text="the meeting to convene or the catalogue change"
    )
    effect = models.JSONField(
        default=dict, blank=True, help_text="what the adoption made: {'meeting': slug} ..."
    )
    mode = models.CharField(max_length=12, choices=Mode)
    held_at = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="procedures",
        help_text="the meeting at which an in-session procedure is held",
    )
    status = models.CharField(max_length=12, choices=Status, default=Status.OPEN)
    outcome = models.CharField(max_length=12, choices=Outcome, blank=True)
    shared_with_observers = models.BooleanField(default=False)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    opened_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="who closed or withdrew it; empty when its deadline closed it",
    )
    # The decision record's number, given when the procedure closes with an outcome:
    # RECORD_PREFIX/<year of closing>/<n-th closing of that year> (see `record_number`).
    record_year = models.PositiveSmallIntegerField(null=True, blank=True)
    record_seq = models.PositiveIntegerField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # A later version of the document under decision, against which the Chair or the Secretariat
    # chose to keep the procedure on its own version (``services.keep_version``).
    kept_despite = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reopened_as = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reopens",
        help_text="the procedure that replaced this one on a later version",
    )
    withdrawn_because = models.TextField(blank=True, max_length=REASON_LIMIT)

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["status", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mode=Mode.SILENCE) | Q(deadline__isnull=False),
                name="procedure_silence_has_deadline",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.OPEN, outcome="") | ~Q(status=Status.OPEN),
                name="procedure_open_has_no_outcome",
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__lt=DEADLINE_BEFORE),
                name="procedure_deadline_in_range",
            ),
            models.UniqueConstraint(
                fields=["record_year", "record_seq"], name="procedure_record_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(record_seq__isnull=True) | Q(status=Status.CLOSED),
                name="procedure_numbered_when_closed",
            ),
            at_most("title", TITLE_LIMIT),
            at_most("text", TEXT_LIMIT),
            at_most("withdrawn_because", REASON_LIMIT),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"

    @property
    def record_number(self) -> str:
        """ "CICA/D/2026/7": the seventh procedure closed in 2026; empty until it closes."""
        if self.record_seq is None:
            return ""
        return f"{RECORD_PREFIX}/{self.record_year}/{self.record_seq}"


class Seat(models.Model):
    """A Member State that counts in the procedure, fixed on the day it opened."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["procedure", "participant"], name="seat_unique")
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id}:{self.participant_id}"


class Position(models.Model):
    """A state's position; a change supersedes the previous one, which stays in the record."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="positions")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT)
    kind = models.CharField(max_length=12, choices=PositionKind)
    statement = models.TextField(blank=True, max_length=TEXT_LIMIT)
    stated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    stated_at = models.DateTimeField()
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["stated_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "participant"],
                condition=Q(superseded_at__isnull=True),
                name="position_one_current_per_state",
            ),
            models.CheckConstraint(
                condition=Q(kind=PositionKind.JOIN) | ~Q(statement=""),
                name="position_reasons_unless_joining",
            ),
            at_most("statement", TEXT_LIMIT),
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id}:{self.participant_id}:{self.kind}"
