"""The Secretariat sees every e-mail delivery, the failures in words, and sends one again:
on the page (both languages) and through the API."""

import datetime as dt

import pytest
from django.test import Client

from concord.accounts.services import issue_api_token
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.inbox import services
from concord.inbox.models import Delivery
from conftest import PASSWORD

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _now():
    with clock.frozen_at(NOW):
        yield


def web(user) -> Client:
    client = Client()
    client.login(email=user.email, password=PASSWORD)
    return client


def api(user) -> Client:
    _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def deliveries(settings, coordinator_user, delegate_user, mail_worker):
    """One e-mail sent (to the delegate) and one failed (the coordinator's address refused)."""
    from django.db import transaction

    from . import backends

    settings.EMAIL_BACKEND = "concord.inbox.tests.backends.RefusingBackend"
    settings.MAIL_ATTEMPTS = 1
    coordinator_user.display_name = "Aigerim Nurlanovna"
    coordinator_user.save(update_fields=["display_name"])
    backends.REFUSED.add(coordinator_user.email)
    with transaction.atomic():
        services.send(
            recipients=[coordinator_user, delegate_user], kind="k", subject="Outcome: CICA Day",
            body="The procedure closed: adopted.", link="/decisions/1/",
        )  # fmt: skip
    for delivery in Delivery.objects.all():
        services.deliver(delivery.pk)
    backends.REFUSED.clear()
    return {d.status: d for d in Delivery.objects.all()}


def test_the_page_shows_a_failure_in_words_with_the_persons_name(deliveries, secretariat_user):
    html = web(secretariat_user).get("/inbox/deliveries/").content.decode()
    assert "2 e-mails" in html
    assert "To Aigerim Nurlanovna (coordinator@kz.example)" in html
    assert "The mail server refused the address." in html and "No such user" in html
    assert "Failed: the last of 1 attempt was at 2026-11-27 09:00 UTC." in html
    assert "Sent at 2026-11-27 09:00 UTC, at the first attempt." in html
    assert html.count(">Send again<") == 1  # the failed one only
    assert "The procedure closed" not in html  # bodies may hold one-time links: never shown


def test_the_page_in_russian(deliveries, secretariat_user):
    client = web(secretariat_user)
    client.cookies["django_language"] = "ru"
    html = client.get("/inbox/deliveries/").content.decode()
    assert "Доставка почты" in html and "Почтовый сервер отклонил адрес." in html
    assert "Отправить снова" in html


def test_the_page_filters_by_status(deliveries, secretariat_user):
    client = web(secretariat_user)
    failed = client.get("/inbox/deliveries/", {"status": "failed"}).content.decode()
    assert "1 e-mail<" in failed and "coordinator@kz.example" in failed
    assert "delegate@in.example" not in failed
    problems = client.get("/inbox/deliveries/", {"status": "problem"}).content.decode()
    assert "coordinator@kz.example" in problems and "delegate@in.example" not in problems
    empty = client.get("/inbox/deliveries/", {"status": "pending"}).content.decode()
    assert "No e-mails match." in empty
    wrong = client.get("/inbox/deliveries/", {"status": "lost"})
    assert wrong.status_code == 422 and "Unknown status" in wrong.content.decode()


def test_the_page_says_what_a_waiting_or_stalled_e_mail_is_doing(
    secretariat_user, coordinator_user
):
    from django.db import transaction

    with transaction.atomic():
        services.send(
            recipients=[coordinator_user], kind="k", subject="S", body="B", link="/decisions/1/"
        )
    client = web(secretariat_user)
    html = client.get("/inbox/deliveries/").content.decode()
    assert "Waiting to be sent from 2026-11-27 09:00 UTC; 0 attempts so far." in html
    assert "is the task worker (concord worker) running?" not in html
    with clock.frozen_at(NOW + dt.timedelta(minutes=16)):
        html = client.get("/inbox/deliveries/").content.decode()
        assert "is the task worker (concord worker) running?" in html
        Delivery.objects.update(status=Delivery.Status.SENDING, last_attempt_at=NOW)
        html = client.get("/inbox/deliveries/").content.decode()
    assert "Being sent since 2026-11-27 09:00 UTC." in html
    assert "The sending stopped half-way" in html


def test_the_page_is_paginated(secretariat_user, coordinator_user):
    from django.db import transaction

    with transaction.atomic():
        for n in range(51):
            services.send(
                recipients=[coordinator_user],
                kind="k",
                subject=f"S{n}",
                body="B",
                link="/decisions/1/",
            )
    client = web(secretariat_user)
    assert "Page 1 of 2" in client.get("/inbox/deliveries/").content.decode()
    second = client.get("/inbox/deliveries/", {"page": 2}).content.decode()
    assert second.split('data-testid="deliveries"')[1].split("</ul>")[0].count("<li>") == 1


