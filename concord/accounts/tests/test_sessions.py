"""Sessions: an idle timeout and an absolute lifetime; a change of password ends the other
sessions; a deactivation and a reactivation end them all."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from concord.accounts import services
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .conftest import TODAY, sign_in

IDLE = dt.timedelta(minutes=60)
LIFETIME = dt.timedelta(hours=12)


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.SESSION_IDLE_TIMEOUT = int(IDLE.total_seconds())
    settings.SESSION_ABSOLUTE_LIFETIME = int(LIFETIME.total_seconds())


def is_signed_in(client) -> bool:
    return client.get("/api/me").status_code == 200


def test_an_idle_session_ends_with_a_message(delegate_user, audit_entries):
    client = sign_in(delegate_user)
    with clock.frozen_at(TODAY + IDLE - dt.timedelta(seconds=1)):
        assert is_signed_in(client)
    later = TODAY + 2 * IDLE - dt.timedelta(seconds=2)  # idle again since the last request
    with clock.frozen_at(later):
        assert is_signed_in(client)
    with clock.frozen_at(later + IDLE):
        response = client.get("/accounts/me/", follow=True)
        html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert "You were signed out after 60 minutes without activity." in html
    entry = audit_entries(AuditEvent.SESSION_EXPIRED)[-1]
    assert entry.data == {"reason": "idle"} and entry.actor_user == delegate_user


def test_a_session_ends_at_its_lifetime_however_busy(delegate_user):
    client = sign_in(delegate_user)
    moment = TODAY
    while moment + IDLE / 2 < TODAY + LIFETIME:
        moment += IDLE / 2
        with clock.frozen_at(moment):
            assert is_signed_in(client)
    with clock.frozen_at(TODAY + LIFETIME):
        html = client.get("/", follow=True).content.decode()
        assert "a session lasts at most 12 hours" in html
        assert not is_signed_in(client)


def test_the_message_is_in_russian_for_a_russian_reader(delegate_user):
    client = sign_in(delegate_user)
    with clock.frozen_at(TODAY + IDLE):
        html = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Вы вышли из системы после 60 минут бездействия." in html


def test_the_api_treats_an_expired_session_as_unauthenticated(delegate_user):
    client = sign_in(delegate_user)
    with clock.frozen_at(TODAY + IDLE):
        response = client.get("/api/me")
    assert response.status_code == 401


def test_the_last_seen_time_is_not_written_on_every_request(delegate_user):
    client = sign_in(delegate_user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value

    def stored():
        return Session.objects.get(session_key=key).get_decoded()[services.LAST_SEEN_AT]

    first = stored()
    with clock.frozen_at(TODAY + dt.timedelta(seconds=30)):
        client.get("/api/me")
    assert stored() == first
    with clock.frozen_at(TODAY + dt.timedelta(seconds=61)):
        client.get("/api/me")
    assert stored() == first + 61


def test_a_password_change_ends_the_other_sessions_only(delegate_user):
    here, elsewhere = sign_in(delegate_user), sign_in(delegate_user)
    response = here.post(
        "/accounts/me/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Fresh-pass-2026",
            "new_password2": "Fresh-pass-2026",
        },
    )
    assert response.status_code == 302
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)


def test_a_password_reset_ends_every_session(delegate_user):
    client = sign_in(delegate_user)
    services.reset_password(user=delegate_user, new_password="Fresh-pass-2026")
    assert not is_signed_in(client)


@pytest.mark.parametrize("reactivate", [False, True])
def test_a_deactivation_ends_every_session_for_good(delegate_user, reactivate):
    client = sign_in(delegate_user)
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    if reactivate:
        services.set_user_active(actor=SYSTEM, user=delegate_user, active=True)
    assert not is_signed_in(client)
    assert client.get("/accounts/me/").status_code == 302


def test_a_reactivated_account_signs_in_afresh(delegate_user):
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=False)
    services.set_user_active(actor=SYSTEM, user=delegate_user, active=True)
    assert is_signed_in(sign_in(delegate_user))


def test_a_session_without_a_clock_starts_one(delegate_user):
    """A session opened without the sign-in page (a test client's login) is timed from its
    first request, not ended at once."""
    client = Client()
    assert client.login(email=delegate_user.email, password=PASSWORD)
    with clock.frozen_at(TODAY + dt.timedelta(days=30)):
        assert is_signed_in(client)


def test_an_htmx_request_of_an_expired_session_sends_the_whole_page_to_sign_in(delegate_user):
    """Followed inside the request, the redirect would swap the sign-in page into the fragment;
    htmx follows HX-Redirect with the whole page, and sign-in returns to the page it was on."""
    client = sign_in(delegate_user)
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/inbox/?page=2"}
    with clock.frozen_at(TODAY + IDLE):
        response = client.post("/inbox/1/read/", **htmx)
    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == "/accounts/login/?next=/inbox/%3Fpage%3D2"
    assert not response.has_header("Location")
    # Without htmx, the redirect as ever; the API answers 401 either way.
    assert Client().post("/inbox/1/read/").url == "/accounts/login/?next=/inbox/1/read/"
    assert Client().get("/api/me", **htmx).status_code == 401


def test_an_htmx_request_from_another_site_keeps_the_requests_own_next(delegate_user):
    response = Client().get(
        "/inbox/", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="https://elsewhere.example/x"
    )
    assert response["HX-Redirect"] == "/accounts/login/?next=/inbox/"
