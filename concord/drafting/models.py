"""Amendments: a delegation's proposed change to one unit of a draft version."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.models import at_most
from concord.documents.models import Version
from concord.members.models import Participant

from .amending import KIND_LENGTH, AmendmentKind, Change, Place

LANGUAGES = ("en", "ru")  # the forum's working languages: a text is amended in one of them
UNIT_LIMIT = 40
TEXT_LIMIT = 20000  # a replacement may hold several blocks and lettered items
NOTE_LIMIT = 5000


class Amendment(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        INCORPORATED = "incorporated", _("Incorporated")
        LAPSED = "lapsed", _("Lapsed: made to an earlier version")

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="amendments")
    number = models.PositiveIntegerField(help_text="numbered within its version")
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=KIND_LENGTH, choices=AmendmentKind)
    unit = models.CharField(
        max_length=UNIT_LIMIT, help_text="the unit amended, or the insertion's anchor"
    )
    place = models.CharField(max_length=6, choices=Place, blank=True)
    text = models.TextField(blank=True, max_length=TEXT_LIMIT)
    rationale = models.TextField(max_length=TEXT_LIMIT)
    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="amendments"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=Status, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(
        blank=True, max_length=NOTE_LIMIT, help_text="the Secretariat's or Chair's note on deciding"
    )
    reason = models.TextField(
        blank=True,
        max_length=NOTE_LIMIT,
        help_text="why it was rejected: required on rejecting (rejections recorded before "
        "reasons were required may have none)",
    )
    incorporated_into = models.ForeignKey(
        Version, null=True, blank=True, on_delete=models.PROTECT, related_name="incorporated"
    )
    # The units of the version it was incorporated into that it made, and the units of the
    # version amended that it struck: the new version names the amendment beside each change.
    made_units = models.JSONField(default=list, blank=True)
    struck_units = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="amendment_unique_number"),
            models.CheckConstraint(condition=~Q(rationale=""), name="amendment_has_rationale"),
            models.CheckConstraint(
                condition=Q(kind=AmendmentKind.DELETE) | ~Q(text=""), name="amendment_has_text"
            ),
            at_most("unit", UNIT_LIMIT),
            at_most("text", TEXT_LIMIT),
            at_most("rationale", TEXT_LIMIT),
            at_most("note", NOTE_LIMIT),
            at_most("reason", NOTE_LIMIT),
        ]

    def __str__(self) -> str:
        return f"{self.version} amendment {self.number}"

    def as_change(self) -> Change:
        return Change(self.kind, self.unit, self.text, self.place or Place.AFTER, ref=self.number)
