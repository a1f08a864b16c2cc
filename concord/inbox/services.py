"""Writing to people: an inbox message per recipient, and the same text by e-mail. The e-mails
are deliveries (see `mail`), sent by a background task once the caller's transaction commits."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import SYSTEM, Actor
from concord.core.exceptions import InvalidTransition, NotFound, NotPermitted
from concord.core.i18n import language_of, speaking_to, zone_of
from concord.core.links import absolute

from . import mail, permissions
from .models import Delivery, Message, MessageKind

logger = logging.getLogger(__name__)


def send(
    *,
    recipients,
    kind: MessageKind,
    link: str,
    write: Callable[[], tuple[str, str]] | None = None,
    subject: str = "",
    body: str = "",
) -> list[Message]:
    """Called inside the caller's transaction: the messages and their e-mails exist if and only
    if it commits. Every message links to its item (`link`, the site's own path; the e-mail
    carries it absolute).

    `write()` returns the subject and the body. It is called with each recipient's language
    and time zone active (once for all who share them), so that each reads the message, and its
    e-mail, in their own language with times in their own zone; what it wrote is stored, so the
    message stays what was sent. A fixed `subject` and `body` are sent as given to everyone."""
    if not link:
        raise ValueError(f"a message of kind {kind} needs the link to its item")
    now = clock.now()
    people = [user for user in recipients if user.is_active]
    written: dict[tuple[str, str], tuple[str, str]] = {}
    messages, deliveries = [], []
    for user in people:
        key = (language_of(user), str(zone_of(user)))
        if key not in written:
            with speaking_to(user):
                text = write() if write else (subject, body)
            written[key] = (mail.one_line(text[0]), text[1])
        title, text = written[key]
        messages.append(
            Message(recipient=user, kind=kind, subject=title, body=text, link=link, created_at=now)
        )
        deliveries.append(mail.new_delivery(user, title, f"{text}\n\n{absolute(link)}"))
    mail.queue(deliveries)
    return Message.objects.bulk_create(messages)


def deliver(delivery_id: int) -> str:
    """Send one delivery, once, and say what became of it. The row is claimed by a conditional
    UPDATE, so a task that runs twice (a worker restarted after a crash, a retry beside a "send
    again") sends nothing twice; a failed attempt is retried after a growing delay until
    MAIL_ATTEMPTS attempts have failed."""
    now = clock.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
    ).update(
        status=Delivery.Status.SENDING,
        attempts=F("attempts") + 1,
        last_attempt_at=now,
        next_attempt_at=None,
    )
    if not claimed:
        return "skipped"  # sent, failed, being sent, or not due yet: someone else has it
    delivery = Delivery.objects.get(pk=delivery_id)
    try:
        mail.compose(delivery).send()
    except Exception as exc:  # whatever the mail backend raises is recorded, never lost
        return _attempt_failed(delivery, exc)
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.SENT, sent_at=clock.now(), failure="", error=""
    )
    return Delivery.Status.SENT


@transaction.atomic
def _attempt_failed(delivery: Delivery, exc: Exception) -> str:
    failure = mail.explain(exc)
    delivery.failure, delivery.error = failure, f"{type(exc).__name__}: {exc}"[:500]
    logger.warning("e-mail #%s to %s: %s", delivery.pk, delivery.address, delivery.error)
    if failure in mail.PERMANENT or delivery.attempts >= settings.MAIL_ATTEMPTS:
        delivery.status = Delivery.Status.FAILED
        delivery.save(update_fields=["status", "failure", "error"])
        record(
            actor=SYSTEM,
            event=AuditEvent.DELIVERY_FAILED,
            target=delivery,
            summary=f"e-mail #{delivery.pk} to {delivery.address} failed "
            f"after {delivery.attempts} attempt(s): {failure}",
            data={"failure": failure, "error": delivery.error, "attempts": delivery.attempts},
        )
    else:
        delivery.status = Delivery.Status.PENDING
        delivery.next_attempt_at = clock.now() + mail.retry_delay(delivery.attempts)
        delivery.save(update_fields=["status", "failure", "error", "next_attempt_at"])
        mail.schedule(delivery.pk, at=delivery.next_attempt_at)
    return delivery.status


@transaction.atomic(durable=True)
def send_again(*, actor: Actor, delivery_id: int) -> Delivery:
    """The Secretariat sends a failed (or stalled) e-mail again, with a fresh round of attempts."""
    if not permissions.can_manage_deliveries(actor):
        raise NotPermitted(_("Only the Secretariat can send an e-mail again."))
    delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    if delivery is None:
        raise NotFound(_("No e-mail delivery #%(id)s.") % {"id": delivery_id}, field="id")
    if not delivery.can_send_again:
        raise InvalidTransition(
            _("This e-mail is %(status)s; only a failed or stalled one is sent again.")
            % {"status": delivery.get_status_display().lower()}
        )
    before = {"status": delivery.status, "attempts": delivery.attempts, "failure": delivery.failure}
    delivery.status, delivery.attempts = Delivery.Status.PENDING, 0
    delivery.next_attempt_at = clock.now()
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    record(
        actor=actor,
        event=AuditEvent.DELIVERY_SENT_AGAIN,
        target=delivery,
        summary=f"e-mail #{delivery.pk} to {delivery.address} sent again",
        data=before,
    )
    mail.schedule(delivery.pk)
    return delivery


@transaction.atomic(durable=True)
def mark_read(*, actor: Actor, message_id: int) -> Message:
    """One's own message only; someone else's looks missing."""
    message = (
        Message.objects.filter(pk=message_id, recipient=actor.user).first() if actor.user else None
    )
    if message is None:
        raise NotFound(_("No message #%(id)s.") % {"id": message_id}, field="id")
    if message.read_at is None:
        message.read_at = clock.now()
        message.save(update_fields=["read_at"])
        record(
            actor=actor,
            event=AuditEvent.MESSAGE_READ,
            target=message,
            summary=f"message #{message.pk} read",
        )
    return message
