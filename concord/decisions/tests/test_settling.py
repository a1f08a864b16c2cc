"""A silence procedure past its deadline: read as closed with the outcome its positions give,
marked as being applied, and saved with its effect only by the task at the deadline or by a
write path."""

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import QuerySet
from django.test import Client

from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.exceptions import InvalidTransition
from concord.decisions import rules, selectors, services, subjects, tasks
from concord.decisions.models import Procedure
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.members import selectors as registry
from conftest import PASSWORD

from .conftest import OPENING
from .test_api import client_for, post

DEADLINE = OPENING + dt.timedelta(days=14)


@pytest.fixture
def accession(officer):
    return services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Accession of Turkmenistan",
            subject=SubjectRequest("accession", state="TM"),
            mode="silence",
        ),
    )


def test_a_read_past_the_deadline_shows_the_outcome_being_applied(
    accession, officer, delegates, secretariat_user, audit_entries
):
    services.state_position(actor=delegates["KZ"], procedure_id=accession.pk, kind="join")
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    with clock.frozen_at(DEADLINE):
        body = client_for(officer).get(f"/api/procedures/{accession.pk}").json()
        page = client.get(f"/decisions/{accession.pk}/").content.decode()
        listed = client_for(officer).get("/api/procedures").json()["items"][0]
    assert {k: body[k] for k in ("status", "outcome", "closed_at", "settling", "effect")} == {
        "status": "closed",
        "outcome": "adopted",
        "closed_at": "2026-12-11T09:00:00Z",
        "settling": True,
        "effect": {},
    }
    assert (listed["status"], listed["outcome"], listed["settling"]) == ("closed", "adopted", True)
    assert 'data-testid="settling"' in page and "State the position" not in page
    assert Procedure.objects.get(pk=accession.pk).status == "open"
    assert audit_entries(AuditEvent.PROCEDURE_CLOSED) == []
    assert registry.status_on(registry.get_state("TM"), DEADLINE.date()) == "observer"


def test_the_task_at_the_deadline_saves_the_outcome_and_its_effect(accession, officer):
    with clock.frozen_at(DEADLINE):
        assert tasks.settle_procedure.call(accession.pk) is True
        body = client_for(officer).get(f"/api/procedures/{accession.pk}").json()
    assert (body["status"], body["outcome"], body["settling"]) == ("closed", "adopted", False)
    assert registry.status_on(registry.get_state("TM"), DEADLINE.date()) == "member"


def test_an_objection_shows_as_not_adopted_before_the_task_runs(accession, officer, delegates):
    services.state_position(
        actor=delegates["CN"], procedure_id=accession.pk, kind="object", statement="Not yet."
    )
    with clock.frozen_at(DEADLINE):
        standing = selectors.standing(selectors.access_procedure(officer, accession.pk))
    assert (standing.status, standing.outcome, standing.closed_at) == (
        "closed",
        "not_adopted",
        DEADLINE,
    )


def test_the_list_filters_by_where_a_procedure_stands(accession, officer):
    in_session = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="CICA Day", subject=SubjectRequest("text", text="We agree."), mode="in_session"
        ),
    )
    client = client_for(officer)

    def ids(status):
        return [p["id"] for p in client.get("/api/procedures", {"status": status}).json()["items"]]

    assert (ids("open"), ids("closed")) == ([in_session.pk, accession.pk], [])
    with clock.frozen_at(DEADLINE):
        assert (ids("open"), ids("closed")) == ([in_session.pk], [accession.pk])


@pytest.mark.parametrize("status", ["open", "closed", "withdrawn"])
@pytest.mark.parametrize("mode", ["silence", "in_session"])
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_the_query_of_due_procedures_agrees_with_the_rule(officer, status, mode, offset):
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Q", subject=SubjectRequest("text", text="We agree."), mode="in_session"
        ),
    )
    deadline = DEADLINE if mode == "silence" else None
    now = DEADLINE + dt.timedelta(seconds=offset)
    Procedure.objects.filter(pk=procedure.pk).update(
        status=status, mode=mode, deadline=deadline, outcome="" if status == "open" else "adopted"
    )
    found = Procedure.objects.filter(selectors.due(now), pk=procedure.pk).exists()
    assert found == rules.is_due(status, mode, deadline, now)


