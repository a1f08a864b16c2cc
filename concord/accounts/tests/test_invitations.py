"""A new account without a password is invited to set one: created from the page, the API or
the command line, the e-mail read from the outbox, the link followed, the password set, and
the person signed in."""

import datetime as dt
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client

from concord.accounts import invitations, services
from concord.accounts.models import Invitation, User
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidTransition, NotPermitted

from .conftest import TODAY, last_mail_to, link_in, sign_in

NEW_PASSWORD = "Steppe-wind-2026"


def accept(link: str, password: str = NEW_PASSWORD) -> Client:
    """Follow an invitation link, set the password and sign in with it."""
    client = Client()
    page = client.get(link)
    assert page.status_code == 200
    assert "Set your password" in page.content.decode()
    response = client.post(link, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302 and response.url == "/accounts/login/"
    signed_in = client.post("/accounts/login/", {"username": email_of(link), "password": password})
    assert signed_in.status_code == 302
    assert client.get("/api/me").json()["email"] == email_of(link)
    return client


def email_of(link: str) -> str:
    number = link.rstrip("/").rsplit("/", 1)[-1].split("-")[0]
    return Invitation.objects.get(pk=number).user.email


def invitation_link(address: str) -> str:
    return link_in(last_mail_to(address), "/accounts/invitation/")


def test_an_account_created_on_the_users_page_is_invited_and_signs_in(
    secretariat_user, run_tasks, django_capture_on_commit_callbacks, audit_entries
):
    officer = sign_in(secretariat_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            "/accounts/users/", {"email": "aigerim@kz.example", "role": "delegate", "state": "KZ"}
        )
    assert response.status_code == 302
    assert mail.outbox == []  # the e-mail leaves from the worker, not the request
    assert run_tasks() == [True]
    message = last_mail_to("aigerim@kz.example")
    assert message.subject == (
        "Concord: set the password of your account / Concord: задайте пароль учётной записи"
    )
    assert "Delegate for Kazakhstan" in message.body and "делегат" in message.body.lower()
    assert f"{settings.SITE_URL}/accounts/login/" in message.body
    accept(invitation_link("aigerim@kz.example"))
    entry = audit_entries(AuditEvent.INVITATION_ACCEPTED)[-1]
    assert entry.actor_label == "aigerim@kz.example"
    assert audit_entries(AuditEvent.INVITATION_SENT)[-1].actor_user == secretariat_user


def test_an_account_created_through_the_api_is_invited(
    secretariat_user, run_tasks, django_capture_on_commit_callbacks
):
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            "/api/users",
            {"email": "bolot@kg.example", "role": "coordinator", "state": "KG"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {plaintext}",
        )
    assert response.status_code == 201
    body = response.json()
    assert body["has_password"] is False
    assert body["invitation_expires_at"].startswith("2026-12-04")
    run_tasks()
    accept(invitation_link("bolot@kg.example"))
    assert User.objects.get(email="bolot@kg.example").has_usable_password()


def test_an_account_created_on_the_command_line_is_invited(
    registry, run_tasks, django_capture_on_commit_callbacks
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "createuser", "chen@cn.example", "--role", "delegate", "--state", "CN", stdout=out
        )
    assert "An invitation to set a password is on its way to chen@cn.example" in out.getvalue()
    run_tasks()
    accept(invitation_link("chen@cn.example"))


def test_an_account_created_with_a_password_is_not_invited(
    registry, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.create_user(
            actor=SYSTEM, email="p@secretariat.example", role="secretariat", password=NEW_PASSWORD
        )
    assert run_tasks() == [] and not Invitation.objects.exists()


@pytest.fixture
def invited(registry, run_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = services.create_user(actor=SYSTEM, email="d@in.example", role="delegate", state="IN")
    run_tasks()
    return user


def test_the_link_works_once(invited):
    link = invitation_link(invited.email)
    accept(link)
    again = Client().get(link)
    assert again.status_code == 404
    assert "can no longer be used" in again.content.decode()


def test_the_link_expires_after_the_setting(invited):
    link = invitation_link(invited.email)
    days = settings.ACCOUNT_INVITATION_DAYS
    with clock.frozen_at(TODAY + dt.timedelta(days=days, seconds=-1)):
        assert Client().get(link).status_code == 200
    with clock.frozen_at(TODAY + dt.timedelta(days=days)):
        assert Client().get(link).status_code == 404


def test_the_link_dies_once_a_password_is_set_another_way(invited):
    link = invitation_link(invited.email)
    services.reset_password(user=invited, new_password=NEW_PASSWORD)
    assert Client().get(link).status_code == 404


def test_the_link_dies_with_a_deactivation(invited):
    link = invitation_link(invited.email)
    services.set_user_active(actor=SYSTEM, user=invited, active=False)
    assert Client().get(link).status_code == 404


@pytest.mark.parametrize("tamper", ["1-" + "0" * 64, "x-y", "99999999999999999999-a", ""])
def test_a_forged_link_looks_dead(invited, tamper):
    assert Client().get(f"/accounts/invitation/{tamper}x/").status_code == 404


def test_a_weak_or_mismatched_password_is_refused_at_the_field(invited):
    link = invitation_link(invited.email)
    client = Client()
    weak = client.post(link, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 422
    html = weak.content.decode()
    assert 'data-testid="error-summary"' in html and "This password is entirely numeric." in html
    assert 'href="#id_new_password2"' in html
    mismatch = client.post(link, {"new_password1": NEW_PASSWORD, "new_password2": "Other-2026!"})
    assert mismatch.status_code == 422 and "didn’t match" in mismatch.content.decode()
    assert not User.objects.get(pk=invited.pk).has_usable_password()


def test_the_page_speaks_russian(invited):
    link = invitation_link(invited.email)
    html = Client(HTTP_ACCEPT_LANGUAGE="ru").get(link).content.decode()
    assert "Задайте пароль" in html
    weak = Client(HTTP_ACCEPT_LANGUAGE="ru").post(
        link, {"new_password1": "1", "new_password2": "1"}
    )
    assert "Обнаружена ошибка" in weak.content.decode()


def test_the_secretariat_sends_a_new_invitation_which_replaces_the_old(
    invited, secretariat_user, run_tasks, django_capture_on_commit_callbacks, audit_entries
):
    old = invitation_link(invited.email)
    officer = sign_in(secretariat_user)
    assert "not set yet; invitation valid until 4 December 2026" in (
        officer.get("/accounts/users/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(f"/accounts/users/{invited.pk}/invitation/")
    assert response.status_code == 302
    run_tasks()
    new = invitation_link(invited.email)
    assert new != old
    assert Client().get(old).status_code == 404
    assert len(audit_entries(AuditEvent.INVITATION_SENT)) == 2
    accept(new)


def test_the_api_sends_a_new_invitation(invited, secretariat_user, run_tasks):
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    response = Client().post(
        f"/api/users/{invited.pk}/invitation", HTTP_AUTHORIZATION=f"Bearer {plaintext}"
    )
    assert response.status_code == 201
    assert response.json()["email"] == invited.email
    assert response.json()["expires_at"].startswith("2026-12-04")


def test_only_the_secretariat_sends_invitations(invited, coordinator_user):
    with pytest.raises(NotPermitted, match=r"Only the Secretariat can send invitations\."):
        invitations.invite(actor=actor_for(coordinator_user), user=invited)
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=coordinator_user, name="t")
    response = Client().post(
        f"/api/users/{invited.pk}/invitation", HTTP_AUTHORIZATION=f"Bearer {plaintext}"
    )
    assert response.status_code == 403
    assert (
        sign_in(coordinator_user).post(f"/accounts/users/{invited.pk}/invitation/").status_code
        == 403
    )


def test_no_invitation_for_an_account_with_a_password_or_a_deactivated_one(
    invited, delegate_user, secretariat_user
):
    with pytest.raises(InvalidTransition, match="already has a password"):
        invitations.invite(actor=SYSTEM, user=delegate_user)
    services.set_user_active(actor=SYSTEM, user=invited, active=False)
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    response = Client().post(
        f"/api/users/{invited.pk}/invitation", HTTP_AUTHORIZATION=f"Bearer {plaintext}"
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "The account is deactivated; reactivate it first."


def test_an_invitation_that_died_before_the_worker_ran_is_not_sent(
    registry, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = services.create_user(actor=SYSTEM, email="e@in.example", role="delegate", state="IN")
    services.set_user_active(actor=SYSTEM, user=user, active=False)
    assert run_tasks() == [False]
    assert mail.outbox == []


def test_a_never_set_password_can_be_reset_instead(invited, run_tasks):
    """Django's own reset skipped accounts without a usable password while answering "sent"."""
    link = invitation_link(invited.email)
    mail.outbox.clear()
    Client().post("/accounts/password-reset/", {"email": invited.email})
    assert run_tasks() == [True]
    reset = link_in(last_mail_to(invited.email), "/accounts/password-reset/")
    client = Client()
    form_url = client.get(reset).url
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    sign_in(invited, NEW_PASSWORD)
    assert Client().get(link).status_code == 404


def test_a_link_survives_a_rotation_of_the_secret_key(invited, settings):
    link = invitation_link(invited.email)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "k" * 50
    assert Client().get(link).status_code == 200
    settings.SECRET_KEY_FALLBACKS = []
    assert Client().get(link).status_code == 404


def test_a_reactivation_does_not_revive_the_link(invited, secretariat_user):
    link = invitation_link(invited.email)
    services.set_user_active(actor=SYSTEM, user=invited, active=False)
    services.set_user_active(actor=SYSTEM, user=invited, active=True)
    dead = Client().get(link)
    assert dead.status_code == 404 and "can no longer be used" in dead.content.decode()
    refused = Client().post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert refused.status_code == 404
    assert not User.objects.get(pk=invited.pk).has_usable_password()
    page = sign_in(secretariat_user).get("/accounts/users/").content.decode()
    assert "not set; no valid invitation" in page and "invitation valid until" not in page


def test_a_deactivation_revokes_the_open_invitation_and_says_so(invited, audit_entries):
    services.set_user_active(actor=SYSTEM, user=invited, active=False)
    [invitation] = Invitation.objects.filter(user=invited)
    assert invitation.revoked_at == TODAY and invitation.accepted_at is None
    entry = audit_entries(AuditEvent.USER_DEACTIVATED)[-1]
    assert entry.data["invitations_revoked"] == [invitation.pk]
    assert entry.summary == "d@in.example deactivated; 1 invitation link(s) revoked"


def test_the_users_page_shows_no_valid_invitation_for_a_deactivated_account(
    invited, secretariat_user
):
    services.set_user_active(actor=SYSTEM, user=invited, active=False)
    officer = sign_in(secretariat_user)
    page = officer.get("/accounts/users/").content.decode()
    assert "not set; no valid invitation" in page and "invitation valid until" not in page
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    shown = Client().get(f"/api/users/{invited.pk}", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert shown.json()["invitation_expires_at"].startswith("2026-11-27")
