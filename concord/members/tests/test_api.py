import pytest
from django.test import Client

from concord.core import clock


@pytest.fixture
def api(registry):
    return Client()


@pytest.fixture(autouse=True)
def _today():
    import datetime as dt

    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


def test_members_as_of_the_day_before_korea_joined(api):
    response = api.get("/api/members", {"as_of": "2006-06-16", "status": "member"})
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == 17
    assert {"iso2", "name_en", "name_ru", "status", "since", "until"} <= rows[0].keys()
    assert "KR" not in {r["iso2"] for r in rows}


def test_members_today_by_default(api):
    rows = api.get("/api/members", {"status": "member"}).json()
    assert len(rows) == 28
    korea = next(r for r in rows if r["iso2"] == "KR")
    assert korea == {**korea, "name_ru": "Республика Корея", "since": "2006-06-17", "until": None}


def test_observers_include_organisations_without_iso2(api):
    rows = api.get("/api/members", {"status": "observer"}).json()
    assert len(rows) == 15
    un = next(r for r in rows if r["code"] == "UN")
    assert un["iso2"] is None and un["kind"] == "organisation"


def test_malformed_date_is_422_naming_the_field(api):
    response = api.get("/api/members", {"as_of": "2006-13-45"})
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "as_of"
    assert body["detail"].startswith("as_of: ")


def test_unknown_status_is_422_naming_the_field(api):
    response = api.get("/api/members", {"status": "partner"})
    assert response.status_code == 422
    assert response.json()["field"] == "status"


def test_state_history(api):
    response = api.get("/api/states/th")
    assert response.status_code == 200
    thailand = response.json()
    assert thailand["status_today"] == "member"
    assert [m["status"] for m in thailand["memberships"]] == ["observer", "member"]
    assert "2006" in thailand["memberships"][1]["note_en"]  # the 2004-vs-2006 conflict is kept


def test_unknown_state_is_404_naming_the_field(api):
    response = api.get("/api/states/XX")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No state or organisation with code 'XX'.",
        "field": "iso2",
    }


def test_chairmanships_mark_the_current_one(api):
    rows = api.get("/api/chairmanships").json()
    assert [r["iso2"] for r in rows] == ["KZ", "TR", "CN", "TJ", "KZ", "AZ"]
    assert [r["iso2"] for r in rows if r["current"]] == ["AZ"]


def test_bodies_carry_the_2022_renaming(api):
    bodies = {b["code"]: b for b in api.get("/api/bodies").json()}
    summit = bodies["summit"]
    assert summit["name_en"] == "Council of Heads of State or Government"
    assert [n["until"] for n in summit["names"]] == ["2022-10-13", None]


def test_openapi_and_docs_are_served(api):
    assert api.get("/api/openapi.json").json()["info"]["title"] == "Concord API"
    assert api.get("/api/docs").status_code == 200
