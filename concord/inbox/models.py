"""Messages to a person in Concord's own inbox, and the e-mails that leave the site: each e-mail
is a delivery of its own, sent by a background task and retried until it goes or fails."""

import datetime as dt
from enum import StrEnum

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core import clock

# A pending delivery not picked up this long after it fell due waits for a worker that is not
# running; one claimed this long ago was left by a worker that stopped mid-send (far beyond
# EMAIL_TIMEOUT). Either way nothing more will happen to it without someone's decision.
STALLED_AFTER = dt.timedelta(minutes=15)


class MessageKind(StrEnum):
    """What a message tells, named ``<app>.<what>`` by the app that sends it."""

    PROCEDURE_OPENED = "decisions.opened"
    PROCEDURE_REMINDER = "decisions.reminder"
    PROCEDURE_OUTCOME = "decisions.outcome"
    PROCEDURE_VERSION_SUPERSEDED = "decisions.version_superseded"
    PROCEDURE_REOPENED = "decisions.reopened"
    ACCOUNT_CREATED = "accounts.account_created"
    ACCOUNT_REACTIVATED = "accounts.account_reactivated"
    DRAFT_VERSION = "drafting.version"


class Message(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages"
    )
    # No `choices`, as for the audit's events: a new kind would otherwise need a migration.
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    link = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """One e-mail to one person. Created in the transaction that caused it; sent afterwards."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        UNREACHABLE = "unreachable", _("The mail server could not be reached, or broke off.")
        AUTHENTICATION = (
            "authentication",
            _("The mail server refused Concord's user name or password."),
        )
        RECIPIENT_REFUSED = "recipient_refused", _("The mail server refused the address.")
        SENDER_REFUSED = "sender_refused", _("The mail server refused the sender's address.")
        MESSAGE_REFUSED = "message_refused", _("The mail server refused the message.")
        UNCOMPOSABLE = "uncomposable", _("The message could not be put together.")
        OTHER = "other", _("Sending failed for a reason Concord does not recognise.")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    address = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    failure = models.CharField(max_length=20, choices=Failure, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name_plural = "deliveries"

    def __str__(self) -> str:
        return f"{self.address}: {self.subject}"

    @property
    def stalled(self) -> bool:
        """Waiting or being sent, with nothing happening for STALLED_AFTER."""
        cutoff = clock.now() - STALLED_AFTER
        if self.status == self.Status.PENDING:
            return self.next_attempt_at is not None and self.next_attempt_at < cutoff
        if self.status == self.Status.SENDING:
            return self.last_attempt_at is not None and self.last_attempt_at < cutoff
        return False

    @property
    def can_send_again(self) -> bool:
        return self.status == self.Status.FAILED or self.stalled

    @classmethod
    def needing_attention(cls) -> Q:
        """The rows `can_send_again` is true of, as a query."""
        cutoff = clock.now() - STALLED_AFTER
        return (
            Q(status=cls.Status.FAILED)
            | Q(status=cls.Status.PENDING, next_attempt_at__lt=cutoff)
            | Q(status=cls.Status.SENDING, last_attempt_at__lt=cutoff)
        )