@pytest.mark.parametrize("who", ["coordinator_user", "chair_user", "observer_user"])
def test_only_the_secretariat_sees_the_page(who, deliveries, request):
    client = web(request.getfixturevalue(who))
    response = client.get("/inbox/deliveries/")
    assert response.status_code == 403
    assert "Only the Secretariat can see e-mail deliveries." in response.content.decode()
    failed = deliveries["failed"]
    assert client.get(f"/inbox/deliveries/{failed.pk}/send-again/").status_code == 403
    assert client.post(f"/inbox/deliveries/{failed.pk}/send-again/").status_code == 403
    assert "E-mail" not in client.get("/").content.decode().split("</nav>")[0]


def test_anonymous_visitors_are_sent_to_sign_in(deliveries):
    response = Client().get("/inbox/deliveries/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_secretariat_sees_the_count_of_problems_in_the_navigation(deliveries, secretariat_user):
    nav = web(secretariat_user).get("/").content.decode().split("</nav>")[0]
    assert 'href="/inbox/deliveries/?status=problem">E-mail (1 problem)</a>' in nav
    Delivery.objects.update(status="sent")
    nav = web(secretariat_user).get("/").content.decode().split("</nav>")[0]
    assert 'href="/inbox/deliveries/">E-mail</a>' in nav


def test_sending_again_asks_first_then_sends(
    deliveries, secretariat_user, mail_worker, audit_entries
):
    client, failed = web(secretariat_user), deliveries["failed"]
    confirm = client.get(f"/inbox/deliveries/{failed.pk}/send-again/")
    html = confirm.content.decode()
    assert confirm.status_code == 200 and "Outcome: CICA Day" in html
    assert 'type="submit" data-module="govuk-button">Send again</button>' in html
    assert Delivery.objects.get(pk=failed.pk).status == "failed"  # asking changed nothing
    response = client.post(f"/inbox/deliveries/{failed.pk}/send-again/", follow=True)
    assert "The e-mail to coordinator@kz.example will be sent again." in response.content.decode()
    assert audit_entries(AuditEvent.DELIVERY_SENT_AGAIN)
    assert Delivery.objects.get(pk=failed.pk).status == "pending"


def test_a_sent_e_mail_offers_nothing_to_send_again(deliveries, secretariat_user):
    client, sent = web(secretariat_user), deliveries["sent"]
    html = client.get(f"/inbox/deliveries/{sent.pk}/send-again/").content.decode()
    assert "Only a failed or stalled e-mail can be sent again." in html
    assert "Send again</button>" not in html
    response = client.post(f"/inbox/deliveries/{sent.pk}/send-again/")
    assert response.status_code == 409 and "This e-mail is sent" in response.content.decode()
    assert client.get("/inbox/deliveries/999999/send-again/").status_code == 404


def test_the_api_lists_failed_deliveries(deliveries, secretariat_user):
    response = api(secretariat_user).get("/api/deliveries", {"status": "failed"})
    assert response.status_code == 200
    [item] = response.json()["items"]
    failed = deliveries["failed"]
    assert item == {
        "id": failed.pk, "recipient_id": failed.recipient_id,
        "recipient_name": "Aigerim Nurlanovna", "address": "coordinator@kz.example",
        "subject": "Outcome: CICA Day", "status": "failed", "attempts": 1,
        "failure": "recipient_refused", "failure_text": "The mail server refused the address.",
        "error": failed.error, "stalled": False, "can_send_again": True,
        "created_at": "2026-11-27T09:00:00Z", "last_attempt_at": "2026-11-27T09:00:00Z",
        "next_attempt_at": None, "sent_at": None,
    }  # fmt: skip
    assert api(secretariat_user).get("/api/deliveries").json()["count"] == 2


def test_the_api_refuses_others_and_bad_filters(deliveries, secretariat_user, coordinator_user):
    forbidden = api(coordinator_user).get("/api/deliveries")
    assert forbidden.status_code == 403
    assert forbidden.json()["detail"] == "Only the Secretariat can see e-mail deliveries."
    assert Client().get("/api/deliveries").status_code == 401
    assert api(secretariat_user).get("/api/deliveries", {"status": "lost"}).status_code == 422


def test_the_api_sends_again(deliveries, secretariat_user, coordinator_user):
    failed, sent = deliveries["failed"], deliveries["sent"]
    path = f"/api/deliveries/{failed.pk}/send-again"
    denied = api(coordinator_user).post(path)
    assert denied.status_code == 403
    assert denied.json()["detail"] == "Only the Secretariat can send an e-mail again."
    response = api(secretariat_user).post(path)
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["attempts"]) == ("pending", 0)
    again = api(secretariat_user).post(f"/api/deliveries/{sent.pk}/send-again")
    assert again.status_code == 409
    missing = api(secretariat_user).post("/api/deliveries/999999/send-again")
    assert missing.status_code == 404 and missing.json()["field"] == "id"
