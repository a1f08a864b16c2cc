"""Password reset: the request never looks the account up (the worker does), so its answer
and its time are the same for every address; the link dies with a deactivation."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from concord.accounts import services
from concord.accounts.models import PASSWORD_MAX_LENGTH
from concord.core.actors import SYSTEM

from .conftest import last_mail_to, link_in, sign_in


def ask_for_a_reset(email: str, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = Client(**headers).post("/accounts/password-reset/", {"email": email})
    return response, [q["sql"] for q in queries.captured_queries]


def test_the_request_does_not_look_the_address_up(delegate_user, run_tasks):
    known, known_sql = ask_for_a_reset(delegate_user.email)
    unknown, unknown_sql = ask_for_a_reset("nobody@nowhere.example")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert known.url == "/accounts/password-reset/sent/"
    assert not [sql for sql in known_sql + unknown_sql if "accounts_user" in sql]
    assert mail.outbox == []
    assert run_tasks() == [True, False]  # the worker looks up, and writes to the account only
    assert [m.to for m in mail.outbox] == [[delegate_user.email]]


def test_the_mail_is_in_the_language_of_the_request(delegate_user, run_tasks):
    ask_for_a_reset(delegate_user.email, HTTP_ACCEPT_LANGUAGE="ru")
    run_tasks()
    message = last_mail_to(delegate_user.email)
    assert message.subject == "Concord: установка нового пароля"
    assert link_in(message, "/accounts/password-reset/")


def test_no_mail_for_a_deactivated_account(delegate_user, run_tasks):
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    ask_for_a_reset(delegate_user.email)
    assert run_tasks() == [False] and mail.outbox == []


@pytest.mark.parametrize("reactivate", [False, True])
def test_a_link_sent_before_a_deactivation_is_dead(delegate_user, run_tasks, reactivate):
    ask_for_a_reset(delegate_user.email)
    run_tasks()
    link = link_in(last_mail_to(delegate_user.email), "/accounts/password-reset/")
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    if reactivate:
        services.set_user_active(actor=SYSTEM, user=delegate_user, active=True)
    client = Client()
    page = client.get(link, follow=True)
    assert "This link is invalid or has already been used." in page.content.decode()


def test_a_malformed_address_is_refused_at_the_field(registry):
    response, _sql = ask_for_a_reset("not an address")
    assert response.status_code == 422
    assert "Enter a valid email address." in response.content.decode()


def test_an_endless_password_is_refused_by_the_forms_too(delegate_user):
    client = sign_in(delegate_user)
    long = "Pw-" + "x" * PASSWORD_MAX_LENGTH
    response = client.post(
        "/accounts/me/password/",
        {"old_password": "Consensus-2026!", "new_password1": long, "new_password2": long},
    )
    assert response.status_code == 200
    assert "This password is longer than 4096 characters." in response.content.decode()


def test_a_weak_new_password_is_summarised_and_shown_at_its_field(delegate_user, run_tasks):
    ask_for_a_reset(delegate_user.email)
    run_tasks()
    client = Client()
    form_url = client.get(
        link_in(last_mail_to(delegate_user.email), "/accounts/password-reset/")
    ).url
    response = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
    html = response.content.decode()
    assert 'data-testid="error-summary"' in html and 'href="#id_new_password2"' in html
    assert html.count("This password is entirely numeric.") == 2  # in the summary, at the field
