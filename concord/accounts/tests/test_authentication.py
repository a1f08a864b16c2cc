"""Who calls the API: a Bearer token decides alone; else the session (with CSRF); else the
public."""

import datetime as dt

import pytest
from django.test import Client

from concord.accounts import services
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.documents.services import import_text
from conftest import PASSWORD

DRAFT = "DRAFT DECLARATION OF THE SEVENTH SUMMIT\n\nDeclare the following:\n\n1. We meet.\n"


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=DRAFT, slug="seventh-summit-declaration").document


def bearer(user, **options) -> dict:
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=user, name="t", **options)
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


PUBLIC_READS = [
    "/api/members",
    "/api/states/KZ",
    "/api/chairmanships",
    "/api/bodies",
    "/api/documents",
    "/api/search?q=meet",
    "/api/meetings",
    "/api/catalogue",
]


def test_a_token_reads_a_draft_on_the_documents_endpoints(draft, coordinator_user):
    path = "/api/documents/seventh-summit-declaration"
    assert Client().get(path).status_code == 404
    assert Client().get(path, **bearer(coordinator_user)).status_code == 200
    assert Client().get(f"{path}/export/txt", **bearer(coordinator_user)).status_code == 200
    listed = Client().get("/api/documents", **bearer(coordinator_user)).json()["items"]
    assert "seventh-summit-declaration" in {d["slug"] for d in listed}
    found = Client().get("/api/search", {"q": "meet"}, **bearer(coordinator_user)).json()
    assert "seventh-summit-declaration" in {hit["document"] for hit in found["items"]}
    public = Client().get("/api/search", {"q": "meet"}).json()
    assert "seventh-summit-declaration" not in {hit["document"] for hit in public["items"]}


@pytest.mark.parametrize("path", PUBLIC_READS)
def test_public_endpoints_answer_the_public_and_refuse_a_bad_token(registry, path):
    assert Client().get(path).status_code == 200
    response = Client().get(path, HTTP_AUTHORIZATION="Bearer cnc_nope")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("The API token is not valid")


@pytest.mark.parametrize("header", ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"])
def test_any_authorization_header_is_decided_by_the_token_alone(delegate_user, header):
    client = Client()
    assert client.login(email=delegate_user.email, password=PASSWORD)
    assert client.get("/api/me").status_code == 200
    assert client.get("/api/me", HTTP_AUTHORIZATION=header).status_code == 401
    assert client.get("/api/members", HTTP_AUTHORIZATION=header).status_code == 401


def test_the_token_wins_over_the_session(delegate_user, coordinator_user):
    client = Client()
    assert client.login(email=delegate_user.email, password=PASSWORD)
    me = client.get("/api/me", **bearer(coordinator_user)).json()
    assert me["email"] == coordinator_user.email


def test_a_post_without_credentials_is_401_not_a_csrf_failure(registry):
    response = Client(enforce_csrf_checks=True).post(
        "/api/tokens", {"name": "x"}, content_type="application/json"
    )
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Authentication required")


def test_a_post_with_a_bad_token_is_401(registry):
    response = Client(enforce_csrf_checks=True).post(
        "/api/procedures", {}, content_type="application/json", HTTP_AUTHORIZATION="Bearer cnc_x"
    )
    assert response.status_code == 401


def test_a_token_needs_no_csrf_token(delegate_user):
    response = Client(enforce_csrf_checks=True).post(
        "/api/tokens", {"name": "x"}, content_type="application/json", **bearer(delegate_user)
    )
    assert response.status_code == 201


def test_only_a_signed_in_session_without_the_csrf_token_is_a_csrf_failure(delegate_user):
    client = Client(enforce_csrf_checks=True)
    assert client.login(email=delegate_user.email, password=PASSWORD)
    refused = client.post("/api/tokens", {"name": "x"}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("CSRF check failed")
    client.get("/accounts/me/")  # the page sets the CSRF cookie
    accepted = client.post(
        "/api/tokens",
        {"name": "x"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert accepted.status_code == 201


def test_a_deactivated_session_is_unauthenticated(secretariat_user, delegate_user):
    client = Client()
    assert client.login(email=delegate_user.email, password=PASSWORD)
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    assert client.get("/api/me").status_code == 401


def test_a_session_the_api_refuses_reads_as_the_public(draft, coordinator_user, monkeypatch):
    """Whatever ActiveSession refuses (a deactivated account; a session still to pass a second
    factor), public endpoints answer with the public's view, not the session user's."""
    from concord.accounts.auth import ActiveSession

    client = Client()
    assert client.login(email=coordinator_user.email, password=PASSWORD)
    path = "/api/documents/seventh-summit-declaration"
    assert client.get(path).status_code == 200
    monkeypatch.setattr(ActiveSession, "authenticate", lambda self, request, key: None)
    assert client.get(path).status_code == 404
    assert client.get("/api/me").status_code == 401


def test_the_schema_says_which_operations_take_optional_credentials(db):
    schema = Client().get("/api/openapi.json").json()
    public = schema["paths"]["/api/documents"]["get"]["security"]
    assert public == [{"BearerToken": []}, {"ActiveSession": []}, {}]
    assert schema["paths"]["/api/me"]["get"]["security"] == [
        {"BearerToken": []},
        {"ActiveSession": []},
    ]
    assert set(schema["components"]["securitySchemes"]) == {"BearerToken", "ActiveSession"}
