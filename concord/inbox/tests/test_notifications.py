"""Coordinators hear of a procedure when it opens, 48 hours before its deadline and when it ends."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from concord.accounts.services import create_user
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.decisions import services
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.inbox.models import Message
from conftest import PASSWORD

OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
DEADLINE = OPENING + dt.timedelta(days=14)


@pytest.fixture(autouse=True)
def _opening_day():
    with clock.frozen_at(OPENING):
        yield


@pytest.fixture
def opened(secretariat_user, coordinator_user, mail_worker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.open_procedure(
            actor=actor_for(secretariat_user),
            request=ProcedureRequest(
                title="CICA Day", subject=SubjectRequest("text", text="We mark it."), mode="silence"
            ),
        )


def test_opening_writes_to_the_coordinators(opened, coordinator_user, delegate_user, mail_worker):
    [message] = Message.objects.all()
    assert message.recipient == coordinator_user  # coordinators, not delegates
    assert message.subject == "Procedure opened: CICA Day"
    assert message.link == f"/decisions/{opened.pk}/"
    assert mail_worker() == ["sent"]
    assert [m.to for m in mail.outbox] == [[coordinator_user.email]]


def test_the_reminder_is_sent_once_within_48_hours(opened, audit_entries):
    assert services.remind(opened.pk) is False  # two weeks ahead: not yet
    with clock.frozen_at(DEADLINE - dt.timedelta(hours=47)):
        assert services.remind(opened.pk) is True
        assert services.remind(opened.pk) is False
    assert Message.objects.filter(kind="decisions.reminder").count() == 1
    assert audit_entries(AuditEvent.REMINDER_SENT)


def test_the_outcome_is_announced(opened):
    with clock.frozen_at(DEADLINE):
        services.settle_due()
    assert Message.objects.filter(kind="decisions.outcome", subject="Outcome: CICA Day").exists()


def test_inbox_page_and_api(opened, coordinator_user, delegate_user):
    client = Client()
    client.login(email=coordinator_user.email, password=PASSWORD)
    assert "Inbox (1)" in client.get("/").content.decode()
    message = Message.objects.get()
    assert client.post(f"/inbox/{message.pk}/read/").url == f"/decisions/{opened.pk}/"
    assert client.get("/api/inbox", {"unread": "true"}).json()["count"] == 0
    other = Client()
    other.login(email=delegate_user.email, password=PASSWORD)
    response = other.post(f"/api/inbox/{message.pk}/read")
    assert response.status_code == 404 and response.json()["field"] == "id"


def test_deactivated_coordinators_get_nothing(registry, secretariat_user):
    from concord.accounts.services import set_user_active

    quiet = create_user(
        actor=SYSTEM, email="q@kg.example", role="coordinator", state="KG", password=PASSWORD
    )
    set_user_active(actor=actor_for(secretariat_user), user=quiet, active=False)
    services.open_procedure(
        actor=actor_for(secretariat_user),
        request=ProcedureRequest(
            title="T", subject=SubjectRequest("text", text="X."), mode="in_session"
        ),
    )
    assert not Message.objects.filter(recipient=quiet).exists()
