"""Reopening and keeping, tried with bad input, by the wrong people, and on another's procedure:
each refusal is a 4xx naming the field, and nothing is half-written."""

import pytest

from concord.decisions.models import Procedure
from concord.inbox.models import Message

from .test_api import client_for, post
from .test_superseding import draft, next_version, on_v1  # noqa: F401 (fixtures)
from .test_superseding_adapters import signed_in


@pytest.fixture
def superseded(draft, on_v1, delegates, officer):  # noqa: F811
    next_version(draft, delegates["KZ"], officer)
    return on_v1


def _unchanged(procedure):
    procedure.refresh_from_db()
    assert (procedure.status, procedure.reopened_as_id) == ("open", None)
    assert Procedure.objects.count() == 1


BAD_REASONS = [
    ("", "reason"),
    ("   ", "reason"),
    ("x" * 100_000, "reason"),
    ("because\x00", "reason"),
    (123, "reason"),
    (None, "reason"),
    (["a"], "reason"),
]


@pytest.mark.parametrize(("reason", "field"), BAD_REASONS)
def test_the_api_refuses_a_bad_reason_naming_it(superseded, chair, reason, field):
    response = post(
        client_for(chair), f"/api/procedures/{superseded.pk}/reopen", {"reason": reason}
    )
    assert response.status_code in (400, 422), response.content
    assert field in str(response.json()), response.json()
    _unchanged(superseded)


BAD_DEADLINES = [
    "yesterday",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "2026-11-26T09:00:00Z",  # the day before: past
    "2026-11-27T09:00:00",  # no offset
    "2026-02-30T09:00:00Z",
    12,
    "",
]


@pytest.mark.parametrize("deadline", BAD_DEADLINES)
def test_the_api_refuses_a_bad_deadline_naming_it(superseded, chair, deadline):
    response = post(
        client_for(chair),
        f"/api/procedures/{superseded.pk}/reopen",
        {"reason": "Version 2.", "deadline": deadline},
    )
    assert response.status_code in (400, 422), response.content
    assert "deadline" in str(response.json()), response.json()
    _unchanged(superseded)


@pytest.mark.parametrize("reason", ["", "x" * 100_000, "a\x00b", "\x07\x1b[31m"])
def test_the_page_refuses_a_bad_reason_at_its_field(superseded, chair_user, reason):
    response = signed_in(chair_user).post(f"/decisions/{superseded.pk}/reopen/", {"reason": reason})
    assert response.status_code == 422, response.status_code
    assert b'id="reason-error"' in response.content or b"reason" in response.content
    _unchanged(superseded)


def test_the_page_refuses_a_bad_deadline(superseded, chair_user):
    for deadline in ("2026-11-26T09:00", "not a date", "99999-01-01T00:00", "0001-01-01T00:00"):
        response = signed_in(chair_user).post(
            f"/decisions/{superseded.pk}/reopen/", {"reason": "V2", "deadline": deadline}
        )
        assert response.status_code in (200, 422), (deadline, response.status_code)
        _unchanged(superseded)


@pytest.mark.parametrize("who", ["KZ", "IN"])
def test_a_delegation_can_neither_reopen_nor_keep(superseded, delegates, who):
    c = client_for(delegates[who])
    assert post(c, f"/api/procedures/{superseded.pk}/reopen", {"reason": "x"}).status_code == 403
    assert post(c, f"/api/procedures/{superseded.pk}/keep").status_code == 403
    page = signed_in(delegates[who].user)
    assert page.post(f"/decisions/{superseded.pk}/reopen/", {"reason": "x"}).status_code == 403
    assert page.post(f"/decisions/{superseded.pk}/keep/").status_code == 403
    _unchanged(superseded)
    superseded.refresh_from_db()
    assert superseded.kept_despite_id is None


def test_a_coordinator_and_an_observer_cannot_either(superseded, coordinator_user, observer_user):
    from concord.core.actors import actor_for

    for user in (coordinator_user, observer_user):
        c = client_for(actor_for(user))
        got = post(c, f"/api/procedures/{superseded.pk}/reopen", {"reason": "x"}).status_code
        assert got in (403, 404)
        assert post(c, f"/api/procedures/{superseded.pk}/keep").status_code in (403, 404)
    _unchanged(superseded)


