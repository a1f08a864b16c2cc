"""The work waiting for a person after signing in: on the home page and at /api/me/work, the
sections of their role, each with its count and links, and a word when nothing waits."""

import datetime as dt

import pytest
from django.test import Client

from concord.accounts.services import create_user, issue_api_token
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.decisions import services as decisions
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents.services import import_text
from concord.drafting import services as drafting
from concord.drafting.requests import AmendmentRequest
from concord.site.work import work_for
from conftest import PASSWORD

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
DEADLINE = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)
DRAFT = b"Statement on Water\n\nRecognizing water;\n\nDecide:\n\n1. We agree.\n\n2. We meet.\n"


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(NOW):
        yield


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def open_procedure(actor, title="Declaration on water", version=None, n=0):
    subject = (
        SubjectRequest("document_adoption", version=version.pk)
        if version
        else SubjectRequest("text", text=f"We agree, {n}.")
    )
    request = ProcedureRequest(title=title, subject=subject, mode="silence", deadline=DEADLINE)
    return decisions.open_procedure(actor=actor, request=request)


@pytest.fixture
def world(secretariat_user, coordinator_user, delegate_user):
    officer = actor_for(secretariat_user)
    version = import_text(actor=SYSTEM, raw=DRAFT).document.versions.get(number=1)
    drafting.propose_amendment(
        actor=actor_for(delegate_user),
        request=AmendmentRequest(
            version_id=version.pk, language="en", kind="edit", unit="op-1",
            text="We agree on water.", rationale="Clearer.",
        ),
    )  # fmt: skip
    on_draft = open_procedure(officer, "Adoption of the Statement on Water", version=version)
    plain = open_procedure(officer)
    return {"draft": on_draft, "plain": plain, "version": version}


def sections(work):
    return {s.key: s for s in work.sections}


def test_a_coordinator_sees_what_their_state_must_answer(world, coordinator_user):
    work = sections(work_for(actor_for(coordinator_user)))
    assert list(work) == ["positions", "silences", "messages"]
    positions = work["positions"]
    assert positions.title == "Procedures awaiting the position of Kazakhstan"
    assert positions.count == 2
    assert positions.url == "/decisions/?awaiting=1"
    assert {t.url for t in positions.tasks} == {
        f"/decisions/{world['draft'].pk}/", f"/decisions/{world['plain'].pk}/"
    }  # fmt: skip
    assert work["silences"].count == 1
    assert work["silences"].tasks[0].title == "Statement on Water"
    assert work["messages"].count == 2  # told of each opening


def test_a_position_stated_leaves_the_list(world, coordinator_user):
    actor = actor_for(coordinator_user)
    decisions.state_position(actor=actor, procedure_id=world["plain"].pk, kind="join")
    assert sections(work_for(actor))["positions"].count == 1


def test_the_secretariat_and_the_chair_see_the_amendments_to_decide(
    world, secretariat_user, chair_user
):
    for user in (secretariat_user, chair_user):
        work = sections(work_for(actor_for(user)))
        assert list(work) == ["amendments", "silences", "messages"]
        assert work["amendments"].count == 1
        [task] = work["amendments"].tasks
        assert (task.title, task.hint) == ("Statement on Water", "1 amendment proposed")


def test_the_home_page_shows_the_deadline_in_the_readers_zone(world, coordinator_user):
    coordinator_user.time_zone = "Asia/Almaty"
    coordinator_user.save(update_fields=["time_zone"])
    page = signed_in(coordinator_user).get("/").content.decode()
    assert "Work waiting for you" in page
    assert "Deadline 4 December 2026, 17:00 (Asia/Almaty)" in page
    assert f'href="/decisions/{world["plain"].pk}/"' in page


def test_an_observer_with_nothing_waiting_is_told_so(world, observer_user):
    page = signed_in(observer_user).get("/").content.decode()
    assert 'data-testid="nothing-waits"' in page
    assert "Nothing waits for you." in page
    assert "Unread messages" in page


def test_the_public_home_page_has_no_work(world, client):
    assert "Work waiting for you" not in client.get("/").content.decode()


def test_the_api_gives_the_same(world, coordinator_user):
    _t, token = issue_api_token(actor=SYSTEM, user=coordinator_user, name="t")
    answer = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/me/work").json()
    assert answer["total"] == 5
    positions = answer["sections"][0]
    assert (positions["key"], positions["count"]) == ("positions", 2)
    assert positions["tasks"][0]["deadline"] == "2026-12-04T12:00:00Z"
    assert Client().get("/api/me/work").status_code == 401


def test_the_page_costs_the_same_however_much_waits(
    world, secretariat_user, coordinator_user, django_assert_max_num_queries
):
    officer = actor_for(secretariat_user)
    for n in range(12):
        open_procedure(officer, f"Question {n}", n=n)
    for n in range(6):
        create_user(actor=SYSTEM, email=f"d{n}@kz.example", role="delegate", state="KZ")
    client = signed_in(coordinator_user)
    client.get("/")  # the session and the caches warmed
    with django_assert_max_num_queries(22):
        page = client.get("/").content.decode()
    assert "and 9 more" in page
    with django_assert_max_num_queries(16):
        client.get("/api/me/work")
