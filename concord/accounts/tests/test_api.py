import datetime as dt

import pytest
from django.test import Client

from concord.accounts import services
from concord.core import clock
from concord.core.actors import SYSTEM
from conftest import PASSWORD


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


def bearer(user) -> dict:
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.mark.parametrize(
    ("fixture", "role", "state", "rights"),
    [
        ("secretariat_user", "secretariat", None, {"secretariat", "manage_accounts", "read_audit"}),
        ("chair_user", "chair", "AZ", {"chair", "read_audit"}),
        ("coordinator_user", "coordinator", "KZ", {"member"}),
        ("delegate_user", "delegate", "IN", {"member"}),
        ("observer_user", "observer", "JP", {"observer"}),
    ],
)
def test_me_per_role(request, fixture, role, state, rights):
    user = request.getfixturevalue(fixture)
    body = Client().get("/api/me", **bearer(user)).json()
    assert (body["role"], body["state"]) == (role, state)
    assert {k for k, v in body["rights"].items() if v} == rights


def test_me_needs_authentication(registry):
    response = Client().get("/api/me")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Authentication required")


def test_a_wrong_token_is_401(registry):
    response = Client().get("/api/me", HTTP_AUTHORIZATION="Bearer cnc_nope")
    assert response.status_code == 401


def test_issue_list_and_revoke_tokens_through_the_api(delegate_user):
    client = Client()
    auth = bearer(delegate_user)
    created = client.post(
        "/api/tokens", {"name": "laptop"}, content_type="application/json", **auth
    )
    assert created.status_code == 201
    new = created.json()
    assert new["token"].startswith("cnc_") and new["name"] == "laptop"
    listed = client.get("/api/tokens", **auth).json()
    assert "token" not in listed[0] and {t["name"] for t in listed} == {"laptop", "test"}
    revoked = client.post(f"/api/tokens/{new['id']}/revoke", **auth)
    assert revoked.json()["revoked_at"] is not None
    assert client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {new['token']}").status_code == 401


def test_someone_elses_token_looks_missing(delegate_user, coordinator_user):
    token, _plain = services.issue_api_token(actor=SYSTEM, user=delegate_user, name="x")
    response = Client().post(f"/api/tokens/{token.pk}/revoke", **bearer(coordinator_user))
    assert response.status_code == 404
    assert response.json() == {"detail": f"No API token with id {token.pk}.", "field": "id"}


def test_secretariat_creates_and_lists_accounts(secretariat_user):
    client, auth = Client(), bearer(secretariat_user)
    response = client.post(
        "/api/users",
        {"email": "new@kg.example", "role": "delegate", "state": "KG"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 201
    assert response.json()["state"] == "KG"
    page = client.get("/api/users", {"role": "delegate"}, **auth).json()
    assert page["count"] == 1 and page["items"][0]["email"] == "new@kg.example"


def test_account_creation_errors_name_the_field(secretariat_user):
    response = Client().post(
        "/api/users",
        {"email": "new@tm.example", "role": "delegate", "state": "TM"},
        content_type="application/json",
        **bearer(secretariat_user),
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Turkmenistan is not a Member State today.",
        "field": "state",
    }


@pytest.mark.parametrize(
    "fixture", ["chair_user", "coordinator_user", "delegate_user", "observer_user"]
)
def test_only_the_secretariat_manages_accounts(request, fixture):
    auth = bearer(request.getfixturevalue(fixture))
    response = Client().post(
        "/api/users",
        {"email": "a@b.example", "role": "secretariat"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the Secretariat can create accounts.", "field": None}
    assert Client().get("/api/users", **auth).status_code == 403


def test_secretariat_deactivates_an_account(secretariat_user, delegate_user):
    response = Client().patch(
        f"/api/users/{delegate_user.pk}",
        {"active": False},
        content_type="application/json",
        **bearer(secretariat_user),
    )
    assert response.json()["is_active"] is False


def test_session_writes_need_the_csrf_token(delegate_user):
    client = Client(enforce_csrf_checks=True)
    assert client.login(email=delegate_user.email, password=PASSWORD)
    assert client.get("/api/me").json()["email"] == delegate_user.email
    response = client.post("/api/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 403
