"""The 'awaiting us' filter: the procedures in which my state counts, still open to positions,
and in which it has stated none; only for those who speak for a Member State."""

import datetime as dt

import pytest
from django.test import Client

from concord.accounts.services import issue_api_token
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput
from concord.decisions import selectors, services
from conftest import PASSWORD

from .conftest import OPENING
from .test_services import silence


@pytest.fixture
def three(officer):
    return [
        silence(officer, title="Water", subject="text", state=None, text="We agree on water."),
        silence(officer, title="Air", subject="text", state=None, text="We agree on air.",
                deadline=OPENING + dt.timedelta(days=3)),
        silence(officer, title="Earth", subject="text", state=None, text="We agree on earth."),
    ]  # fmt: skip


def titles(qs):
    return [p.title for p in qs]


def test_only_what_my_state_has_not_answered_the_nearest_deadline_first(three, delegates):
    kz = delegates["KZ"]
    services.state_position(actor=kz, procedure_id=three[2].pk, kind="join")
    assert titles(selectors.list_awaiting_position(kz)) == ["Air", "Water"]
    assert set(titles(selectors.list_awaiting_position(delegates["CN"]))) == {
        "Water", "Air", "Earth"
    }  # fmt: skip


def test_a_procedure_past_its_deadline_no_longer_awaits(three, delegates):
    with clock.frozen_at(OPENING + dt.timedelta(days=4)):
        assert titles(selectors.list_awaiting_position(delegates["KZ"])) == ["Water", "Earth"]


@pytest.mark.parametrize("role", ["officer", "chair"])
def test_others_are_told_why_nothing_awaits_them(role, request, three):
    actor = request.getfixturevalue(role)
    with pytest.raises(InvalidInput, match="none awaits yours") as refused:
        selectors.list_procedures(actor, awaiting=True)
    assert refused.value.field == "awaiting"


def test_the_list_page_filters_and_explains(three, delegate_user, secretariat_user):
    india = Client()
    assert india.login(email=delegate_user.email, password=PASSWORD)
    page = india.get("/decisions/", {"awaiting": "1"}).content.decode()
    assert 'name="awaiting" value="1" checked' in page
    assert "Only those awaiting the position of India" in page
    assert "3 procedures" in page
    officer = Client()
    assert officer.login(email=secretariat_user.email, password=PASSWORD)
    page = officer.get("/decisions/", {"awaiting": "1"}).content.decode()
    assert 'data-testid="not-awaited"' in page
    assert 'name="awaiting"' not in page
    assert "3 procedures" in page  # the filter does not apply: the whole list


def test_the_api_filters_and_refuses_others(three, delegate_user, secretariat_user, delegates):
    services.state_position(actor=delegates["IN"], procedure_id=three[0].pk, kind="join")

    def api(user):
        _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    answer = api(delegate_user).get("/api/procedures", {"awaiting": "true"}).json()
    assert [p["title"] for p in answer["items"]] == ["Earth", "Air"]
    refused = api(secretariat_user).get("/api/procedures", {"awaiting": "true"})
    assert refused.status_code == 422
    assert refused.json()["field"] == "awaiting"
