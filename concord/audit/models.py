"""The append-only audit trail, hash-chained: each entry seals the one before it."""

from django.conf import settings
from django.db import models

from .events import AuditEvent


class AuditEntry(models.Model):
    """Never updated, deleted or replaced: triggers refuse it (`guard.py`)."""

    seq = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField(db_index=True)
    # No `choices`: every new event code would otherwise need a migration; AuditEvent labels it.
    event = models.CharField(max_length=64, db_index=True)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    actor_label = models.CharField(max_length=254)
    actor_role = models.CharField(max_length=16, blank=True)
    acting_for = models.CharField(max_length=10, blank=True, help_text="participant code")
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    summary = models.TextField()
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-seq"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.event}"

    @property
    def event_label(self) -> str:
        return AuditEvent(self.event).label if self.event in AuditEvent.values else self.event


class ChainHead(models.Model):
    """One row, locked by every append so that sequence numbers and hashes never fork, and
    signed at every append with a key kept outside the database (`signing.py`)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default="0" * 64)
    signature = models.CharField(max_length=88, blank=True, help_text="Ed25519, base64")
    signed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"head #{self.seq}"
