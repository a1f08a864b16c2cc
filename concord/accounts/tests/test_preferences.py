"""A person's language and time zone: chosen on the account page or by the API, audited, and
read by every page they open."""

import datetime as dt
import json

import pytest
from django.conf import settings
from django.test import Client

from concord.accounts import services
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidInput, NotPermitted
from conftest import PASSWORD


def signed_in(user, **headers) -> Client:
    client = Client(**headers)
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_a_person_chooses_a_language_and_a_time_zone(coordinator_user, audit_entries):
    services.set_preferences(
        actor=actor_for(coordinator_user), language="ru", time_zone="Asia/Almaty"
    )
    coordinator_user.refresh_from_db()
    assert (coordinator_user.language, coordinator_user.time_zone) == ("ru", "Asia/Almaty")
    [entry] = audit_entries(AuditEvent.PREFERENCES_CHANGED)
    assert entry.data == {
        "before": {"language": "", "time_zone": ""},
        "after": {"language": "ru", "time_zone": "Asia/Almaty"},
    }


def test_saving_the_same_choice_again_writes_no_audit_entry(coordinator_user, audit_entries):
    actor = actor_for(coordinator_user)
    services.set_preferences(actor=actor, language="ru", time_zone="Asia/Almaty")
    services.set_preferences(actor=actor, language="ru", time_zone="Asia/Almaty")
    assert len(audit_entries(AuditEvent.PREFERENCES_CHANGED)) == 1


@pytest.mark.parametrize(
    ("language", "zone", "field", "message"),
    [
        ("de", "", "language", "The language is one of en, ru"),
        ("", "Mars/Olympus", "time_zone", "'Mars/Olympus' is not a time zone"),
        ("", "asia/almaty", "time_zone", "is not a time zone"),
    ],
)
def test_a_language_or_zone_that_does_not_exist_is_refused(
    coordinator_user, language, zone, field, message
):
    with pytest.raises(InvalidInput, match=message) as refused:
        services.set_preferences(
            actor=actor_for(coordinator_user), language=language, time_zone=zone
        )
    assert refused.value.field == field


def test_the_system_has_no_preferences(db):
    with pytest.raises(NotPermitted):
        services.set_preferences(actor=SYSTEM, language="ru", time_zone="")


def test_the_account_page_saves_them_and_clears_the_switchs_cookie(coordinator_user):
    client = signed_in(coordinator_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        "/accounts/me/preferences/", {"language": "ru", "time_zone": "Asia/Tokyo"}
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    page = client.get("/accounts/me/").content.decode()
    assert "Язык и часовой пояс" in page
    assert '<option value="Asia/Tokyo" selected>' in page


def test_a_refused_choice_shows_in_the_summary_and_at_its_field(coordinator_user):
    client = signed_in(coordinator_user)
    response = client.post("/accounts/me/preferences/", {"language": "de", "time_zone": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'data-testid="error-summary"' in page
    assert 'href="#id_language"' in page


def test_the_api_reads_and_changes_them(coordinator_user, audit_entries):
    client = signed_in(coordinator_user)
    me = client.get("/api/me").json()
    assert (me["language"], me["time_zone"], me["time_zone_chosen"]) == (None, "UTC", False)
    _token, plaintext = services.issue_api_token(
        actor=actor_for(coordinator_user), user=coordinator_user, name="t", scope="write"
    )
    script = Client(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    answer = script.patch(
        "/api/me", json.dumps({"time_zone": "Asia/Almaty"}), content_type="application/json"
    ).json()
    assert answer["time_zone"] == "Asia/Almaty"
    assert answer["time_zone_chosen"] is True
    assert answer["language"] is None  # left out: unchanged
    [entry] = audit_entries(AuditEvent.PREFERENCES_CHANGED)
    assert entry.data["after"] == {"language": "", "time_zone": "Asia/Almaty"}
    refused = script.patch(
        "/api/me", json.dumps({"time_zone": "Nowhere"}), content_type="application/json"
    )
    assert refused.status_code == 422
    assert refused.json()["field"] == "time_zone"


def test_the_preferred_language_is_used_unless_the_switch_chose_one(coordinator_user):
    coordinator_user.language = "ru"
    coordinator_user.save(update_fields=["language"])
    client = signed_in(coordinator_user, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="ru"' in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en"' in client.get("/").content.decode()


def test_without_a_preference_the_browser_decides(coordinator_user):
    client = signed_in(coordinator_user, HTTP_ACCEPT_LANGUAGE="ru")
    assert '<html lang="ru"' in client.get("/").content.decode()


def test_pages_show_times_in_the_persons_time_zone(coordinator_user, secretariat_user):
    from concord.decisions import services as decisions
    from concord.decisions.requests import ProcedureRequest, SubjectRequest

    deadline = clock.now().replace(microsecond=0) + dt.timedelta(days=3)
    decisions.open_procedure(
        actor=actor_for(secretariat_user),
        request=ProcedureRequest(
            title="Water",
            subject=SubjectRequest("text", text="We agree."),
            mode="silence",
            deadline=deadline,
        ),
    )
    coordinator_user.time_zone = "Asia/Almaty"  # UTC+5
    coordinator_user.save(update_fields=["time_zone"])
    page = signed_in(coordinator_user).get("/decisions/").content.decode()
    assert "Deadline (Asia/Almaty)" in page
    assert f"{deadline + dt.timedelta(hours=5):%Y-%m-%d %H:%M}" in page
    utc = signed_in(secretariat_user).get("/decisions/").content.decode()
    assert "Deadline (UTC)" in utc
    assert f"{deadline:%Y-%m-%d %H:%M}" in utc
