"""What a procedure takes from outside is bounded where it enters: dates, lengths, single lines
and identifiers, the same through the API, the form and the service."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from concord.core.exceptions import InvalidInput
from concord.decisions import services
from concord.decisions.models import Procedure
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from conftest import PASSWORD

from .conftest import OPENING
from .test_api import client_for, post

TEXT = {"title": "CICA Day", "subject": {"type": "text", "text": "We agree."}, "mode": "silence"}


def opened(officer, **changes):
    return post(client_for(officer), "/api/procedures", {**TEXT, **changes})


def refusal(response) -> tuple[int, str | None]:
    return response.status_code, response.json()["field"]


BAD_DEADLINES = [
    "9999-12-31T23:59:59-14:00",  # year 10000 in UTC: PostgreSQL held it, Python could not
    "3000-01-01T00:00:00+00:00",
    "1899-12-31T23:59:59+00:00",
    "2026-12-01T09:00:00",  # no time zone
    "2026-12-01",
    "tomorrow",
    0,
    "",
]


def test_a_deadline_out_of_bounds_is_refused_naming_it(officer):
    for deadline in BAD_DEADLINES:
        response = opened(officer, deadline=deadline)
        assert refusal(response) == (422, "deadline"), (deadline, response.content)
    assert client_for(officer).get("/api/procedures").json()["count"] == 0


def test_a_deadline_is_at_most_the_setting_ahead(officer, settings):
    settings.PROCEDURE_MAX_DEADLINE_DAYS = 30
    late = opened(officer, deadline=(OPENING + dt.timedelta(days=30, seconds=1)).isoformat())
    assert late.json() == {
        "detail": "The deadline can be at most 30 days ahead, until 2026-12-27 09:00 UTC.",
        "field": "deadline",
    }
    in_time = opened(officer, deadline="2026-12-27T13:00:00+04:00")
    assert in_time.status_code == 201
    deadline = dt.datetime.fromisoformat(in_time.json()["deadline"])
    assert deadline == OPENING + dt.timedelta(days=30)


def test_the_service_bounds_a_deadline_whoever_calls_it(officer):
    with pytest.raises(InvalidInput) as caught:
        services.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="X",
                subject=SubjectRequest("text", text="We agree."),
                mode="silence",
                deadline=dt.datetime(2999, 12, 31, tzinfo=dt.UTC),
            ),
        )
    assert caught.value.field == "deadline"
    assert "at most 730 days ahead" in caught.value.message


def test_the_database_holds_no_deadline_it_could_not_give_back(officer):
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="X", subject=SubjectRequest("text", text="We agree."), mode="silence"
        ),
    )
    procedure.deadline = dt.datetime(3000, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(IntegrityError), transaction.atomic():
        procedure.save(update_fields=["deadline"])


def test_the_open_form_bounds_its_deadline(secretariat_user):
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    form = {
        "title": "CICA Day",
        "subject.type": "text",
        "subject.text": "We agree.",
        "mode": "silence",
    }
    far = client.post("/decisions/open/", {**form, "deadline": "9999-12-31T23:59"})
    assert far.status_code == 422
    assert "Give a date between 1900-01-01 and 2999-12-31." in far.content.decode()
    beyond = client.post("/decisions/open/", {**form, "deadline": "2029-01-01T00:00"})
    assert beyond.status_code == 422 and "at most 730 days ahead" in beyond.content.decode()
    assert not Procedure.objects.exists()


REFUSED = [
    ({"title": "x" * 301}, "title"),
    ({"title": "Procedure\nBcc: everyone@example.org"}, "title"),
    ({"title": "Two\u2028lines"}, "title"),
    ({"title": "Tab\tin a title"}, "title"),
    ({"title": "NUL \x00"}, "title"),
    ({"subject": {"type": "text", "text": "x" * 20001}}, "subject.text"),
    ({"subject": {"type": "text", "text": "a lone surrogate \ud800"}}, "subject.text"),
    ({"subject": {"type": "text", "text": "U+FFFF \uffff"}}, "subject.text"),
    ({"subject": {"type": "accession", "state": "T\nM"}}, "subject.state"),
    ({"subject": {"type": "accession", "state": "TM" * 6}}, "subject.state"),
    ({"mode": "in_session", "held_at": "bad slug/x"}, "held_at"),
    ({"mode": "in_session", "held_at": "s" * 81}, "held_at"),
    ({"mode": "in_session", "held_at": "саммит"}, "held_at"),
]


def test_the_api_refuses_what_no_column_holds_naming_the_field(officer):
    for changes, field in REFUSED:
        response = opened(officer, **changes)
        assert refusal(response) == (422, field), (changes, response.content)
    assert not Procedure.objects.exists()


def test_text_may_run_over_lines_and_a_title_fills_its_column(officer):
    response = opened(
        officer, title="T" * 300, subject={"type": "text", "text": "One.\n\nTwo,\twith a tab."}
    )
    assert response.status_code == 201
    assert response.json()["subject"]["text"] == "One.\n\nTwo,\twith a tab."


def test_the_service_refuses_a_title_on_two_lines_whoever_calls_it(officer):
    with pytest.raises(InvalidInput) as caught:
        services.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="Opened\r\nX-Header: 1",
                subject=SubjectRequest("text", text="We agree."),
                mode="silence",
            ),
        )
    assert caught.value.field == "title"


def test_the_open_form_refuses_a_title_on_two_lines(secretariat_user):
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    response = client.post(
        "/decisions/open/",
        {
            "title": "CICA\nDay",
            "subject.type": "text",
            "subject.text": "We agree.",
            "mode": "silence",
        },
    )
    assert response.status_code == 422
    assert "Write this on one line" in response.content.decode()


MEETING_REFUSED = [
    ({"body": "soc x"}, "subject.meeting.body"),
    ({"title": "SOC\nwinter"}, "subject.meeting.title"),
    ({"title": "t" * 201}, "subject.meeting.title"),
    ({"place": "p" * 121}, "subject.meeting.place"),
    ({"place_ru": "Баку\r"}, "subject.meeting.place_ru"),
    ({"host": "A Z"}, "subject.meeting.host"),
    ({"starts_on": "9999-12-31"}, "subject.meeting.starts_on"),
    ({"ends_on": "0001-01-01"}, "subject.meeting.ends_on"),
]


def test_a_meeting_proposal_is_bounded_naming_the_field(officer, meetings):
    soc = {"body": "soc", "title": "SOC", "starts_on": "2027-01-20", "place": "Baku"}
    for meeting, field in MEETING_REFUSED:
        subject = {"type": "meeting", "meeting": {**soc, **meeting}}
        assert refusal(opened(officer, subject=subject)) == (422, field), meeting


def test_the_meeting_service_bounds_its_dates_whoever_calls_it(officer, meetings):
    with pytest.raises(InvalidInput) as caught:
        services.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="SOC",
                subject=SubjectRequest(
                    "meeting",
                    proposal={"body": "soc", "title": "SOC", "starts_on": dt.date(9999, 1, 1)},
                ),
                mode="silence",
            ),
        )
    assert caught.value.field == "subject.meeting.starts_on"


CATALOGUE_REFUSED = [
    ({"action": "change", "measure": "HD 3"}, "subject.catalogue.measure"),
    ({"action": "add", "dimension": "H\x00D"}, "subject.catalogue.dimension"),
    ({"action": "add", "dimension": "HD", "area": "a/b"}, "subject.catalogue.area"),
    ({"action": "add", "dimension": "HD", "text_en": "x" * 20001}, "subject.catalogue.text_en"),
]


def test_a_catalogue_proposal_is_bounded_naming_the_field(officer, catalogue):
    for change, field in CATALOGUE_REFUSED:
        subject = {
            "type": "catalogue_change",
            "catalogue": {"text_en": "A measure.", "text_ru": "Мера.", **change},
        }
        assert refusal(opened(officer, subject=subject)) == (422, field), change


def test_a_statement_is_bounded(officer, delegates):
    pid = opened(officer).json()["id"]
    client = client_for(delegates["KZ"])
    long = {"position": "object", "statement": "x" * 20001}
    assert refusal(post(client, f"/api/procedures/{pid}/positions", long)) == (422, "statement")
    with pytest.raises(InvalidInput) as caught:
        services.state_position(
            actor=delegates["KZ"], procedure_id=pid, kind="object", statement="\x00"
        )
    assert caught.value.field == "statement"


def test_list_filters_take_only_what_exists(officer):
    client = client_for(officer)
    for query in ({"status": "opened"}, {"subject": "x" * 1000}, {"page": 2**63}, {"page": "x"}):
        assert client.get("/api/procedures", query).status_code == 422, query


UNKNOWN_IDS = ["9" * 30, str(2**63), str(2**31), "0", "-1", "1%0a", "ид", "x" * 500]


def test_a_procedure_id_that_matches_nothing_is_404(officer):
    client = client_for(officer)
    for pid in UNKNOWN_IDS:
        assert client.get(f"/api/procedures/{pid}").status_code == 404, pid
        for step in ("positions", "close", "withdraw"):
            response = post(client, f"/api/procedures/{pid}/{step}", {"position": "join"})
            assert response.status_code == 404, (pid, step)
            assert response.json()["detail"]


def test_a_procedure_page_that_matches_nothing_is_404(secretariat_user):
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    for pid in UNKNOWN_IDS:
        assert client.get(f"/decisions/{pid}/").status_code == 404, pid
        for step in ("positions", "close", "withdraw"):
            response = client.post(f"/decisions/{pid}/{step}/", {"position": "join"})
            assert response.status_code == 404, (pid, step)
