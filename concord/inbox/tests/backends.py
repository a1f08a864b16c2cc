"""A mail backend for tests that behaves like an SMTP server refusing some addresses."""

import smtplib
import time

from django.core.mail.backends.locmem import EmailBackend

REFUSED: set[str] = set()


class RefusingBackend(EmailBackend):
    """The locmem outbox, except that the addresses in REFUSED are refused as a server would."""

    def send_messages(self, messages):
        for message in messages:
            refused = set(message.recipients()) & REFUSED
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (550, b"5.1.1 No such user"))
                )
        return super().send_messages(messages)


class SlowBackend(EmailBackend):
    """The locmem outbox behind a slow mail server, so that racing workers overlap."""

    def send_messages(self, messages):
        time.sleep(0.3)
        return super().send_messages(messages)
