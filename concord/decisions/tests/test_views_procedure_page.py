"""The procedure page says where the question stands, what a position recorded, the reader's
own position, the deadline in the reader's time zone and UTC, what closing would decide, and
the decision record's number and dates — in both languages."""

import datetime as dt
import re

import pytest
from django.test import Client, override_settings

from concord.core import clock
from concord.core.actors import actor_for
from concord.decisions import services
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from conftest import PASSWORD

from .conftest import OPENING


def signed_in(user, language="en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    assert client.login(email=user.email, password=PASSWORD)
    return client


def opened(actor, mode="silence", title="CICA Day"):
    return services.open_procedure(
        actor=actor,
        request=ProcedureRequest(
            title=title, subject=SubjectRequest("text", text="We mark CICA Day."), mode=mode
        ),
    )


def text_of(html: str, testid: str) -> str:
    found = re.search(rf'data-testid="{testid}"[^>]*>(.*?)</(?:p|dd|span)>', html, re.S)
    assert found, testid
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "India objects — recorded 27 November 2026, 09:00 UTC"),
        ("ru", "Индия возражает — зарегистрировано 27 ноября 2026, 09:00 UTC"),
    ],
)
def test_an_accepted_position_through_htmx_says_what_was_recorded(
    officer, delegate_user, language, said
):
    procedure = opened(officer)
    response = signed_in(delegate_user, language).post(
        f"/decisions/{procedure.pk}/positions/",
        {"position": "object", "statement": "Not this year."},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert text_of(html, "position-recorded") == said
    # The line at the top and the state's own position follow, out of band.
    assert (
        'id="question" class="govuk-body question lead" data-testid="question" hx-swap-oob="true"'
        in html
    )
    assert 'id="own-position" hx-swap-oob="true"' in html


def test_an_accepted_position_without_htmx_is_said_on_the_page_it_returns_to(
    officer, delegate_user
):
    procedure = opened(officer)
    client = signed_in(delegate_user)
    response = client.post(f"/decisions/{procedure.pk}/positions/", {"position": "join"})
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "India joins the consensus — recorded 27 November 2026, 09:00 UTC" in html


@pytest.mark.parametrize("htmx", [True, False])
def test_a_refused_position_shows_the_summary_and_the_field_error(officer, delegate_user, htmx):
    procedure = opened(officer)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = signed_in(delegate_user).post(
        f"/decisions/{procedure.pk}/positions/", {"position": "object"}, **headers
    )
    html = response.content.decode()
    assert response.status_code == 422
    summary = html.split('data-testid="error-summary"')[1].split("</div>")[0]
    assert "Reasons or statement: An objection needs its reasons." in summary
    field = '<p class="govuk-error-message" id="id_statement_error" role="alert">'
    assert f"{field}An objection needs its reasons.</p>" in html
    assert 'data-testid="position-recorded"' not in html


@pytest.mark.parametrize(
    ("language", "holds", "broken"),
    [
        ("en", "Silence holds: no objection so far", "Silence broken: India and Russia object"),
        (
            "ru",
            "Режим молчания соблюдается: возражений пока нет",
            "Режим молчания нарушен: возражают Индия и Россия",
        ),
    ],
)
def test_the_question_in_one_line(officer, delegates, secretariat_user, language, holds, broken):
    procedure = opened(officer)
    client = signed_in(secretariat_user, language)
    assert text_of(client.get(f"/decisions/{procedure.pk}/").content.decode(), "question") == holds
    for code in ("IN", "RU"):
        services.state_position(
            actor=delegates[code], procedure_id=procedure.pk, kind="object", statement="No."
        )
    html = client.get(f"/decisions/{procedure.pk}/").content.decode()
    assert text_of(html, "question") == broken


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        (
            "en",
            "India has not stated a position yet.",
            "Your state's position: India stands aside (stated 27 November 2026, 09:00 UTC).",
        ),
        (
            "ru",
            "Индия: позиция ещё не заявлена.",
            "Позиция вашего государства: Индия не препятствует консенсусу "
            "(заявлена 27 ноября 2026, 09:00 UTC).",
        ),
    ],
)
def test_my_states_position_comes_before_the_summary(
    officer, delegate_user, language, before, after
):
    procedure = opened(officer)
    client = signed_in(delegate_user, language)
    html = client.get(f"/decisions/{procedure.pk}/").content.decode()
    assert before in text_of(html, "own-position")
    assert html.index('data-testid="own-position"') < html.index('class="doc-meta"')
    services.state_position(
        actor=actor_for(delegate_user), procedure_id=procedure.pk, kind="stand_aside",
        statement="We do not block it.",
    )  # fmt: skip
    html = client.get(f"/decisions/{procedure.pk}/").content.decode()
    assert after in text_of(html, "own-position")


def test_the_secretariat_has_no_position_of_its_own(officer, secretariat_user):
    procedure = opened(officer)
    html = signed_in(secretariat_user).get(f"/decisions/{procedure.pk}/").content.decode()
    assert 'data-testid="own-position"' not in html


