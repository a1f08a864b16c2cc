"""A subject is one class and one registration: the service, the form, the API's schema and the
page take it from the registry."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from concord.core import clock
from concord.core.exceptions import InvalidInput
from concord.decisions import services
from concord.decisions.choices import SubjectType
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.decisions.subjects import Matter, Subject, registry
from conftest import PASSWORD

from .conftest import OPENING

DEADLINE = OPENING + dt.timedelta(days=14)


class Poll(Subject):
    name, label = "poll", "A poll of the states"

    def check(self, request, *, today, decided_by):
        if not request.text:
            raise InvalidInput("Ask something.", field="subject.text")
        return Matter()

    def take_effect(self, procedure, *, on, actor):
        return {"polled_on": str(on)}


@pytest.fixture
def poll():
    subject = registry.register(Poll())
    yield subject
    registry.unregister(subject.name)


def open_poll(officer, text="Shall we meet in spring?"):
    request = ProcedureRequest(
        title="Spring", subject=SubjectRequest("poll", text=text), mode="silence"
    )
    return services.open_procedure(actor=officer, request=request)


def test_a_registered_subject_is_opened_answered_and_settled(poll, officer, delegates):
    with pytest.raises(InvalidInput, match="Ask something") as caught:
        open_poll(officer, text="")
    assert caught.value.field == "subject.text"
    procedure = open_poll(officer)
    services.state_position(actor=delegates["KZ"], procedure_id=procedure.pk, kind="join")
    with clock.frozen_at(DEADLINE):
        assert services.settle(procedure.pk)
    procedure.refresh_from_db()
    assert (procedure.status, procedure.outcome) == ("closed", "adopted")
    assert procedure.effect == {"polled_on": str(DEADLINE.date())}


def test_the_form_and_the_page_offer_a_registered_subject(poll, officer, secretariat_user):
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    assert (
        '<option value="poll">A poll of the states</option>'
        in client.get("/decisions/open/").content.decode()
    )
    response = client.post(
        "/decisions/open/",
        {"title": "Spring", "subject.type": "poll", "subject.text": "Why?", "mode": "silence"},
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "A poll of the states" in page and "Why?" in page


def test_each_subject_of_the_forum_is_registered_once():
    assert registry.names() == SubjectType.values
    with pytest.raises(ImproperlyConfigured, match="registered already"):
        registry.register(registry.get(SubjectType.TEXT))
    with pytest.raises(InvalidInput) as caught:
        registry.get("poll")
    assert caught.value.field == "subject.type"
