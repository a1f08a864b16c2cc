import datetime as dt

import pytest
from django.test import Client

from concord.accounts.services import issue_api_token
from concord.core import clock
from concord.core.actors import SYSTEM

from .conftest import OPENING


def client_for(actor) -> Client:
    _t, token = issue_api_token(actor=SYSTEM, user=actor.user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


@pytest.fixture
def opened(officer):
    deadline = (OPENING + dt.timedelta(seconds=30)).isoformat()
    response = post(
        client_for(officer),
        "/api/procedures",
        {"title": "Accession of Turkmenistan", "subject": {"type": "accession", "state": "TM"},
         "mode": "silence", "deadline": deadline},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    return response.json()


def test_open_returns_the_contract(opened):
    assert {k: opened[k] for k in ("status", "outcome")} == {"status": "open", "outcome": None}
    assert opened["deadline"].startswith("2026-11-27T09:00:30")
    assert len(opened["tally"]["silent"]) == 28 and opened["tally"]["joined"] == []


def test_positions_and_the_tally(opened, delegates):
    pid = opened["id"]
    assert (
        post(
            client_for(delegates["KZ"]), f"/api/procedures/{pid}/positions", {"position": "join"}
        ).status_code
        == 201
    )
    response = post(
        client_for(delegates["CN"]), f"/api/procedures/{pid}/positions", {"position": "object"}
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "An objection needs its reasons.", "field": "statement"}
    body = post(
        client_for(delegates["CN"]),
        f"/api/procedures/{pid}/positions",
        {"position": "object", "statement": "Too early."},
    ).json()
    assert body["tally"]["joined"] == ["KZ"] and body["tally"]["objected"] == ["CN"]
    with clock.frozen_at(OPENING + dt.timedelta(seconds=31)):
        late = post(
            client_for(delegates["IN"]), f"/api/procedures/{pid}/positions", {"position": "join"}
        )
        assert late.status_code == 409
        final = client_for(delegates["KZ"]).get(f"/api/procedures/{pid}").json()
    assert (final["status"], final["outcome"]) == ("closed", "not_adopted")


def test_observers_cannot_see_unshared_procedures_and_the_public_is_refused(
    opened, observer_user, actor_of
):
    from concord.core.actors import actor_for

    response = client_for(actor_for(observer_user)).get(f"/api/procedures/{opened['id']}")
    assert response.status_code == 404
    assert Client().get("/api/procedures").status_code == 401


def test_close_and_withdraw_errors(opened, officer, delegates):
    pid = opened["id"]
    response = post(client_for(officer), f"/api/procedures/{pid}/close")
    assert response.status_code == 409 and response.json()["field"] == "deadline"
    assert post(client_for(delegates["KZ"]), f"/api/procedures/{pid}/withdraw").status_code == 403
    withdrawn = post(client_for(officer), f"/api/procedures/{pid}/withdraw").json()
    assert withdrawn["status"] == "withdrawn"
    again = post(client_for(officer), f"/api/procedures/{pid}/withdraw")
    assert again.status_code == 409 and "already withdrawn" in again.json()["detail"]


def test_list_filters_by_status(opened, officer):
    page = client_for(officer).get("/api/procedures", {"status": "open"}).json()
    assert page["count"] == 1 and page["items"][0]["id"] == opened["id"]
    assert client_for(officer).get("/api/procedures", {"status": "closed"}).json()["count"] == 0


def test_each_position_names_the_account_that_stated_it(opened, registry):
    from concord.accounts.services import create_user
    from concord.core.actors import actor_for
    from conftest import PASSWORD

    coordinator = actor_for(
        create_user(
            actor=SYSTEM, email="focal@kz.example", role="coordinator", state="KZ",
            display_name="Aigerim Sadykova", password=PASSWORD,
        )
    )  # fmt: skip
    delegate = actor_for(
        create_user(
            actor=SYSTEM, email="d@kz.example", role="delegate", state="KZ", password=PASSWORD
        )
    )
    pid = opened["id"]
    post(client_for(coordinator), f"/api/procedures/{pid}/positions", {"position": "join"})
    body = post(
        client_for(delegate),
        f"/api/procedures/{pid}/positions",
        {"position": "stand_aside", "statement": "We note the text."},
    ).json()
    assert [(p["stated_by"], p["current"]) for p in body["positions"]] == [
        ({"name": "Aigerim Sadykova", "role": "coordinator"}, False),
        ({"name": "d@kz.example", "role": "delegate"}, True),
    ]
