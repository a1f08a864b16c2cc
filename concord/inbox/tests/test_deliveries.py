"""E-mail leaves by a background task, one delivery per person, retried, and accounted for."""

import datetime as dt
import socket
import threading

import pytest
from django.core import mail
from django.db import connections, transaction
from django.test import Client

from concord.accounts.services import create_user, issue_api_token
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidTransition, NotFound, NotPermitted
from concord.inbox import services
from concord.inbox.mail import send_email
from concord.inbox.models import STALLED_AFTER, Delivery, Message
from conftest import PASSWORD

from . import backends

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _now():
    with clock.frozen_at(NOW):
        yield


@pytest.fixture
def refusing(settings):
    """A mail server that refuses the addresses put in the returned set."""
    settings.EMAIL_BACKEND = "concord.inbox.tests.backends.RefusingBackend"
    yield backends.REFUSED
    backends.REFUSED.clear()


@pytest.fixture
def second_coordinator(registry):
    return create_user(
        actor=SYSTEM, email="coordinator@cn.example", role="coordinator", state="CN",
        password=PASSWORD,
    )  # fmt: skip


def write(recipients, subject="Procedure opened: CICA Day", link="/decisions/1/"):
    with transaction.atomic():
        return services.send(
            recipients=recipients, kind="decisions.opened", subject=subject,
            body="A consensus procedure is open.", link=link,
        )  # fmt: skip


def later(delta):
    return clock.frozen_at(NOW + delta)


def test_a_newline_in_a_subject_reaches_every_coordinator(
    coordinator_user, second_coordinator, mail_worker, django_capture_on_commit_callbacks
):
    """Defect 8: a newline in a procedure title raised BadHeaderError after commit (a 500,
    nobody written to). Titles now refuse line breaks where they enter; a subject made of
    other text is still made one line before it becomes a header."""
    with django_capture_on_commit_callbacks(execute=True):
        write(
            [coordinator_user, second_coordinator],
            subject="Procedure opened: CICA Day\r\nBcc: everyone@example.org",
        )
    assert mail_worker() == ["sent", "sent"]
    subject = "Procedure opened: CICA Day Bcc: everyone@example.org"
    assert sorted(m.to[0] for m in mail.outbox) == [
        second_coordinator.email,
        coordinator_user.email,
    ]
    assert {m.subject for m in mail.outbox} == {subject}
    assert {m.subject for m in Message.objects.all()} == {subject}  # the inbox says the same
    assert all(m.message()["Bcc"] is None for m in mail.outbox)


def test_a_procedure_title_with_a_line_break_is_refused_where_it_enters(secretariat_user):
    _t, token = issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").post(
        "/api/procedures",
        {"title": "CICA Day\r\nBcc: everyone@example.org",
         "subject": {"type": "text", "text": "We mark it."},
         "mode": "in_session"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["field"] == "title"
    assert not mail.outbox


def test_a_queue_that_refuses_the_task_does_not_fail_the_request(
    secretariat_user, coordinator_user, monkeypatch, django_capture_on_commit_callbacks
):
    from django_tasks.base import Task

    def refuse(*args, **kwargs):
        raise ConnectionError("the task queue is down")

    monkeypatch.setattr(Task, "enqueue", refuse)
    _t, token = issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").post(
            "/api/procedures",
            {"title": "T", "subject": {"type": "text", "text": "X."}, "mode": "in_session"},
            content_type="application/json",
        )
    assert response.status_code == 201
    assert Delivery.objects.get().status == "pending"  # it will show as stalled


def test_a_subject_is_cut_to_its_column(coordinator_user):
    """Defect 6: "Procedure opened: " + a 300-character title overflowed the column."""
    write([coordinator_user], subject="Procedure opened: " + "T" * 300)
    message, delivery = Message.objects.get(), Delivery.objects.get()
    assert len(message.subject) == 300 and message.subject.endswith("T…")
    assert delivery.subject == message.subject


def test_the_e_mail_links_absolutely_and_the_inbox_relatively(settings, coordinator_user):
    """Defect 10: links in e-mails were relative."""
    settings.SITE_URL = "https://concord.example.org"
    write([coordinator_user], link="/decisions/7/")
    assert Message.objects.get().link == "/decisions/7/"
    body = Delivery.objects.get().body
    assert body == "A consensus procedure is open.\n\nhttps://concord.example.org/decisions/7/"


