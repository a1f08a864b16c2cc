"""A person's time zone changes how times are shown to them, never what the forum decides: not
whose rights hold today, not the day a decision takes effect; and a zone the machine no longer
knows leaves their pages working."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from concord.accounts.models import User
from concord.accounts.services import create_user, issue_api_token
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.inbox import services as inbox
from concord.inbox.models import Message, MessageKind
from conftest import PASSWORD

HANDOVER = dt.datetime(2024, 12, 17, 9, 0, tzinfo=dt.UTC)  # Kazakhstan hands over to Azerbaijan


def _api(user) -> Client:
    return Client(
        HTTP_AUTHORIZATION=f"Bearer {issue_api_token(actor=SYSTEM, user=user, name='t')[1]}"
    )


def test_today_is_the_sites_day_whatever_zone_is_active(settings):
    settings.TIME_ZONE = "UTC"
    with clock.frozen_at(dt.datetime(2026, 11, 27, 23, 0, tzinfo=dt.UTC)):
        with timezone.override("Pacific/Kiritimati"):
            assert clock.today() == dt.date(2026, 11, 27)
        with timezone.override("Pacific/Pago_Pago"):
            assert clock.today() == dt.date(2026, 11, 27)


@pytest.mark.parametrize("zone", ["Pacific/Pago_Pago", "Pacific/Kiritimati", ""])
def test_a_former_chair_cannot_stay_chair_by_choosing_a_zone(registry, zone):
    kz = create_user(
        actor=SYSTEM, email="c@kz.example", role="chair", state="KZ", password=PASSWORD
    )
    az = create_user(
        actor=SYSTEM, email="c@az.example", role="chair", state="AZ", password=PASSWORD
    )
    User.objects.filter(pk__in=[kz.pk, az.pk]).update(time_zone=zone)
    with clock.frozen_at(HANDOVER):
        assert _api(kz).get("/api/me").json()["rights"]["chair"] is False
        assert _api(az).get("/api/me").json()["rights"]["chair"] is True
        for user, allowed in ((kz, 403), (az, 200)):
            client = Client()
            assert client.login(email=user.email, password=PASSWORD)
            assert client.get("/decisions/open/").status_code == allowed, (user, zone)


UNKNOWN = ["Nowhere/Gone", "localtime"]


@pytest.mark.parametrize("zone", UNKNOWN)
def test_a_stored_zone_the_machine_does_not_know_shows_the_sites_times(delegate_user, zone):
    User.objects.filter(pk=delegate_user.pk).update(time_zone=zone)
    client = Client()
    assert client.login(email=delegate_user.email, password=PASSWORD)
    assert client.get("/").status_code == 200
    assert _api(delegate_user).get("/api/me").status_code == 200


def test_a_message_is_written_to_everyone_even_beside_a_zone_unknown(
    delegate_user, coordinator_user
):
    User.objects.filter(pk=delegate_user.pk).update(time_zone="Nowhere/Gone")
    delegate_user.refresh_from_db()
    inbox.send(
        recipients=[delegate_user, coordinator_user],
        kind=MessageKind.PROCEDURE_OPENED,
        write=lambda: ("Subject", "Body"),
        link="/",
    )
    assert Message.objects.count() >= 1


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "Factory"])
def test_a_machine_alias_is_not_a_time_zone(delegate_user, zone):
    got = _api(delegate_user).patch("/api/me", {"time_zone": zone}, content_type="application/json")
    assert (got.status_code, got.json()["field"]) == (422, "time_zone")
    delegate_user.refresh_from_db()
    assert delegate_user.time_zone == ""


def test_the_session_cannot_change_preferences_without_the_csrf_token(delegate_user):
    client = Client(enforce_csrf_checks=True)
    assert client.login(email=delegate_user.email, password=PASSWORD)
    got = client.patch("/api/me", {"time_zone": "Asia/Almaty"}, content_type="application/json")
    assert got.status_code in (401, 403)
    page = client.post("/accounts/me/preferences/", {"language": "ru", "time_zone": "Asia/Almaty"})
    assert page.status_code == 403
    delegate_user.refresh_from_db()
    assert (delegate_user.language, delegate_user.time_zone) == ("", "")


@pytest.mark.parametrize(
    ("body", "refused"),
    [
        ({"role": "secretariat"}, False),  # an unknown field is ignored, as across the API
        ({"time_zone": "Asia/Almaty", "role": "secretariat"}, False),
        ({"language": "ru", "time_zone": "../../etc/passwd"}, True),
        ({"language": "xx", "time_zone": "Asia/Almaty"}, True),
        ("ru", True),
    ],
)
def test_nothing_else_and_nothing_half_is_changed(delegate_user, body, refused):
    got = _api(delegate_user).patch("/api/me", body, content_type="application/json")
    delegate_user.refresh_from_db()
    assert delegate_user.role == "delegate"
    if refused:
        assert got.status_code in (400, 422), got.content[:300]
        assert (delegate_user.language, delegate_user.time_zone) == ("", "")
    else:
        assert got.status_code == 200 and got.json()["role"] == "delegate"


def test_a_zone_left_out_is_not_checked_again(delegate_user):
    """A stored zone the machine no longer knows does not stop a change of language alone."""
    User.objects.filter(pk=delegate_user.pk).update(time_zone="Nowhere/Gone")
    got = _api(delegate_user).patch("/api/me", {"language": "ru"}, content_type="application/json")
    assert got.status_code == 200, got.content
    delegate_user.refresh_from_db()
    assert (delegate_user.language, delegate_user.time_zone) == ("ru", "Nowhere/Gone")
