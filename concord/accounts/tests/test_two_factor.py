"""Two-factor sign-in: enrolment, the verification step, recovery codes, the Secretariat's
reset, and what a session that still owes its second factor may reach."""

import base64
import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from concord.accounts.signin import two_factor
from concord.audit.events import AuditEvent
from concord.core.actors import actor_for
from conftest import PASSWORD

from .test_api import bearer


@pytest.fixture(autouse=True)
def _required(settings):
    settings.REQUIRE_TWO_FACTOR = True


def password_step(user, client=None, next_url=""):
    client = client or Client()
    data = {"username": user.email, "password": PASSWORD, "next": next_url}
    return client, client.post("/accounts/login/", data)


def code_for(secret: str, step: int = 0) -> str:
    """What the person's app shows: `step` 1 is the next 30-second code, which a server that
    has just accepted this one still takes (one step of tolerance, never the same code twice)."""
    key = base64.b32decode(secret.replace(" ", ""))
    return f"{totp(key, drift=step):06d}"


def enrol(client) -> tuple[str, list[str]]:
    page = client.get("/accounts/two-factor/setup/").content.decode()
    secret = re.search(r'data-testid="secret">([A-Z2-7 ]+)<', page).group(1)
    done = client.post("/accounts/two-factor/setup/", {"code": code_for(secret)})
    assert done.status_code == 200, done.content.decode()[:2000]
    return secret, re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())


def enrolled(user) -> tuple[str, list[str]]:
    client, _response = password_step(user)
    return enrol(client)


def test_a_coordinator_without_a_second_factor_is_sent_to_set_one_up(coordinator_user):
    client, response = password_step(coordinator_user, next_url="/inbox/")
    assert response.url == "/accounts/two-factor/setup/?next=%2Finbox%2F"
    for path in ("/", "/accounts/me/", "/members/", "/accounts/login/"):
        redirected = client.get(path)
        assert redirected.status_code == 302, path
        assert redirected.url.startswith("/accounts/two-factor/setup/"), path
    page = client.get("/accounts/two-factor/setup/").content.decode()
    assert '<svg role="img"' in page and "Your role acts for the forum or a state" in page
    # Language switch and sign-out stay open.
    assert client.post("/i18n/setlang/", {"language": "ru", "next": "/"}).status_code == 302
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/accounts/me/").url.startswith("/accounts/login/")


def test_an_htmx_request_owing_a_second_factor_sends_the_whole_page_to_give_it(
    coordinator_user,
):
    client, _response = password_step(coordinator_user)
    response = client.post(
        "/inbox/1/read/", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/inbox/"
    )
    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == "/accounts/two-factor/setup/?next=/inbox/"


def test_the_api_does_not_see_a_half_signed_in_session(coordinator_user):
    client, _response = password_step(coordinator_user)
    response = client.get("/api/me")
    assert response.status_code == 401
    # Public operations answer as to the public; a token needs no second factor.
    assert client.get("/api/members").status_code == 200
    assert Client().get("/api/me", **bearer(coordinator_user)).json()["two_factor"] == {
        "enrolled": False,
        "required": True,
        "recovery_codes_left": 0,
    }