def test_the_new_post_endpoints_need_csrf(superseded, chair_user):
    from django.test import Client

    from conftest import PASSWORD

    client = Client(enforce_csrf_checks=True)
    assert client.login(email=chair_user.email, password=PASSWORD)
    assert client.post(f"/decisions/{superseded.pk}/reopen/", {"reason": "x"}).status_code == 403
    assert client.post(f"/decisions/{superseded.pk}/keep/").status_code == 403
    _unchanged(superseded)
    # The API with the session's cookie and no token: refused too.
    api = client.post(
        f"/api/procedures/{superseded.pk}/keep", "{}", content_type="application/json"
    )
    assert api.status_code in (401, 403)
    superseded.refresh_from_db()
    assert superseded.kept_despite_id is None


def test_reopen_twice_makes_one_new_procedure(superseded, chair):
    c = client_for(chair)
    first = post(c, f"/api/procedures/{superseded.pk}/reopen", {"reason": "V2"})
    second = post(c, f"/api/procedures/{superseded.pk}/reopen", {"reason": "V2"})
    assert first.status_code == 201 and second.status_code == 409
    assert Procedure.objects.count() == 2


def test_html_in_the_title_and_reason_is_escaped(draft, officer, delegates, chair_user):  # noqa: F811
    from concord.decisions import services
    from concord.decisions.requests import ProcedureRequest, SubjectRequest

    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title=f"T {evil}",
            subject=SubjectRequest("document_adoption", version=draft.versions.get(number=1).pk),
            mode="silence",
        ),
    )
    next_version(draft, delegates["KZ"], officer)
    page = signed_in(chair_user)
    for url in (
        f"/decisions/{procedure.pk}/",
        f"/decisions/{procedure.pk}/reopen/",
        "/",
        "/inbox/",
        "/decisions/",
        f"/drafts/{draft.slug}/",
    ):
        body = page.get(url).content.decode()
        assert "<script>alert(1)" not in body, url
        assert "<img src=x" not in body, url
    response = page.post(f"/decisions/{procedure.pk}/reopen/", {"reason": evil}, follow=True)
    body = response.content.decode()
    assert "<script>alert(1)" not in body and "<img src=x" not in body
    for url in ("/", "/inbox/", f"/decisions/{procedure.pk}/"):
        body = page.get(url).content.decode()
        assert "<script>alert(1)" not in body and "<img src=x" not in body, url
    assert Message.objects.filter(subject__contains="<script>").exists()  # stored as written


def test_reopening_after_its_meeting_ended_is_refused_naming_the_meeting(
    draft,  # noqa: F811
    delegates,
    officer,
    chair,
    meetings,
):
    import datetime as dt

    from concord.core import clock
    from concord.core.exceptions import InvalidTransition
    from concord.decisions import services, superseding
    from concord.decisions.requests import ProcedureRequest, SubjectRequest

    procedure = services.open_procedure(
        actor=chair,
        request=ProcedureRequest(
            title="Seventh Summit Declaration",
            subject=SubjectRequest("document_adoption", version=draft.versions.get(number=1).pk),
            mode="in_session",
            held_at="summit-7",
        ),
    )
    next_version(draft, delegates["KZ"], officer)
    with clock.frozen_at(dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC)):
        with pytest.raises(InvalidTransition) as refused:
            superseding.reopen_on_version(actor=chair, procedure_id=procedure.pk, reason="V2")
        response = post(
            client_for(chair), f"/api/procedures/{procedure.pk}/reopen", {"reason": "V2"}
        )
    assert "7th CICA Summit" in refused.value.message and "summit-7" not in refused.value.message
    assert response.status_code == 409 and "7th CICA Summit" in response.json()["detail"]
    _unchanged(procedure)


def test_a_statement_with_markup_is_text_in_the_htmx_answer_and_the_page(
    on_v1,  # noqa: F811
    delegates,
    chair_user,
):
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    client = signed_in(delegates["IN"].user)
    got = client.post(
        f"/decisions/{on_v1.pk}/positions/",
        {"position": "object", "statement": f"We object {evil}"},
        HTTP_HX_REQUEST="true",
    )
    assert got.status_code == 200, got.status_code
    assert "recorded" in got.content.decode()
    for body in (
        got.content.decode(),
        client.get(f"/decisions/{on_v1.pk}/").content.decode(),
        signed_in(chair_user).get(f"/decisions/{on_v1.pk}/").content.decode(),
        signed_in(chair_user).get("/").content.decode(),
    ):
        assert "<script>alert(1)" not in body and "<img src=x" not in body
