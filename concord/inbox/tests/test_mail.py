"""The pure parts of e-mail: safe subjects, what a failure means, how long to wait."""

import datetime as dt
import smtplib

import pytest
from django.core.mail import BadHeaderError

from concord.inbox.mail import explain, one_line, retry_delay
from concord.inbox.models import Delivery


@pytest.mark.parametrize(
    "title",
    [
        "CICA Day\nBcc: everyone@example.org",
        "CICA Day\r\nBcc: everyone@example.org",
        "CICA Day\rBcc: everyone@example.org",
        "CICA Day\u2028Bcc: everyone@example.org",
        "CICA Day\x85Bcc: everyone@example.org",
        "CICA Day\x00\tBcc:  everyone@example.org ",
    ],
)
def test_a_subject_is_one_line(title):
    assert one_line(title) == "CICA Day Bcc: everyone@example.org"


def test_a_subject_is_cut_to_its_column_with_an_ellipsis():
    title = "Procedure opened: " + "x" * 300
    cut = one_line(title)
    assert len(cut) == Delivery._meta.get_field("subject").max_length == 300
    assert cut == title[:299] + "…"
    assert one_line("y" * 300) == "y" * 300  # a text that fits is left whole
    assert one_line("a " * 200, limit=10) == "a a a a a…"  # no space left before the ellipsis


def test_an_empty_subject_stays_empty():
    assert one_line(" \n ") == ""


@pytest.mark.parametrize(
    ("exc", "failure"),
    [
        (smtplib.SMTPRecipientsRefused({"a@b": (550, b"No such user")}), "recipient_refused"),
        (smtplib.SMTPSenderRefused(553, b"Relay denied", "c@d"), "sender_refused"),
        (smtplib.SMTPAuthenticationError(535, b"Bad credentials"), "authentication"),
        (smtplib.SMTPDataError(554, b"Spam"), "message_refused"),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), "unreachable"),
        (ConnectionRefusedError(111, "Connection refused"), "unreachable"),
        (TimeoutError("timed out"), "unreachable"),
        (BadHeaderError("Header values can't contain newlines"), "uncomposable"),
        (RuntimeError("surprise"), "other"),
    ],
)
def test_a_failure_is_named_in_words(exc, failure):
    assert explain(exc) == failure
    assert str(Delivery.Failure(failure).label).endswith(".")


def test_the_wait_doubles_after_each_failed_attempt(settings):
    settings.MAIL_RETRY_DELAY = 60
    assert [retry_delay(n) for n in (1, 2, 3)] == [
        dt.timedelta(minutes=1),
        dt.timedelta(minutes=2),
        dt.timedelta(minutes=4),
    ]
