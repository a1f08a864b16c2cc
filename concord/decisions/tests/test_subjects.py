"""Convening a meeting and changing the Catalogue by consensus: checked when the procedure
opens, carried out by the owning app when it is adopted."""

import datetime as dt

import pytest
from django.test import Client

from concord.catalogue.models import Measure
from concord.core import clock
from concord.core.exceptions import InvalidInput, InvalidTransition
from concord.core.tests.pages import visible_text
from concord.decisions import selectors, services
from concord.decisions.models import Procedure
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.meetings.models import Meeting
from conftest import PASSWORD

from .conftest import OPENING
from .test_api import client_for, post

DEADLINE = OPENING + dt.timedelta(days=14)
SOC = {
    "body": "soc",
    "title": "Senior Officials Committee, winter session",
    "starts_on": "2027-01-20",
    "ends_on": "2027-01-21",
    "place": "Baku",
    "host": "AZ",
}


def open_(officer, subject, *, proposal=None, version=None, held_at=None):
    asked = SubjectRequest(subject, version=version, proposal=proposal)
    request = ProcedureRequest(title="Question", subject=asked, mode="silence", held_at=held_at)
    return services.open_procedure(actor=officer, request=request)


def settled(officer, procedure):
    """The procedure as read once the task at its deadline has run."""
    with clock.frozen_at(DEADLINE):
        services.settle(procedure.pk)
        return selectors.access_procedure(officer, procedure.pk)


def test_a_meeting_is_convened_when_silence_holds(officer, meetings):
    procedure = open_(officer, "meeting", proposal=SOC)
    assert procedure.proposal["starts_on"] == "2027-01-20"
    done = settled(officer, procedure)
    meeting = Meeting.objects.get(slug=done.effect["meeting"])
    assert (done.outcome, meeting.status, meeting.host.code) == ("adopted", "convened", "AZ")
    assert (meeting.starts_on, meeting.source) == (
        dt.date(2027, 1, 20),
        f"consensus procedure #{procedure.pk}",
    )


def test_the_convened_meeting_is_named_by_its_title(officer, meetings, secretariat_user):
    done = settled(officer, open_(officer, "meeting", proposal=SOC))
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    page = client.get(f"/decisions/{done.pk}/").content.decode()
    effect = page[page.index('data-testid="effect"') :]
    assert f'href="/meetings/{done.effect["meeting"]}/">{SOC["title"]}</a>' in effect
    assert done.effect["meeting"] not in visible_text(effect)


def test_a_meeting_cannot_be_convened_for_before_the_decision_falls(officer, meetings):
    with pytest.raises(InvalidInput, match="cannot open before") as caught:
        open_(officer, "meeting", proposal={**SOC, "starts_on": "2026-12-01"})
    assert caught.value.field == "subject.meeting.starts_on"
    assert not Meeting.objects.filter(status="convened").exists()


def test_an_objection_leaves_the_catalogue_as_it_was(officer, catalogue, delegates):
    change = {"action": "change", "measure": "MP-3", "text_en": "Exchange of CVs of generals.",
              "text_ru": "Обмен биографиями генералов."}  # fmt: skip
    procedure = open_(officer, "catalogue_change", proposal=change)
    services.state_position(
        actor=delegates["CN"], procedure_id=procedure.pk, kind="object", statement="Too narrow."
    )
    assert settled(officer, procedure).outcome == "not_adopted"
    assert (
        Measure.objects.get(code="MP-3").text_en == "Exchange of CVs of senior military officers."
    )


def test_one_open_change_per_measure(officer, catalogue):
    change = {"action": "change", "measure": "MP-3", "text_en": "Exchange of CVs of generals.",
              "text_ru": "Обмен биографиями генералов."}  # fmt: skip
    open_(officer, "catalogue_change", proposal=change)
    with pytest.raises(InvalidTransition, match="MP-3") as caught:
        open_(officer, "catalogue_change", proposal={**change, "text_en": "Other."})
    assert caught.value.field == "subject.catalogue.measure"


def test_the_api_takes_a_catalogue_change_and_reports_its_effect(officer, catalogue):
    body = {
        "title": "A new human-dimension measure",
        "subject": {"type": "catalogue_change", "catalogue": {
            "action": "add", "dimension": "HD", "text_en": "Youth exchanges.",
            "text_ru": "Молодёжные обмены."}},
        "mode": "silence",
        "deadline": (OPENING + dt.timedelta(seconds=5)).isoformat(),
    }  # fmt: skip
    client = client_for(officer)
    opened = post(client, "/api/procedures", body)
    assert opened.status_code == 201, opened.content
    assert opened.json()["subject"]["catalogue"]["dimension"] == "HD"
    with clock.frozen_at(OPENING + dt.timedelta(seconds=5)):
        services.settle(opened.json()["id"])
        done = client.get(f"/api/procedures/{opened.json()['id']}").json()
    assert (done["outcome"], done["effect"]) == ("adopted", {"measure": "HD-7"})
    assert Client().get("/api/measures/HD-7").json()["text_ru"] == "Молодёжные обмены."
    wrong = post(client, "/api/procedures", {**body, "subject": {
        "type": "meeting", "meeting": {**SOC, "body": "secretariat"}}})  # fmt: skip
    assert wrong.status_code == 422 and wrong.json()["field"] == "subject.meeting.body"


