import datetime as dt
import re

import pytest
from django.test import Client

from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput
from concord.decisions import services
from concord.decisions.forms import ProcedureForm
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from conftest import PASSWORD

from .conftest import OPENING


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_secretariat_opens_a_procedure_from_the_form(secretariat_user):
    client = signed_in(secretariat_user)
    response = client.post(
        "/decisions/open/",
        {
            "title": "CICA Day",
            "subject.type": "text",
            "subject.text": "We mark 5 October as CICA Day.",
            "mode": "silence",
        },
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "CICA Day" in page and 'data-testid="silent">28<' in page


def test_the_open_form_names_the_wrong_field(secretariat_user):
    response = signed_in(secretariat_user).post(
        "/decisions/open/",
        {"title": "X", "subject.type": "accession", "subject.state": "KZ", "mode": "silence"},
    )
    assert response.status_code == 422
    assert "Kazakhstan is already a Member State." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, shown_at",
    [
        ("title", "title"),
        ("subject.text", "subject.text"),
        ("subject.meeting.starts_on", "subject.meeting.starts_on"),
        ("subject.meeting.nowhere", "__all__"),
        ("subject", "__all__"),
        (None, "__all__"),
    ],
)
def test_a_refusal_lands_on_the_nested_field_it_names_or_in_the_summary(field, shown_at):
    form = ProcedureForm(
        {"title": "X", "subject.type": "text", "subject.text": "We agree.", "mode": "silence"}
    )

    def refuse(**arguments):
        raise InvalidInput("Refused here.", field=field)

    assert form.submit(refuse) is None
    assert form.errors == {shown_at: ["Refused here."]}


def test_delegates_cannot_open(delegate_user):
    assert signed_in(delegate_user).get("/decisions/open/").status_code == 403


def test_a_delegation_states_its_position_through_htmx(officer, delegate_user):
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="CICA Day",
            subject=SubjectRequest("text", text="We mark CICA Day."),
            mode="silence",
        ),
    )
    client = signed_in(delegate_user)
    html = client.post(
        f"/decisions/{procedure.pk}/positions/", {"position": "object"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "An objection needs its reasons." in html
    html = client.post(
        f"/decisions/{procedure.pk}/positions/",
        {"position": "object", "statement": "Not this year."},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert 'data-testid="objected">1<' in html and "Not this year." in html


def test_the_printable_record_and_the_closing_by_the_chair(chair_user, actor_of):
    chair = actor_of(chair_user)
    procedure = services.open_procedure(
        actor=chair,
        request=ProcedureRequest(
            title="Statement", subject=SubjectRequest("text", text="We agree."), mode="in_session"
        ),
    )
    client = signed_in(chair_user)
    assert client.post(f"/decisions/{procedure.pk}/close/").status_code == 302
    record = client.get(f"/decisions/{procedure.pk}/", {"print": "1"}).content.decode()
    assert "Decision record" in record and "Adopted" in record


def test_observers_see_only_what_is_shared(officer, observer_user):
    hidden = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Internal", subject=SubjectRequest("text", text="A."), mode="silence"
        ),
    )
    shared = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Shared",
            subject=SubjectRequest("text", text="B."),
            mode="silence",
            shared_with_observers=True,
        ),
    )
    client = signed_in(observer_user)
    assert client.get(f"/decisions/{hidden.pk}/").status_code == 404
    page = client.get(f"/decisions/{shared.pk}/").content.decode()
    assert "Shared" in page and "State the position" not in page
    with clock.frozen_at(OPENING + dt.timedelta(days=15)):
        listing = client.get("/decisions/").content.decode()
    assert "Shared" in listing and "Internal" not in listing


def test_the_page_holds_the_text_of_the_version_under_decision(secretariat_user):
    from concord.core.actors import SYSTEM
    from concord.documents.services import import_text

    version = import_text(
        actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We cooperate on water.\n"
    ).text.version
    procedure = services.open_procedure(
        actor=SYSTEM,
        request=ProcedureRequest(
            title="Water",
            subject=SubjectRequest("document_adoption", version=version.pk),
            mode="silence",
        ),
    )
    page = signed_in(secretariat_user).get(f"/decisions/{procedure.pk}/").content.decode()
    assert 'data-testid="version-text"' in page and "We cooperate on water." in page


def test_the_record_of_positions_says_who_stated_each(officer, delegate_user, secretariat_user):
    from concord.accounts.services import create_user
    from concord.core.actors import actor_for

    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="CICA Day",
            subject=SubjectRequest("text", text="We mark CICA Day."),
            mode="silence",
        ),
    )
    focal = create_user(
        actor=SYSTEM, email="focal@in.example", role="coordinator", state="IN",
        display_name="Priya Nair", password=PASSWORD,
    )  # fmt: skip
    services.state_position(actor=actor_for(focal), procedure_id=procedure.pk, kind="join")
    services.state_position(
        actor=actor_for(delegate_user), procedure_id=procedure.pk, kind="object",
        statement="Not this year.",
    )  # fmt: skip
    for path in (f"/decisions/{procedure.pk}/", f"/decisions/{procedure.pk}/?print=1"):
        page = signed_in(secretariat_user).get(path).content.decode()
        rows = re.findall(
            r'<td class="govuk-table__cell" data-testid="stated-by">(.*?)</td>', page, re.S
        )
        assert [" ".join(row.split()) for row in rows] == [
            "Priya Nair (National coordinator)",
            "delegate@in.example (Delegate)",
        ]


def test_a_service_error_lands_on_the_field_of_the_name_it_gives(secretariat_user, meetings):
    client = signed_in(secretariat_user)
    form = {"title": "SOC", "subject.type": "meeting", "mode": "silence",
            "subject.meeting.body": "soc", "subject.meeting.title": "SOC",
            "subject.meeting.starts_on": "2026-12-01"}  # fmt: skip
    html = client.post("/decisions/open/", form).content.decode()
    field = html.split('name="subject.meeting.starts_on"')[0].rsplit(
        '<div class="govuk-form-group', 1
    )[1]
    assert field.startswith(" govuk-form-group--error") and "cannot open before" in html


def test_the_open_form_takes_its_subject_from_the_link(secretariat_user):
    from concord.core.actors import SYSTEM
    from concord.documents.services import import_text

    version = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree.\n")
    pk = version.text.version_id
    html = (
        signed_in(secretariat_user)
        .get("/decisions/open/", {"subject.type": "document_adoption", "subject.version": pk})
        .content.decode()
    )
    assert '<option value="document_adoption" selected>' in html
    assert f'<option value="{pk}" selected>' in html
