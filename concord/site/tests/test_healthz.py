"""/healthz: whether this process can serve, and whether the task worker keeps up with the
deadlines of silence procedures."""

import datetime as dt
from unittest import mock

from django.db import OperationalError
from django.test import Client

from concord.core import clock
from concord.core.actors import actor_for
from concord.decisions import services
from concord.decisions.requests import ProcedureRequest, SubjectRequest

OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
DEADLINE = OPENING + dt.timedelta(days=14)


def test_all_well(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "overdue_settlements": 0}
    assert "no-store" in response["Cache-Control"]


def test_a_settlement_overdue_is_degraded_but_the_site_still_serves(
    registry, secretariat_user, settings
):
    settings.PROCEDURE_SETTLE_GRACE_MINUTES = 15
    with clock.frozen_at(OPENING):
        procedure = services.open_procedure(
            actor=actor_for(secretariat_user),
            request=ProcedureRequest(
                title="CICA Day", subject=SubjectRequest("text", text="We agree."), mode="silence"
            ),
        )
    with clock.frozen_at(DEADLINE + dt.timedelta(minutes=10)):
        assert Client().get("/healthz").json()["status"] == "ok"  # the worker has its grace
    with clock.frozen_at(DEADLINE + dt.timedelta(minutes=16)):
        response = Client().get("/healthz")
        assert response.status_code == 200
        assert response.json() == {
            "status": "degraded",
            "database": "ok",
            "overdue_settlements": 1,
        }
        services.settle(procedure.pk)  # the worker is back
        assert Client().get("/healthz").json()["status"] == "ok"


def test_no_database_is_unavailable(db):
    with mock.patch(
        "concord.decisions.selectors.count_overdue_settlements",
        side_effect=OperationalError("connection refused"),
    ):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
