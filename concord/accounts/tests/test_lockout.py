"""Lockout after repeated sign-in failures (django-axes), per account and per address."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client

from concord.accounts.signin import lockout
from concord.audit.events import AuditEvent
from conftest import PASSWORD

from .test_api import bearer


@pytest.fixture(autouse=True)
def _limits(settings):
    # The sign-in rate limit would answer first; these tests are about the lockout.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "sign_in": "1000/m"}
    settings.SIGNIN_ACCOUNT_FAILURES = settings.AXES_FAILURE_LIMIT = 3
    settings.SIGNIN_ADDRESS_FAILURES = 6


def sign_in(email, password="wrong", address="192.0.2.10", **extra):
    return Client(REMOTE_ADDR=address).post(
        "/accounts/login/", {"username": email, "password": password}, **extra
    )


def fail(email, times, address="192.0.2.10"):
    """Wrong passwords; the one that reaches the limit already answers with the lockout."""
    return [sign_in(email, address=address).status_code for _ in range(times)]


def test_a_refused_sign_in_is_audited_as_the_public_naming_account_and_address(
    delegate_user, audit_entries
):
    sign_in("Delegate@IN.example ")
    [entry] = audit_entries(AuditEvent.SIGN_IN_REFUSED)
    assert (entry.actor_role, entry.actor_user) == ("public", None)
    assert entry.target_id == str(delegate_user.pk)
    assert entry.data == {
        "account": "delegate@in.example",
        "address": "192.0.2.10",
        "locked_out": False,
    }


def test_an_unknown_account_is_refused_and_audited_alike(registry, audit_entries):
    assert sign_in("nobody@example.org").status_code == 200
    [entry] = audit_entries(AuditEvent.SIGN_IN_REFUSED)
    assert entry.target_id == "" and entry.data["account"] == "nobody@example.org"


def test_an_empty_form_tries_no_password_and_is_not_audited(registry, audit_entries):
    Client().post("/accounts/login/", {"username": "a@b.example", "password": ""})
    assert audit_entries(AuditEvent.SIGN_IN_REFUSED) == []


def test_an_account_locks_after_its_failures_even_from_many_addresses(delegate_user, audit_entries):
    for n, address in enumerate(["192.0.2.1", "192.0.2.2"]):
        assert sign_in(delegate_user.email, address=address).status_code == 200, n
    locked = sign_in(delegate_user.email, address="192.0.2.3")
    assert locked.status_code == 429
    # The right password does not help while the lock lasts, from anywhere.
    response = sign_in(delegate_user.email, PASSWORD, address="198.51.100.1")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in paused" in page and "too many failed sign-in attempts" in page
    assert 14 * 60 <= int(response["Retry-After"]) <= 15 * 60
    [lock] = audit_entries(AuditEvent.SIGN_IN_LOCKED)
    assert lock.data["account"] == delegate_user.email and lock.data["address"] == "192.0.2.3"
    refused = audit_entries(AuditEvent.SIGN_IN_REFUSED)
    assert [e.data["locked_out"] for e in refused] == [False, False, True, True]
    assert refused[-1].summary.endswith("refused while locked out")


def test_the_lockout_page_speaks_russian(delegate_user):
    fail(delegate_user.email, 3 - 1)
    page = sign_in(delegate_user.email, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Вход приостановлен" in page


def test_an_address_locks_after_failures_across_accounts(registry):
    for n in range(6):
        assert sign_in(f"guess{n}@example.org").status_code in (200, 429)
    assert sign_in("another@example.org").status_code == 429
    assert sign_in("another@example.org", address="192.0.2.99").status_code == 200


def test_the_address_behind_a_proxy_is_the_one_the_proxy_saw(settings, registry):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for n in range(6):
        sign_in(
            f"guess{n}@example.org", address=proxy, HTTP_X_FORWARDED_FOR=f"9.9.9.{n}, 192.0.2.5"
        )
    blocked = sign_in("x@example.org", address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.5")
    other = sign_in("x@example.org", address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.6")
    assert (blocked.status_code, other.status_code) == (429, 200)


def test_a_good_password_forgets_the_accounts_failures(delegate_user):
    assert fail(delegate_user.email, 2) == [200, 200]
    assert sign_in(delegate_user.email, PASSWORD).status_code == 302
    fail(delegate_user.email, 2)
    assert sign_in(delegate_user.email, PASSWORD).status_code == 302
    # The audit trail has the sign-in; axes keeps no second record of it.
    assert AccessLog.objects.count() == 0


def test_failures_older_than_the_cool_off_no_longer_count(delegate_user):
    fail(delegate_user.email, 2)
    AccessAttempt.objects.update(attempt_time=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    fail(delegate_user.email, 2)
    assert sign_in(delegate_user.email, PASSWORD).status_code == 302


def test_the_secretariat_lifts_a_lockout_from_the_accounts_page(
    secretariat_user, delegate_user, audit_entries
):
    assert fail(delegate_user.email, 3) == [200, 200, 429]
    officer = Client()
    officer.force_login(secretariat_user)
    page = officer.get("/accounts/users/").content.decode()
    assert "Locked out until" in page and "Lift the lockout" in page
    response = officer.post(f"/accounts/users/{delegate_user.pk}/unlock/", follow=True)
    assert f"{delegate_user.email} can sign in again." in response.content.decode()
    assert sign_in(delegate_user.email, PASSWORD, address="192.0.2.77").status_code == 302
    [entry] = audit_entries(AuditEvent.SIGN_IN_UNLOCKED)
    assert entry.actor_user == secretariat_user and entry.target_id == str(delegate_user.pk)


def test_the_secretariat_lifts_a_lockout_through_the_api(secretariat_user, delegate_user):
    fail(delegate_user.email, 3)
    client, auth = Client(), bearer(secretariat_user)
    status = client.get(f"/api/users/{delegate_user.pk}/sign-in", **auth).json()
    assert status["locked_until"] is not None
    response = client.post(f"/api/users/{delegate_user.pk}/unlock", **auth)
    assert response.status_code == 200 and response.json()["locked_until"] is None
    again = client.post(f"/api/users/{delegate_user.pk}/unlock", **auth)
    assert again.status_code == 409
    assert again.json() == {"detail": f"{delegate_user.email} is not locked out.", "field": "id"}


@pytest.mark.parametrize("fixture", ["chair_user", "coordinator_user", "delegate_user"])
def test_only_the_secretariat_lifts_lockouts(request, fixture, observer_user):
    fail(observer_user.email, 3)
    response = Client().post(
        f"/api/users/{observer_user.pk}/unlock", **bearer(request.getfixturevalue(fixture))
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Only the Secretariat can lift a sign-in lockout."
    page = Client()
    page.force_login(request.getfixturevalue(fixture))
    assert page.post(f"/accounts/users/{observer_user.pk}/unlock/").status_code == 403
    assert lockout.locked_accounts([observer_user.email])


def test_anonymous_callers_cannot_lift_lockouts(delegate_user):
    assert Client().post(f"/api/users/{delegate_user.pk}/unlock").status_code == 401
    response = Client().post(f"/accounts/users/{delegate_user.pk}/unlock/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