def test_nothing_is_sent_when_the_callers_transaction_rolls_back(
    coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.send(
            recipients=[coordinator_user], kind="k", subject="S", body="B", link="/decisions/1/"
        )
        raise RuntimeError("the caller changed its mind")
    assert callbacks == [] and mail_worker() == []
    assert not Delivery.objects.exists() and not Message.objects.exists()
    assert mail.outbox == []


def test_each_delivery_is_sent_by_a_task_after_commit(
    coordinator_user, second_coordinator, mail_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user, second_coordinator])
        assert mail.outbox == []  # nothing leaves inside the transaction
    assert mail_worker() == ["sent", "sent"]
    for delivery in Delivery.objects.all():
        assert (delivery.status, delivery.attempts, delivery.sent_at) == ("sent", 1, NOW)


def test_one_refused_address_does_not_hold_back_the_others(
    refusing, coordinator_user, second_coordinator, mail_worker, django_capture_on_commit_callbacks
):
    refusing.add(coordinator_user.email)
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user, second_coordinator])
    assert sorted(mail_worker()) == ["pending", "sent"]
    assert [m.to for m in mail.outbox] == [[second_coordinator.email]]
    refused = Delivery.objects.get(recipient=coordinator_user)
    assert (refused.status, refused.failure, refused.attempts) == (
        "pending",
        "recipient_refused",
        1,
    )
    assert "No such user" in refused.error


