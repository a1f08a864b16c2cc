"""API tokens: an expiry and a scope chosen at issue; revoked by a change of password, a reset
and a deactivation; a reactivated account starts with none."""

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client

from concord.accounts import services
from concord.accounts.models import ApiToken
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidInput, InvalidTransition

from .conftest import TODAY, sign_in


def bearer(plaintext: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def issue(user, **options) -> str:
    return services.issue_api_token(actor=actor_for(user), user=user, name="t", **options)[1]


def test_a_token_expires_after_its_lifetime(delegate_user):
    token, plaintext = services.issue_api_token(
        actor=actor_for(delegate_user), user=delegate_user, name="t", days=30
    )
    assert token.expires_at == TODAY + dt.timedelta(days=30)
    with clock.frozen_at(TODAY + dt.timedelta(days=30, seconds=-1)):
        assert Client().get("/api/me", **bearer(plaintext)).status_code == 200
    with clock.frozen_at(TODAY + dt.timedelta(days=30)):
        response = Client().get("/api/me", **bearer(plaintext))
        assert response.status_code == 401
        assert response.json()["detail"].startswith("The API token is not valid")
        assert Client().get("/api/members", **bearer(plaintext)).status_code == 401
        assert ApiToken.objects.get(pk=token.pk).status == "expired"


def test_the_default_lifetime_and_the_ceiling_come_from_the_settings(delegate_user):
    token, _plain = services.issue_api_token(
        actor=actor_for(delegate_user), user=delegate_user, name="t"
    )
    assert token.expires_at == TODAY + dt.timedelta(days=settings.API_TOKEN_DEFAULT_DAYS)
    for days in (0, settings.API_TOKEN_MAX_DAYS + 1):
        with pytest.raises(InvalidInput, match="valid for 1 to 365 days") as caught:
            issue(delegate_user, days=days)
        assert caught.value.field == "expires_in_days"


def test_the_api_issues_with_a_scope_and_an_expiry_and_shows_them(delegate_user):
    auth = bearer(issue(delegate_user))
    created = Client().post(
        "/api/tokens",
        {"name": "reporting", "scope": "read", "expires_in_days": 10},
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["scope"], body["status"]) == ("read", "active")
    assert body["expires_at"].startswith("2026-12-07")
    listed = {t["name"]: t for t in Client().get("/api/tokens", **auth).json()}
    assert listed["reporting"]["scope"] == "read" and listed["t"]["scope"] == "write"
    default = (
        Client().post("/api/tokens", {"name": "d"}, content_type="application/json", **auth).json()
    )
    assert default["scope"] == "read" and default["expires_at"].startswith("2027-02-25")
    too_long = Client().post(
        "/api/tokens",
        {"name": "x", "expires_in_days": 366},
        content_type="application/json",
        **auth,
    )
    assert too_long.status_code == 422 and too_long.json()["field"] == "expires_in_days"
    unknown = Client().post(
        "/api/tokens", {"name": "x", "scope": "admin"}, content_type="application/json", **auth
    )
    assert unknown.status_code == 422 and unknown.json()["field"] == "scope"


def test_a_read_token_reads_but_cannot_write(secretariat_user, delegate_user):
    auth = bearer(issue(secretariat_user, scope="read"))
    assert Client().get("/api/users", **auth).status_code == 200
    for method, path in [
        ("post", "/api/tokens"),
        ("post", "/api/users"),
        ("patch", f"/api/users/{delegate_user.pk}"),
    ]:
        response = getattr(Client(), method)(
            path, {"name": "x", "active": False}, content_type="application/json", **auth
        )
        assert response.status_code == 403, path
        assert "scope “read”" in response.json()["detail"]
    assert not ApiToken.objects.filter(name="x").exists()
    delegate_user.refresh_from_db()
    assert delegate_user.is_active


def test_the_account_page_shows_scope_expiry_and_status(delegate_user):
    issue(delegate_user, scope="read", days=10)
    client = sign_in(delegate_user)
    html = client.get("/accounts/me/").content.decode()
    assert "read only" in html and "7 December 2026" in html
    refused = client.post(
        "/accounts/me/tokens/",
        {"name": "x", "scope": "write", "expires_in_days": "366"},
        HTTP_HX_REQUEST="true",
    )
    assert refused.status_code == 422
    assert "Ensure this value is less than or equal to 365." in refused.content.decode()
    with clock.frozen_at(TODAY + dt.timedelta(days=11)):
        assert ">expired<" in sign_in(delegate_user).get("/accounts/me/").content.decode()


def test_a_password_change_revokes_every_token(delegate_user, audit_entries):
    first, second = issue(delegate_user), issue(delegate_user, scope="read")
    services.change_password(actor=actor_for(delegate_user), new_password="Another-pass-2026")
    for plaintext in (first, second):
        assert Client().get("/api/me", **bearer(plaintext)).status_code == 401
    entry = audit_entries(AuditEvent.PASSWORD_CHANGED)[-1]
    assert len(entry.data["tokens_revoked"]) == 2
    assert entry.summary.endswith("2 API token(s) revoked")


def test_a_password_reset_revokes_every_token(delegate_user, audit_entries):
    plaintext = issue(delegate_user)
    services.reset_password(user=delegate_user, new_password="Another-pass-2026")
    assert Client().get("/api/me", **bearer(plaintext)).status_code == 401
    assert len(audit_entries(AuditEvent.PASSWORD_RESET)[-1].data["tokens_revoked"]) == 1


def test_a_reactivated_account_starts_with_no_tokens(delegate_user, audit_entries):
    plaintext = issue(delegate_user)
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    assert audit_entries(AuditEvent.USER_DEACTIVATED)[-1].data["tokens_revoked"] == [plaintext[:10]]
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=True)
    assert Client().get("/api/me", **bearer(plaintext)).status_code == 401
    assert ApiToken.objects.get(user=delegate_user).status == "revoked"


def test_no_token_for_a_deactivated_account(delegate_user):
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    with pytest.raises(InvalidTransition, match=r"The account is deactivated\."):
        services.issue_api_token(actor=SYSTEM, user=delegate_user, name="t")


def test_without_javascript_the_token_is_shown_on_the_whole_page(delegate_user):
    response = sign_in(delegate_user).post(
        "/accounts/me/tokens/", {"name": "laptop", "scope": "write", "expires_in_days": "30"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<h1 class="govuk-heading-l">My account</h1>' in html
        and 'data-testid="new-token">cnc_' in html
    )
