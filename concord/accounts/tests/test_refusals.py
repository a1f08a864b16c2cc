"""Each operation on accounts that only the Secretariat may do is refused by its own name, by
the API and by the pages alike, in the caller's language."""

import pytest
from django.test import Client
from django.utils import translation

from concord.accounts import services
from concord.core.actors import SYSTEM

LIST = "Only the Secretariat can list accounts."
SEE = "Only the Secretariat can see accounts."
SET_ACTIVE = "Only the Secretariat can deactivate or reactivate accounts."
INVITE = "Only the Secretariat can send invitations."
LIFT_LOCKOUT = "Only the Secretariat can lift a sign-in lockout."
RESET = "Only the Secretariat can reset a second factor."


def bearer(user) -> dict:
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.mark.parametrize(
    ("method", "path", "refusal"),
    [
        ("get", "/api/users", LIST),
        ("get", "/api/users/{id}", SEE),
        ("patch", "/api/users/{id}", SET_ACTIVE),
        ("post", "/api/users/{id}/invitation", INVITE),
        ("get", "/api/users/{id}/sign-in", SEE),
        ("post", "/api/users/{id}/unlock", LIFT_LOCKOUT),
        ("post", "/api/users/{id}/two-factor/reset", RESET),
    ],
)
def test_the_api_names_the_operation_refused(
    coordinator_user, delegate_user, method, path, refusal
):
    response = getattr(Client(), method)(
        path.format(id=delegate_user.pk),
        {"active": False} if method == "patch" else None,
        content_type="application/json",
        **bearer(coordinator_user),
    )
    assert response.status_code == 403
    assert response.json() == {"detail": refusal, "field": None}


@pytest.mark.parametrize(
    ("path", "refusal"),
    [
        ("/accounts/users/{id}/active/", SET_ACTIVE),
        ("/accounts/users/{id}/invitation/", INVITE),
        ("/accounts/users/{id}/unlock/", LIFT_LOCKOUT),
        ("/accounts/users/{id}/two-factor/reset/", RESET),
    ],
)
def test_the_pages_name_the_operation_refused(coordinator_user, delegate_user, path, refusal):
    client = Client()
    client.force_login(coordinator_user)
    response = client.post(path.format(id=delegate_user.pk), {"active": "0"})
    assert response.status_code == 403
    assert refusal in response.content.decode()


def test_a_refusal_is_in_the_callers_language(coordinator_user, delegate_user):
    with translation.override("en"):  # the request's Russian stays in the request
        client = Client(HTTP_ACCEPT_LANGUAGE="ru", **bearer(coordinator_user))
        reset = client.post(f"/api/users/{delegate_user.pk}/two-factor/reset")
        seen = client.get(f"/api/users/{delegate_user.pk}")
    assert reset.json()["detail"] == "Сбросить второй фактор может только Секретариат."
    assert seen.json()["detail"] == "Просматривать учётные записи может только Секретариат."