def test_a_failed_attempt_is_retried_with_a_growing_wait_then_marked_failed(
    settings, refusing, coordinator_user, mail_worker, audit_entries,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.MAIL_ATTEMPTS, settings.MAIL_RETRY_DELAY = 3, 60
    refusing.add(coordinator_user.email)
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    with django_capture_on_commit_callbacks(execute=True):
        assert mail_worker() == ["pending"]
    delivery = Delivery.objects.get()
    assert delivery.next_attempt_at == NOW + dt.timedelta(minutes=1)
    assert mail_worker() == []  # the retry waits for its time
    with later(dt.timedelta(minutes=1)), django_capture_on_commit_callbacks(execute=True):
        assert mail_worker() == ["pending"]
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == NOW + dt.timedelta(minutes=3)  # then two more minutes
    assert not audit_entries(AuditEvent.DELIVERY_FAILED)
    with later(dt.timedelta(minutes=3)), django_capture_on_commit_callbacks(execute=True):
        assert mail_worker() == ["failed"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 3, None)
    with later(dt.timedelta(days=1)):
        assert mail_worker() == []  # no more attempts
    [entry] = audit_entries(AuditEvent.DELIVERY_FAILED)
    assert entry.actor_label == "SYSTEM" and entry.data["failure"] == "recipient_refused"


def test_an_unreachable_mail_server_is_retried(
    settings, coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    assert mail_worker() == ["pending"]
    delivery = Delivery.objects.get()
    assert delivery.failure == "unreachable" and "ConnectionRefusedError" in delivery.error


def test_a_message_that_cannot_be_composed_fails_at_once(
    coordinator_user, mail_worker, audit_entries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    Delivery.objects.update(subject="Smuggled\nBcc: x@example.org")  # past one_line's guard
    assert mail_worker() == ["failed"]
    delivery = Delivery.objects.get()
    assert (delivery.failure, delivery.attempts) == ("uncomposable", 1)
    assert mail.outbox == [] and audit_entries(AuditEvent.DELIVERY_FAILED)


def test_a_delivery_is_sent_once_however_often_its_task_runs(
    coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    from concord.inbox.tasks import send_delivery

    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    delivery = Delivery.objects.get()
    assert mail_worker() == ["sent"]
    assert send_delivery.call(delivery.pk) == "skipped"  # a worker restarted after a crash
    assert len(mail.outbox) == 1 and Delivery.objects.get().attempts == 1


def test_a_delivery_claimed_by_another_worker_is_left_to_it(
    coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    Delivery.objects.update(status="sending", attempts=1, last_attempt_at=NOW)
    assert mail_worker() == ["skipped"] and mail.outbox == []


def test_send_email_sends_a_plain_e_mail_that_is_no_inbox_message(
    coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        delivery = send_email(
            to=coordinator_user, subject="Your invitation\nto Concord", body="Set a password."
        )
    assert (delivery.recipient, delivery.subject) == (
        coordinator_user,
        "Your invitation to Concord",
    )
    assert mail_worker() == ["sent"]
    [sent] = mail.outbox
    assert (sent.to, sent.subject, sent.body) == (
        [coordinator_user.email],
        "Your invitation to Concord",
        "Set a password.",
    )
    assert not Message.objects.exists()


def test_deactivated_people_get_no_e_mail(secretariat_user, coordinator_user):
    from concord.accounts.services import set_user_active

    set_user_active(actor=actor_for(secretariat_user), user=coordinator_user, active=False)
    coordinator_user.refresh_from_db()
    assert write([coordinator_user]) == [] and not Delivery.objects.exists()


@pytest.fixture
def failed(settings, refusing, coordinator_user, mail_worker, django_capture_on_commit_callbacks):
    settings.MAIL_ATTEMPTS = 1
    refusing.add(coordinator_user.email)
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    assert mail_worker() == ["failed"]
    refusing.clear()
    return Delivery.objects.get()


def test_the_secretariat_sends_a_failed_e_mail_again(
    failed, secretariat_user, mail_worker, audit_entries, django_capture_on_commit_callbacks
):
    with later(dt.timedelta(hours=1)), django_capture_on_commit_callbacks(execute=True):
        delivery = services.send_again(actor=actor_for(secretariat_user), delivery_id=failed.pk)
        assert (delivery.status, delivery.attempts) == ("pending", 0)
    [entry] = audit_entries(AuditEvent.DELIVERY_SENT_AGAIN)
    assert entry.actor_label == secretariat_user.email
    assert entry.data == {"status": "failed", "attempts": 1, "failure": "recipient_refused"}
    with later(dt.timedelta(hours=1)):
        assert mail_worker() == ["sent"]
    delivery.refresh_from_db()
    assert (delivery.status, delivery.failure, delivery.error) == ("sent", "", "")


def test_only_the_secretariat_sends_again(failed, coordinator_user, chair_user):
    for user in (coordinator_user, chair_user):
        with pytest.raises(NotPermitted, match="Only the Secretariat"):
            services.send_again(actor=actor_for(user), delivery_id=failed.pk)
    assert Delivery.objects.get().status == "failed"


def test_a_sent_or_missing_e_mail_is_not_sent_again(
    secretariat_user, coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    officer = actor_for(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        write([coordinator_user])
    mail_worker()
    with pytest.raises(InvalidTransition, match="This e-mail is sent"):
        services.send_again(actor=officer, delivery_id=Delivery.objects.get().pk)
    with pytest.raises(NotFound) as missing:
        services.send_again(actor=officer, delivery_id=999_999)
    assert missing.value.field == "id"


def test_a_stalled_e_mail_can_be_sent_again(secretariat_user, coordinator_user):
    """Nothing happens to a delivery when no worker runs, or when one stopped mid-send."""
    write([coordinator_user])
    delivery = Delivery.objects.get()
    assert not delivery.stalled
    with pytest.raises(InvalidTransition, match="waiting to be sent"):
        services.send_again(actor=actor_for(secretariat_user), delivery_id=delivery.pk)
    with later(STALLED_AFTER + dt.timedelta(seconds=1)):
        assert delivery.stalled and delivery.can_send_again
        assert Delivery.objects.filter(Delivery.needing_attention()).count() == 1
        Delivery.objects.update(status="sending", last_attempt_at=NOW + dt.timedelta(minutes=5))
        assert not Delivery.objects.get().stalled  # claimed ten minutes ago: still in hand
    with later(STALLED_AFTER + dt.timedelta(minutes=6)):
        delivery = Delivery.objects.get()
        assert delivery.stalled
        services.send_again(actor=actor_for(secretariat_user), delivery_id=delivery.pk)
    assert Delivery.objects.get().status == "pending"


@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_one_delivery_send_it_once(settings, registry):
    """Real connections, one per worker: the conditional UPDATE lets only one claim the row."""
    settings.EMAIL_BACKEND = "concord.inbox.tests.backends.SlowBackend"
    person = create_user(actor=SYSTEM, email="c@kz.example", role="coordinator", state="KZ")
    delivery = send_email(to=person, subject="S", body="B")
    start, outcomes = threading.Barrier(4), []

    def worker():
        try:
            start.wait()
            outcomes.append(services.deliver(delivery.pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["sent", "skipped", "skipped", "skipped"]
    assert len(mail.outbox) == 1 and Delivery.objects.get().attempts == 1