def test_the_open_form_convenes_a_meeting_and_names_a_wrong_field(secretariat_user, meetings):
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    form = {"title": "SOC winter session", "subject.type": "meeting", "mode": "silence",
            **{f"subject.meeting.{k}": v for k, v in SOC.items()}}  # fmt: skip
    bad = client.post("/decisions/open/", {**form, "subject.meeting.starts_on": "2026-12-01"})
    assert bad.status_code == 422 and "cannot open before" in bad.content.decode()
    response = client.post("/decisions/open/", form)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "To convene:" in page and "Senior Officials Committee, winter session" in page


def test_a_document_adopted_in_session_takes_the_meeting_and_its_place(officer, meetings, chair):
    from concord.core.actors import SYSTEM
    from concord.documents.models import Document
    from concord.documents.services import import_text

    version = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree.\n").text.version
    with pytest.raises(InvalidInput, match="in-session") as caught:
        open_(officer, "document_adoption", version=version.pk, held_at="summit-7")
    assert caught.value.field == "held_at"
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Adoption",
            subject=SubjectRequest("document_adoption", version=version.pk),
            mode="in_session",
            held_at="summit-7",
        ),
    )
    assert procedure.held_at.slug == "summit-7"
    services.close_procedure(actor=chair, procedure_id=procedure.pk)
    document = Document.objects.get(pk=version.document_id)
    assert (document.status, document.meeting, document.place) == (
        "adopted", "7th CICA Summit", "Azerbaijan",
    )  # fmt: skip
    assert document.adopted_on == OPENING.date()


def test_an_in_session_decision_cannot_convene_a_meeting_already_begun(officer, chair, meetings):
    soon = {**SOC, "starts_on": "2026-11-30", "ends_on": None}
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="SOC", subject=SubjectRequest("meeting", proposal=soon), mode="in_session"
        ),
    )
    later = clock.frozen_at(OPENING + dt.timedelta(days=10))
    with later, pytest.raises(InvalidTransition, match="Withdraw the procedure") as caught:
        services.close_procedure(actor=chair, procedure_id=procedure.pk)
    assert caught.value.field == "subject.meeting.starts_on"
    procedure.refresh_from_db()
    assert procedure.status == "open" and not Meeting.objects.filter(status="convened").exists()


def test_a_procedure_is_held_only_at_a_meeting_in_session_today(officer, meetings):
    with pytest.raises(InvalidInput, match="not a meeting in session today"):
        services.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="X",
                subject=SubjectRequest("text", text="We agree."),
                mode="in_session",
                held_at="summit-1",
            ),
        )


def test_the_api_names_a_meeting_field_one_way_whatever_is_wrong(officer, meetings):
    client = client_for(officer)
    body = {"title": "SOC", "mode": "silence", "subject": {"type": "meeting", "meeting": SOC}}
    malformed = {**body, "subject": {"type": "meeting", "meeting": {**SOC, "starts_on": "soon"}}}
    too_early = {
        **body,
        "subject": {"type": "meeting", "meeting": {**SOC, "starts_on": "2026-12-01"}},
    }
    fields = {post(client, "/api/procedures", b).json()["field"] for b in (malformed, too_early)}
    assert fields == {"subject.meeting.starts_on"}


def test_a_draft_is_circulated_while_under_decision(officer, delegates):
    from concord.core.actors import SYSTEM
    from concord.documents.models import Document
    from concord.documents.services import import_text

    version = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree.\n").text.version
    document = Document.objects.filter(pk=version.document_id)
    assert document.get().status == "draft"
    procedure = open_(officer, "document_adoption", version=version.pk)
    assert document.get().status == "circulated"
    services.withdraw_procedure(actor=officer, procedure_id=procedure.pk)
    assert document.get().status == "draft"
    objected = open_(officer, "document_adoption", version=version.pk)
    services.state_position(
        actor=delegates["IN"], procedure_id=objected.pk, kind="object", statement="Not yet."
    )
    assert settled(officer, objected).outcome == "not_adopted"
    assert document.get().status == "draft"
    with clock.frozen_at(DEADLINE):
        procedure = open_(officer, "document_adoption", version=version.pk)
    with clock.frozen_at(DEADLINE + dt.timedelta(days=14)):
        assert services.settle(procedure.pk)
        assert selectors.access_procedure(officer, procedure.pk).outcome == "adopted"
    assert document.get().status == "adopted"


@pytest.mark.parametrize(
    ("subject", "message"),
    [("accession", "only a state accedes"), ("chairmanship", "only a Member State chairs")],
)
def test_an_organisation_neither_accedes_nor_chairs(officer, subject, message):
    body = {"title": "The UN", "subject": {"type": subject, "state": "UN"}, "mode": "silence"}
    refused = post(client_for(officer), "/api/procedures", body)
    assert (refused.status_code, refused.json()["field"]) == (422, "subject.state")
    assert message in refused.json()["detail"]
    assert not Procedure.objects.exists()
