"""The public registers (meetings, the Catalogue, the members) take only what they hold: a
filter out of bounds is a 422 naming it, a path that names nothing is a 404, never a 500."""

import datetime as dt

from django.test import Client

from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.decisions import services as decisions
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents.models import Document
from concord.meetings.models import Meeting

UNKNOWN = ["9" * 30, str(2**63), "-1", "a%0ab", "ид", "x" * 500, "%E2%80%A8"]


def test_a_path_that_names_nothing_is_404_on_the_api_and_the_pages(meetings, catalogue):
    client = Client()
    for value in UNKNOWN:
        for path in (f"/api/meetings/{value}", f"/api/measures/{value}", f"/api/states/{value}"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert response.json()["detail"], path
        for path in (f"/meetings/{value}/", f"/catalogue/measures/{value}/", f"/members/{value}/"):
            assert client.get(path).status_code == 404, path


def test_filters_out_of_bounds_are_refused_naming_them(meetings):
    client = Client()
    refused = [
        ("/api/meetings", {"body": "soc x"}, "body"),
        ("/api/meetings", {"status": "adjourned"}, "status"),
        ("/api/meetings", {"year": 10000}, "year"),
        ("/api/members", {"as_of": "9999-12-31"}, "as_of"),
        ("/api/members", {"as_of": "0001-01-01"}, "as_of"),
        ("/api/members", {"as_of": "2006-02-30"}, "as_of"),
    ]
    for path, query, field in refused:
        response = client.get(path, query)
        assert response.status_code == 422, (path, query)
        assert response.json()["field"] == field, (path, query)
    assert client.get("/api/members", {"as_of": "1992-10-05"}).status_code == 200


def test_the_members_page_refuses_a_day_out_of_bounds_and_shows_no_list(registry):
    with clock.frozen_at(dt.date(2026, 11, 27)):
        html = Client().get("/members/", {"as_of": "9999-12-31"}).content.decode()
    assert "Give a date between 1900-01-01 and 2999-12-31." in html
    assert "No list is shown for that date." in html


def test_a_meetings_name_and_place_fit_the_documents_adopted_there():
    for meeting_field, document_field in (("title_en", "meeting"), ("place_en", "place")):
        held = Meeting._meta.get_field(meeting_field).max_length
        assert held <= Document._meta.get_field(document_field).max_length


def test_a_meeting_convened_at_its_limits_holds_an_adoption(meetings, secretariat_user, chair_user):
    from concord.documents.services import import_text

    officer, chair = actor_for(secretariat_user), actor_for(chair_user)
    today = dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)
    meeting = {"body": "soc", "title": "T" * 200, "starts_on": "2026-11-27", "place": "P" * 120}
    with clock.frozen_at(today):
        convening = decisions.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="SOC", subject=SubjectRequest("meeting", proposal=meeting), mode="in_session"
            ),
        )
        decisions.close_procedure(actor=chair, procedure_id=convening.pk)
        slug = Meeting.objects.get(status="convened").slug
        version = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree.\n")
        adoption = decisions.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="Adoption",
                subject=SubjectRequest("document_adoption", version=version.text.version.pk),
                mode="in_session",
                held_at=slug,
            ),
        )
        decisions.close_procedure(actor=chair, procedure_id=adoption.pk)
    document = Document.objects.get(status="adopted", meeting="T" * 200)
    assert document.place == "P" * 120