@override_settings(TIME_ZONE="Asia/Tokyo")
def test_the_deadline_in_the_readers_time_zone_and_in_utc(officer, secretariat_user):
    procedure = opened(officer)  # two weeks: 11 December 2026, 09:00 UTC
    html = signed_in(secretariat_user).get(f"/decisions/{procedure.pk}/").content.decode()
    assert text_of(html, "deadline-local") == "11 December 2026, 18:00 (Asia/Tokyo)"
    assert text_of(html, "deadline-utc") == "11 December 2026, 09:00 UTC"


def test_the_deadline_in_utc_is_said_once(officer, secretariat_user):
    html = signed_in(secretariat_user).get(f"/decisions/{opened(officer).pk}/").content.decode()
    assert text_of(html, "deadline-local") == "11 December 2026, 09:00 (UTC)"
    assert 'data-testid="deadline-utc"' not in html


@pytest.mark.parametrize(
    ("language", "adopted", "refused"),
    [
        (
            "en",
            "If you close now, the decision is adopted: no Member State objects "
            "(1 joined, 0 stood aside, 27 did not respond).",
            "If you close now, the decision is not adopted: India objects.",
        ),
        (
            "ru",
            "Если закрыть процедуру сейчас, решение будет принято: ни одно государство-член не "
            "возражает (присоединились: 1, не препятствуют консенсусу: 0, не ответили: 27).",
            "Если закрыть процедуру сейчас, решение не будет принято: возражает Индия.",
        ),
    ],
)
def test_before_closing_the_chair_is_told_the_outcome_and_why(
    chair, chair_user, delegates, language, adopted, refused
):
    procedure = opened(chair, mode="in_session")
    services.state_position(actor=delegates["KZ"], procedure_id=procedure.pk, kind="join")
    client = signed_in(chair_user, language)
    html = client.get(f"/decisions/{procedure.pk}/").content.decode()
    assert text_of(html, "forecast") == adopted
    assert f'data-confirm="{adopted} ' in html
    services.state_position(
        actor=delegates["IN"], procedure_id=procedure.pk, kind="object", statement="No."
    )
    html = client.get(f"/decisions/{procedure.pk}/").content.decode()
    assert text_of(html, "forecast") == refused


def test_a_delegate_is_told_no_forecast(officer, delegate_user):
    procedure = opened(officer, mode="in_session")
    html = signed_in(delegate_user).get(f"/decisions/{procedure.pk}/").content.decode()
    assert 'data-testid="forecast"' not in html


@pytest.mark.parametrize(
    ("language", "closed", "by"),
    [
        ("en", "Adopted: no Member State objected", "by chair@az.example"),
        ("ru", "Принято: ни одно государство-член не возразило", "пользователем chair@az.example"),
    ],
)
def test_the_decision_record_is_numbered_dated_and_printable(
    chair, chair_user, language, closed, by
):
    first, second = opened(chair, "in_session", "First"), opened(chair, "in_session", "Second")
    with clock.frozen_at(OPENING + dt.timedelta(hours=2)):
        services.close_procedure(actor=chair, procedure_id=second.pk)
        services.close_procedure(actor=chair, procedure_id=first.pk)
    record = signed_in(chair_user, language).get(f"/decisions/{first.pk}/?print=1")
    html = record.content.decode()
    assert text_of(html, "record-number") == "CICA/D/2026/2"
    assert text_of(html, "question") == closed
    assert "27" in text_of(html, "opened") and "09:00 UTC" in text_of(html, "opened")
    assert "11:00 UTC" in text_of(html, "closed") and by in text_of(html, "closed")
    assert "data-print" in html and "concord/site.js" in html
    page = signed_in(chair_user).get(f"/decisions/{second.pk}/").content.decode()
    assert text_of(page, "record-number") == "CICA/D/2026/1"


def test_the_api_gives_the_record_number_and_the_question(chair, chair_user, delegates):
    procedure = opened(chair, mode="in_session")
    services.state_position(
        actor=delegates["CN"], procedure_id=procedure.pk, kind="object", statement="No."
    )
    client = signed_in(chair_user)
    body = client.get(f"/api/procedures/{procedure.pk}").json()
    assert body["record_number"] is None and body["question"] == "In session: China objects"
    body = client.post(f"/api/procedures/{procedure.pk}/close").json()
    assert body["record_number"] == "CICA/D/2026/1"
    assert body["question"] == "Not adopted: China objected"
    assert body["closed_by"] == "chair@az.example" and body["opened_by"] == "chair@az.example"
    listed = client.get("/api/procedures").json()["items"]
    assert [p["record_number"] for p in listed] == ["CICA/D/2026/1"]


def test_the_chair_who_states_no_position_is_not_shown_one(officer, chair_user):
    procedure = opened(officer)
    html = signed_in(chair_user, "en").get(f"/decisions/{procedure.pk}/").content.decode()
    assert 'data-testid="own-position"' not in html
