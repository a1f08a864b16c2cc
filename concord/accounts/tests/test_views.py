import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client

from concord.accounts.models import ApiToken, User
from concord.audit.events import AuditEvent
from concord.core import clock
from conftest import PASSWORD

from .conftest import link_in


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


def signed_in(user) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def test_sign_in_and_out_are_audited(delegate_user, audit_entries):
    client = signed_in(delegate_user)
    assert "My account" in client.get("/").content.decode()
    client.post("/accounts/logout/")
    events = [e.event for e in audit_entries()][-2:]
    assert events == [AuditEvent.LOGGED_IN, AuditEvent.LOGGED_OUT]


def test_wrong_password_is_refused_with_a_message(delegate_user):
    response = Client().post(
        "/accounts/login/", {"username": delegate_user.email, "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct e-mail address and password" in response.content.decode()


def test_password_reset_by_email_link(delegate_user, audit_entries, run_tasks):
    client = Client()
    client.post("/accounts/password-reset/", {"email": delegate_user.email})
    run_tasks()
    [message] = mail.outbox
    link = link_in(message, "/accounts/password-reset/")
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(
        form_url, {"new_password1": "Fresh-pass-2026", "new_password2": "Fresh-pass-2026"}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=delegate_user.pk).check_password("Fresh-pass-2026")
    assert audit_entries(AuditEvent.PASSWORD_RESET)[-1].actor_user == delegate_user


def test_password_change_page(delegate_user, audit_entries):
    client = signed_in(delegate_user)
    response = client.post(
        "/accounts/me/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Fresh-pass-2026",
            "new_password2": "Fresh-pass-2026",
        },
    )
    assert response.status_code == 302
    assert audit_entries(AuditEvent.PASSWORD_CHANGED)


def test_account_page_issues_a_token_once_and_revokes_it(delegate_user):
    client = signed_in(delegate_user)
    assert "You have no API tokens yet." in client.get("/accounts/me/").content.decode()
    html = client.post(
        "/accounts/me/tokens/",
        {"name": "laptop", "scope": "read", "expires_in_days": "30"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    plaintext = re.search(r'data-testid="new-token">(cnc_[^<]+)<', html).group(1)
    assert plaintext not in client.get("/accounts/me/").content.decode()
    token = ApiToken.objects.get(user=delegate_user)
    client.post(f"/accounts/me/tokens/{token.pk}/revoke/", HTTP_HX_REQUEST="true")
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_token_form_without_a_name_names_the_field(delegate_user):
    client = signed_in(delegate_user)
    response = client.post("/accounts/me/tokens/", {"name": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()


def test_secretariat_creates_an_account_from_the_users_page(secretariat_user):
    client = signed_in(secretariat_user)
    response = client.post(
        "/accounts/users/", {"email": "n@mn.example", "role": "delegate", "state": "MN"}
    )
    assert response.status_code == 302
    assert "n@mn.example" in client.get("/accounts/users/").content.decode()


def test_users_page_shows_the_binding_error_at_the_field(secretariat_user):
    client = signed_in(secretariat_user)
    response = client.post(
        "/accounts/users/", {"email": "n@tm.example", "role": "delegate", "state": "TM"}
    )
    assert response.status_code == 422
    assert "Turkmenistan is not a Member State today." in response.content.decode()


def test_delegates_cannot_open_the_users_page_or_the_audit_trail(delegate_user):
    client = signed_in(delegate_user)
    response = client.get("/accounts/users/")
    assert response.status_code == 403
    assert "Only the Secretariat can list accounts." in response.content.decode()
    assert client.get("/audit/").status_code == 403
    nav = client.get("/").content.decode()
    assert 'href="/accounts/users/"' not in nav and 'href="/audit/"' not in nav


def test_anonymous_visitors_are_sent_to_sign_in(registry):
    response = Client().get("/accounts/me/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_role_is_chosen_not_assumed(secretariat_user):
    client = signed_in(secretariat_user)
    page = client.get("/accounts/users/").content.decode()
    role_select = re.search(r'<select name="role".*?</select>', page, re.S).group(0)
    assert re.search(r'<option value="" selected>— choose a role —</option>', role_select)
    assert 'value="secretariat" selected' not in role_select
    response = client.post("/accounts/users/", {"email": "n@secretariat.example", "role": ""})
    assert response.status_code == 422
    assert '<a href="#id_role">Role: Choose a role.</a>' in response.content.decode()
    assert not User.objects.filter(email="n@secretariat.example").exists()
