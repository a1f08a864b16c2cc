"""How an e-mail leaves Concord. Each one is a `Delivery` row written in the caller's
transaction; once that commits, a background task (`tasks.send_delivery`) sends it, retries it
and records what happened. Other apps send a plain e-mail (not an inbox message) with
`send_email`."""

import datetime as dt
import smtplib
import unicodedata

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from concord.core import clock

from .models import Delivery

SUBJECT_LENGTH = Delivery._meta.get_field("subject").max_length
_BREAKS = {"Cc", "Zl", "Zp"}  # control characters (\n, \r, \t, NUL…) and Unicode line breaks

# The first matching class names the failure; SMTPException is an OSError, so the specific
# refusals come first and "unreachable" catches the rest (refused connection, timeout, lost line).
_FAILURES = (
    (smtplib.SMTPRecipientsRefused, Delivery.Failure.RECIPIENT_REFUSED),
    (smtplib.SMTPSenderRefused, Delivery.Failure.SENDER_REFUSED),
    (smtplib.SMTPAuthenticationError, Delivery.Failure.AUTHENTICATION),
    (smtplib.SMTPDataError, Delivery.Failure.MESSAGE_REFUSED),
    (OSError, Delivery.Failure.UNREACHABLE),
    (ValueError, Delivery.Failure.UNCOMPOSABLE),  # BadHeaderError, an unencodable address
)
# Retrying cannot mend these: the same message would fail the same way.
PERMANENT = {Delivery.Failure.UNCOMPOSABLE}


def one_line(text: str, limit: int = SUBJECT_LENGTH) -> str:
    """A subject fit for a mail header and its column: line breaks and control characters
    become spaces, runs of spaces one, and a longer text is cut with an ellipsis."""
    flat = "".join(" " if unicodedata.category(c) in _BREAKS else c for c in text)
    flat = " ".join(flat.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"


def send_email(*, to, subject: str, body: str) -> Delivery:
    """Send `to` (a user) a plain e-mail that is not an inbox message (an invitation, a
    password reset). Call it inside the caller's transaction: the e-mail leaves only if that
    commits, and never makes it fail."""
    [delivery] = queue([new_delivery(to, subject, body)])
    return delivery


def new_delivery(user, subject: str, body: str) -> Delivery:
    now = clock.now()
    return Delivery(
        recipient=user,
        address=user.email,
        subject=one_line(subject),
        body=body,
        created_at=now,
        next_attempt_at=now,
    )


def queue(deliveries: list[Delivery]) -> list[Delivery]:
    """Store the deliveries and have each sent once the transaction commits."""
    created = Delivery.objects.bulk_create(deliveries)
    for delivery in created:
        schedule(delivery.pk)
    return created


def schedule(delivery_id: int, at: dt.datetime | None = None) -> None:
    """Enqueue the sending task after commit. `robust`: a queue that cannot take the task is
    logged and leaves the delivery pending (the Secretariat sees it stall); the request that
    caused the mail does not fail because of it."""
    from .tasks import send_delivery  # the task module imports the services, which import this

    task = send_delivery.using(run_after=at) if at else send_delivery
    transaction.on_commit(lambda: task.enqueue(delivery_id), robust=True)


def compose(delivery: Delivery) -> EmailMessage:
    """Django's message class encodes and folds the headers; the subject is one line already."""
    return EmailMessage(
        subject=delivery.subject,
        body=delivery.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.address],
    )


def explain(exc: Exception) -> Delivery.Failure:
    """What went wrong, in the words the Secretariat reads."""
    matches = (failure for kind, failure in _FAILURES if isinstance(exc, kind))
    return next(matches, Delivery.Failure.OTHER)


def retry_delay(attempts: int) -> dt.timedelta:
    """MAIL_RETRY_DELAY after the first failed attempt, doubling after each one."""
    return dt.timedelta(seconds=settings.MAIL_RETRY_DELAY * 2 ** (attempts - 1))