def test_enrolment_with_a_first_code_then_recovery_codes_shown_once(
    coordinator_user, audit_entries
):
    client, _response = password_step(coordinator_user)
    page = client.get("/accounts/two-factor/setup/").content.decode()
    secret = re.search(r'data-testid="secret">([A-Z2-7 ]+)<', page).group(1)
    wrong = client.post("/accounts/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 422
    assert "That code does not match." in wrong.content.decode()
    done = client.post("/accounts/two-factor/setup/", {"code": code_for(secret), "next": "/inbox/"})
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(set(codes)) == 10
    assert 'href="/inbox/"' in done.content.decode()
    # Signed in and verified: the pages and the API open up.
    assert client.get("/accounts/me/").status_code == 200
    me = client.get("/api/me").json()
    assert me["two_factor"] == {"enrolled": True, "required": True, "recovery_codes_left": 10}
    assert not any(c in client.get("/accounts/me/").content.decode() for c in codes)
    [entry] = audit_entries(AuditEvent.TWO_FACTOR_ENROLLED)
    assert entry.actor_user == coordinator_user and entry.data["recovery_codes"] == 10


def test_the_next_sign_in_asks_for_a_code(coordinator_user, audit_entries):
    secret, _codes = enrolled(coordinator_user)
    client, response = password_step(coordinator_user, next_url="/inbox/")
    assert response.url == "/accounts/two-factor/?next=%2Finbox%2F"
    assert client.get("/accounts/me/").url.startswith("/accounts/two-factor/")
    wrong = client.post("/accounts/two-factor/", {"code": "123456", "next": "/inbox/"})
    assert wrong.status_code == 422 and "That code is not right." in wrong.content.decode()
    TOTPDevice.objects.update(throttling_failure_timestamp=None)  # past the one-second wait
    right = client.post("/accounts/two-factor/", {"code": code_for(secret, 1), "next": "/inbox/"})
    assert right.status_code == 302 and right.url == "/inbox/"
    assert client.get("/accounts/me/").status_code == 200
    [refused] = audit_entries(AuditEvent.TWO_FACTOR_REFUSED)
    assert refused.data == {"method": "authenticator", "held_back": False}
    assert [e.actor_user for e in audit_entries(AuditEvent.TWO_FACTOR_VERIFIED)] == [
        coordinator_user
    ]


def test_a_code_is_accepted_once(coordinator_user):
    secret, _codes = enrolled(coordinator_user)
    first, _response = password_step(coordinator_user)
    assert first.post("/accounts/two-factor/", {"code": code_for(secret, 1)}).status_code == 302
    second, _response = password_step(coordinator_user)
    assert second.post("/accounts/two-factor/", {"code": code_for(secret, 1)}).status_code == 422


def test_wrong_codes_in_a_row_hold_even_the_right_one_back(coordinator_user, audit_entries):
    secret, _codes = enrolled(coordinator_user)
    client, _response = password_step(coordinator_user)
    client.post("/accounts/two-factor/", {"code": "111111"})
    held = client.post("/accounts/two-factor/", {"code": code_for(secret, 1)})
    assert held.status_code == 422
    assert "Too many wrong codes. Wait 1 second, then try again." in held.content.decode()
    assert audit_entries(AuditEvent.TWO_FACTOR_REFUSED)[-1].data["held_back"] is True


def test_a_recovery_code_signs_in_once(coordinator_user, audit_entries):
    _secret, codes = enrolled(coordinator_user)
    client, _response = password_step(coordinator_user)
    used = client.post("/accounts/two-factor/", {"code": codes[0].upper()}, follow=True)
    assert "You signed in with a recovery code; 9 are left." in used.content.decode()
    [entry] = audit_entries(AuditEvent.RECOVERY_CODE_USED)
    assert entry.data == {"method": "recovery_code", "recovery_codes_left": 9}
    again, _response = password_step(coordinator_user)
    assert again.post("/accounts/two-factor/", {"code": codes[0]}).status_code == 422


def test_replacing_recovery_codes_retires_the_old_ones(coordinator_user, audit_entries):
    secret, old = enrolled(coordinator_user)
    client, _response = password_step(coordinator_user)
    client.post("/accounts/two-factor/", {"code": code_for(secret, 1)})
    page = client.post("/accounts/two-factor/recovery-codes/").content.decode()
    new = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert audit_entries(AuditEvent.RECOVERY_CODES_REPLACED)
    later, _response = password_step(coordinator_user)
    assert later.post("/accounts/two-factor/", {"code": old[1]}).status_code == 422
    StaticDevice.objects.update(throttling_failure_timestamp=None)  # past the one-second wait
    assert later.post("/accounts/two-factor/", {"code": new[1]}).status_code == 302


def test_recovery_codes_need_a_second_factor_first(delegate_user):
    client = Client()
    client.force_login(delegate_user)
    response = client.post("/accounts/two-factor/recovery-codes/")
    assert response.status_code == 409
    assert "Set up two-factor sign-in first." in response.content.decode()


def test_a_delegate_signs_in_with_a_password_unless_they_chose_a_second_factor(delegate_user):
    client, response = password_step(delegate_user)
    assert response.url == "/" and client.get("/accounts/me/").status_code == 200
    assert "Off. A code from an app" in client.get("/accounts/me/").content.decode()
    enrol(client)
    _again, response = password_step(delegate_user)
    assert response.url.startswith("/accounts/two-factor/?")


def test_without_the_requirement_a_coordinator_signs_in_with_a_password(settings, coordinator_user):
    settings.REQUIRE_TWO_FACTOR = False
    client, response = password_step(coordinator_user)
    assert response.url == "/" and client.get("/api/me").status_code == 200


def test_the_verification_page_speaks_russian(coordinator_user):
    enrolled(coordinator_user)
    client, _response = password_step(coordinator_user)
    page = client.get("/accounts/two-factor/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Двухфакторный вход" in page


def test_the_secretariat_resets_a_lost_second_factor(
    secretariat_user, coordinator_user, audit_entries
):
    enrolled(coordinator_user)
    officer, _response = password_step(secretariat_user)
    enrol(officer)
    page = officer.get("/accounts/users/").content.decode()
    assert "Reset second factor" in page
    response = officer.post(f"/accounts/users/{coordinator_user.pk}/two-factor/reset/", follow=True)
    assert f"The second factor of {coordinator_user.email} is reset." in response.content.decode()
    assert not two_factor.has_authenticator(coordinator_user)
    [entry] = audit_entries(AuditEvent.TWO_FACTOR_RESET)
    assert entry.actor_user == secretariat_user and entry.target_id == str(coordinator_user.pk)
    _client, again = password_step(coordinator_user)
    assert again.url.startswith("/accounts/two-factor/setup/")


def test_the_secretariat_resets_a_second_factor_through_the_api(secretariat_user, coordinator_user):
    enrolled(coordinator_user)
    client, auth = Client(), bearer(secretariat_user)
    response = client.post(f"/api/users/{coordinator_user.pk}/two-factor/reset", **auth)
    assert response.status_code == 200
    assert response.json()["two_factor"]["enrolled"] is False
    again = client.post(f"/api/users/{coordinator_user.pk}/two-factor/reset", **auth)
    assert again.status_code == 409
    assert again.json()["detail"] == f"{coordinator_user.email} has no second factor to reset."


@pytest.mark.parametrize("fixture", ["chair_user", "coordinator_user", "observer_user"])
def test_only_the_secretariat_resets_second_factors(request, fixture, delegate_user):
    client, _response = password_step(delegate_user)
    enrol(client)
    caller = request.getfixturevalue(fixture)
    response = Client().post(f"/api/users/{delegate_user.pk}/two-factor/reset", **bearer(caller))
    assert response.status_code == 403
    assert two_factor.has_authenticator(delegate_user)


def test_a_session_reset_mid_way_owes_its_factor_again(secretariat_user, coordinator_user):
    """The reset takes effect on sessions already open: the device they verified is gone."""
    client, _response = password_step(coordinator_user)
    enrol(client)
    assert client.get("/accounts/me/").status_code == 200
    two_factor.reset_second_factor(actor=actor_for(secretariat_user), user=coordinator_user)
    assert client.get("/accounts/me/").url.startswith("/accounts/two-factor/setup/")


def test_the_api_session_check_itself_refuses_an_unverified_session(rf, coordinator_user):
    """ActiveSession holds even where no middleware hid the session from the API."""
    from concord.accounts.auth import ActiveSession

    request = rf.get("/api/me")
    request.user = coordinator_user
    coordinator_user.is_verified = lambda: False
    assert ActiveSession().authenticate(request, "") is None
    coordinator_user.is_verified = lambda: True
    assert ActiveSession().authenticate(request, "") == coordinator_user


def form_posting_to(page: str, action: str) -> str:
    return re.search(rf'<form method="post" action="{re.escape(action)}"[^>]*>', page).group(0)


def test_a_reset_and_a_replacement_of_recovery_codes_ask_first(secretariat_user, coordinator_user):
    """Neither can be undone: the page asks before it posts (site.js reads data-confirm)."""
    person, _response = password_step(coordinator_user)
    enrol(person)
    own = form_posting_to(
        person.get("/accounts/me/").content.decode(), "/accounts/two-factor/recovery-codes/"
    )
    assert (
        'data-confirm="Replace your recovery codes? The ones you have now stop working at once."'
        in own
    )
    officer, _response = password_step(secretariat_user)
    enrol(officer)
    page = officer.get("/accounts/users/").content.decode()
    reset = form_posting_to(page, f"/accounts/users/{coordinator_user.pk}/two-factor/reset/")
    assert (
        'data-confirm="Reset the second factor of coordinator@kz.example? The person will have '
        'to set up two-factor sign-in again at the next sign-in."'
    ) in reset
