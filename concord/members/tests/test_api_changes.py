"""GET /api/members/changes, and the record's limits on GET /api/members."""

import datetime as dt

import pytest
from django.test import Client

from concord.core import clock


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


@pytest.fixture
def api(registry):
    return Client()


def test_changes_between_two_days(api):
    response = api.get("/api/members/changes", {"from": "2010-01-01", "to": "2011-12-31"})
    assert response.status_code == 200
    body = response.json()
    assert body["from"] == "2010-01-01" and body["to"] == "2011-12-31"
    iraq, vietnam, bahrain, _ = body["changes"]
    assert iraq == {
        "day": "2010-06-08",
        "precision": "month",
        "kind": "joined",
        "iso2": "IQ",
        "code": "IQ",
        "name_en": "Iraq",
        "name_ru": "Ирак",
        "before": None,
        "after": "member",
    }
    assert (vietnam["kind"], vietnam["before"], vietnam["after"]) == (
        "status_changed",
        "observer",
        "member",
    )
    assert (bahrain["day"], bahrain["precision"]) == ("2011-01-01", "year")


def test_changes_list_who_left(api):
    body = api.get("/api/members/changes", {"from": "2024-06-01", "to": "2025-01-01"}).json()
    left = [c for c in body["changes"] if c["kind"] == "left"]
    assert {c["code"] for c in left} == {"AU", "LB"}
    assert all(c["after"] is None and c["before"] == "observer" for c in left)


def test_no_changes_is_an_empty_list(api):
    body = api.get("/api/members/changes", {"from": "2019-01-01", "to": "2020-01-01"}).json()
    assert body["changes"] == []


@pytest.mark.parametrize(
    ("query", "field", "says"),
    [
        ({"from": "2011-01-01", "to": "2010-01-01"}, "to", "must not be after"),
        ({"from": "1985-01-01", "to": "2010-01-01"}, "from", "The record starts in 1992"),
        ({"from": "2010-01-01", "to": "2030-01-01"}, "to", "is in the future"),
        ({"from": "2010-13-01", "to": "2011-01-01"}, "from", ""),
        ({"to": "2011-01-01"}, "from", ""),
    ],
)
def test_changes_refused_with_422_naming_the_field(api, query, field, says):
    response = api.get("/api/members/changes", query)
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == field and says in body["detail"]


@pytest.mark.parametrize(
    ("as_of", "says"),
    [("1991-12-31", "The record starts in 1992"), ("2026-11-28", "is in the future")],
)
def test_members_outside_the_record_is_422_not_todays_list(api, as_of, says):
    response = api.get("/api/members", {"as_of": as_of})
    assert response.status_code == 422
    assert response.json()["field"] == "as_of" and says in response.json()["detail"]


def test_members_on_the_first_day_of_the_record_is_an_empty_list(api):
    assert api.get("/api/members", {"as_of": "1992-01-01"}).json() == []


def test_state_history_keeps_iso_dates_and_precision(api):
    korea = api.get("/api/states/KR").json()
    observer = korea["memberships"][0]
    assert (observer["since"], observer["since_precision"]) == ("2004-01-01", "year")
