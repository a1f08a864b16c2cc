"""Writing to people: an inbox message per recipient, and the same text by e-mail once the
transaction that caused it has committed."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import NotFound

from .models import Message


def send(*, recipients, kind: str, subject: str, body: str, link: str = "") -> list[Message]:
    """Called inside the caller's transaction: the messages exist if and only if it commits."""
    now = clock.now()
    people = [user for user in recipients if user.is_active]
    messages = Message.objects.bulk_create(
        Message(recipient=user, kind=kind, subject=subject, body=body, link=link, created_at=now)
        for user in people
    )
    mails = [
        (subject, f"{body}\n\n{link}".strip(), settings.DEFAULT_FROM_EMAIL, [u.email])
        for u in people
    ]
    if mails:
        transaction.on_commit(lambda: send_mass_mail(mails, fail_silently=True))
    return messages


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