def test_a_position_is_stated_under_one_lock(accession, delegates):
    client = client_for(delegates["KZ"])
    with mock.patch.object(
        QuerySet, "select_for_update", autospec=True, side_effect=QuerySet.select_for_update
    ) as locks:
        response = post(client, f"/api/procedures/{accession.pk}/positions", {"position": "join"})
    assert response.status_code == 201
    locked = [c.args[0].model for c in locks.call_args_list]
    assert locked.count(Procedure) == 1  # and the audit chain's head, as every write does


def test_a_late_position_is_refused_and_leaves_the_settling_to_the_task(accession, delegates):
    with clock.frozen_at(DEADLINE):
        late = post(
            client_for(delegates["KZ"]),
            f"/api/procedures/{accession.pk}/positions",
            {"position": "join"},
        )
    assert late.status_code == 409 and late.json()["field"] == "deadline"
    assert Procedure.objects.get(pk=accession.pk).status == "open"


def test_the_close_path_settles_a_due_procedure(accession, officer, audit_entries):
    with clock.frozen_at(DEADLINE + dt.timedelta(hours=1)):
        closed = services.close_procedure(actor=officer, procedure_id=accession.pk)
    assert (closed.status, closed.outcome, closed.closed_at) == ("closed", "adopted", DEADLINE)
    assert audit_entries(AuditEvent.PROCEDURE_CLOSED)[-1].actor_user is None


def test_settling_everything_due_from_the_command(accession, officer, audit_entries):
    later = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="CICA Day",
            subject=SubjectRequest("text", text="We agree."),
            mode="silence",
            deadline=DEADLINE + dt.timedelta(days=1),
        ),
    )
    with clock.frozen_at(DEADLINE + dt.timedelta(hours=1)):
        dry = StringIO()
        call_command("settle-due", stdout=dry)
        assert f"#{accession.pk} Accession of Turkmenistan: due since 2026-12-11" in dry.getvalue()
        assert "Dry run: 1 due, none settled." in dry.getvalue()
        assert audit_entries(AuditEvent.PROCEDURE_CLOSED) == []
        done = StringIO()
        call_command("settle-due", "--for-real", stdout=done)
        assert "Settled 1." in done.getvalue()
        assert services.settle_due() == ([], {})
    assert Procedure.objects.get(pk=accession.pk).outcome == "adopted"
    assert Procedure.objects.get(pk=later.pk).status == "open"


def test_one_settlement_refused_holds_back_no_other(accession, officer):
    other = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="CICA Day",
            subject=SubjectRequest("text", text="We agree."),
            mode="silence",
            deadline=DEADLINE - dt.timedelta(days=1),
        ),
    )
    effect = subjects.apply_effect

    def failing(procedure, on, actor):
        if procedure.pk == other.pk:
            raise InvalidTransition("The meeting cannot be convened.", field="subject")
        effect(procedure, on, actor)

    with (
        clock.frozen_at(DEADLINE),
        mock.patch.object(subjects, "apply_effect", side_effect=failing),
        pytest.raises(CommandError, match=f"#{other.pk} not settled: The meeting cannot"),
    ):
        call_command("settle-due", "--for-real", stdout=StringIO())
    assert Procedure.objects.get(pk=accession.pk).status == "closed"
    assert Procedure.objects.get(pk=other.pk).status == "open"


def test_overdue_settlements_are_counted_after_the_grace(accession, settings):
    settings.PROCEDURE_SETTLE_GRACE_MINUTES = 15
    with clock.frozen_at(DEADLINE + dt.timedelta(minutes=15)):
        assert selectors.count_overdue_settlements() == 0
    with clock.frozen_at(DEADLINE + dt.timedelta(minutes=15, seconds=1)):
        assert selectors.count_overdue_settlements() == 1
        assert services.settle(accession.pk)
        assert selectors.count_overdue_settlements() == 0


def test_the_secretariat_is_told_of_settlements_overdue(
    accession, secretariat_user, delegate_user, settings
):
    settings.PROCEDURE_SETTLE_GRACE_MINUTES = 15

    def listing(user):
        client = Client()
        assert client.login(email=user.email, password=PASSWORD)
        return client.get("/decisions/").content.decode()

    with clock.frozen_at(DEADLINE + dt.timedelta(minutes=16)):
        assert 'data-testid="overdue-settlements"' in listing(secretariat_user)
        assert "1 procedure passed its deadline" in listing(secretariat_user)
        assert 'data-testid="overdue-settlements"' not in listing(delegate_user)
        assert "Closed: Adopted (being applied)" in listing(delegate_user)
    with clock.frozen_at(DEADLINE + dt.timedelta(minutes=10)):
        assert 'data-testid="overdue-settlements"' not in listing(secretariat_user)
