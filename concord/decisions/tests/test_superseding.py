"""A procedure on a version a later version supersedes: the rule, the notice, reopening on the
latest version and keeping the procedure on its own."""

import datetime as dt

import pytest

from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted
from concord.decisions import selectors, services, superseding
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents.models import Document
from concord.documents.services import import_text
from concord.drafting import services as drafting
from concord.drafting.requests import AmendmentRequest
from concord.drafting.tests.conftest import DRAFT
from concord.inbox.models import Message, MessageKind

from .conftest import OPENING


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=DRAFT, slug="seventh-summit-declaration").document


@pytest.fixture
def on_v1(draft, officer):
    """A silence procedure on the adoption of version 1."""
    return services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Seventh Summit Declaration",
            subject=SubjectRequest("document_adoption", version=draft.versions.get(number=1).pk),
            mode="silence",
        ),
    )


def next_version(draft, delegation, officer, text="We decide to hold the 8th Summit in 2031."):
    """A new version made the drafting way: an amendment proposed, accepted, incorporated."""
    latest = draft.versions.order_by("-number").first()
    amendment = drafting.propose_amendment(
        actor=delegation,
        request=AmendmentRequest(
            version_id=latest.pk, language="en", kind="edit", unit="op-1", text=text,
            rationale="A later year.",
        ),
    )  # fmt: skip
    drafting.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    return drafting.incorporate_amendments(actor=officer, version_id=latest.pk)


def test_a_new_version_may_be_made_while_a_procedure_is_open_and_it_stays_on_its_own(
    draft, on_v1, delegates, officer
):
    assert draft.versions.count() == 1 and selectors.superseded(on_v1) is None
    v2 = next_version(draft, delegates["KZ"], officer)
    on_v1.refresh_from_db()
    assert (v2.number, on_v1.version.number, on_v1.status) == (2, 1, "open")
    found = selectors.superseded(on_v1)
    assert (found.under_decision.number, found.newest.number, found.kept) == (1, 2, False)
    draft.refresh_from_db()
    assert draft.status == Document.Status.CIRCULATED


def test_the_open_procedure_adopts_only_the_version_it_was_opened_on(
    draft, delegates, officer, chair
):
    procedure = services.open_procedure(
        actor=chair,
        request=ProcedureRequest(
            title="Seventh Summit Declaration",
            subject=SubjectRequest("document_adoption", version=draft.versions.get(number=1).pk),
            mode="in_session",
        ),
    )
    next_version(draft, delegates["KZ"], officer)
    services.close_procedure(actor=chair, procedure_id=procedure.pk)
    draft.refresh_from_db()
    frozen = draft.versions.filter(frozen=True)
    assert draft.status == Document.Status.ADOPTED
    assert [v.number for v in frozen] == [1]


def test_the_people_concerned_are_told_when_a_version_supersedes_the_text_under_decision(
    draft, on_v1, delegates, officer, chair_user, coordinator_user, secretariat_user
):
    next_version(draft, delegates["KZ"], officer)
    notices = Message.objects.filter(kind=MessageKind.PROCEDURE_VERSION_SUPERSEDED)
    assert {m.recipient for m in notices} == {coordinator_user, chair_user, secretariat_user}
    notice = notices.get(recipient=coordinator_user)
    assert notice.link == f"/decisions/{on_v1.pk}/"
    assert "Version 2 supersedes the text under decision" in notice.subject
    assert "can adopt only the text of version 1" in notice.body


def test_no_notice_when_no_procedure_is_open_on_an_earlier_version(draft, delegates, officer):
    next_version(draft, delegates["KZ"], officer)
    assert not Message.objects.filter(kind=MessageKind.PROCEDURE_VERSION_SUPERSEDED).exists()


def test_reopening_withdraws_and_opens_on_the_latest_version_in_one_step(
    draft, on_v1, delegates, officer, chair, audit_entries, coordinator_user
):
    services.state_position(actor=delegates["KZ"], procedure_id=on_v1.pk, kind="join")
    next_version(draft, delegates["KZ"], officer)
    later = OPENING + dt.timedelta(days=1)
    with clock.frozen_at(later):
        new = superseding.reopen_on_version(
            actor=chair, procedure_id=on_v1.pk, reason="Version 2 moves the Summit to 2031."
        )
    on_v1.refresh_from_db()
    assert (on_v1.status, on_v1.reopened_as, on_v1.withdrawn_because) == (
        "withdrawn", new, "Version 2 moves the Summit to 2031.",
    )  # fmt: skip
    assert (new.status, new.version.number, new.title, new.mode, new.subject) == (
        "open", 2, on_v1.title, "silence", "document_adoption",
    )  # fmt: skip
    assert new.deadline == later + services.DEFAULT_SILENCE
    assert not new.positions.exists()  # positions on version 1 do not carry over
    draft.refresh_from_db()
    assert draft.status == Document.Status.CIRCULATED
    withdrawn = audit_entries(AuditEvent.PROCEDURE_WITHDRAWN)[-1]
    assert withdrawn.data == {"reason": "Version 2 moves the Summit to 2031."}
    assert audit_entries(AuditEvent.PROCEDURE_OPENED)[-1].data["reopens"] == on_v1.pk
    told = Message.objects.get(kind=MessageKind.PROCEDURE_REOPENED, recipient=coordinator_user)
    assert told.link == f"/decisions/{new.pk}/" and "do not carry over" in told.body


def test_reopening_takes_a_deadline_given(draft, on_v1, delegates, officer):
    next_version(draft, delegates["KZ"], officer)
    deadline = OPENING + dt.timedelta(days=3)
    new = superseding.reopen_on_version(
        actor=officer, procedure_id=on_v1.pk, reason="New text.", deadline=deadline
    )
    assert new.deadline == deadline


def test_reopening_is_for_the_chair_or_the_secretariat(draft, on_v1, delegates, officer):
    next_version(draft, delegates["KZ"], officer)
    with pytest.raises(NotPermitted):
        superseding.reopen_on_version(actor=delegates["KZ"], procedure_id=on_v1.pk, reason="x")
    with pytest.raises(NotPermitted):
        superseding.keep_version(actor=delegates["KZ"], procedure_id=on_v1.pk)
    on_v1.refresh_from_db()
    assert on_v1.status == "open" and on_v1.kept_despite is None


def test_reopening_needs_a_reason_and_a_later_version(draft, on_v1, delegates, officer):
    with pytest.raises(InvalidTransition) as refused:
        superseding.reopen_on_version(actor=officer, procedure_id=on_v1.pk, reason="New text.")
    assert "latest version of “" in refused.value.message
    assert refused.value.document.url == f"/drafts/{draft.slug}/"
    next_version(draft, delegates["KZ"], officer)
    with pytest.raises(InvalidInput) as refused:
        superseding.reopen_on_version(actor=officer, procedure_id=on_v1.pk, reason="  ")
    assert refused.value.field == "reason"
    on_v1.refresh_from_db()
    assert on_v1.status == "open"


def test_a_failure_in_opening_again_leaves_the_procedure_open(
    draft, on_v1, delegates, officer, monkeypatch
):
    """One transaction: the withdrawal does not stand without the new procedure."""
    next_version(draft, delegates["KZ"], officer)
    with pytest.raises(InvalidInput):
        superseding.reopen_on_version(
            actor=officer, procedure_id=on_v1.pk, reason="New text.", deadline=OPENING
        )
    on_v1.refresh_from_db()
    draft.refresh_from_db()
    assert on_v1.status == "open" and on_v1.reopened_as is None
    assert draft.status == Document.Status.CIRCULATED
    assert selectors.list_procedures(officer).count() == 1


def test_keeping_is_recorded_and_asked_again_for_a_still_later_version(
    draft, on_v1, delegates, officer, chair, audit_entries
):
    next_version(draft, delegates["KZ"], officer)
    superseding.keep_version(actor=chair, procedure_id=on_v1.pk)
    superseding.keep_version(actor=chair, procedure_id=on_v1.pk)  # changes nothing
    on_v1.refresh_from_db()
    assert selectors.superseded(on_v1).kept
    [kept] = audit_entries(AuditEvent.PROCEDURE_VERSION_KEPT)
    assert kept.data == {"version": 1, "newest": 2}
    next_version(draft, delegates["KZ"], officer, text="We decide to hold the 8th Summit in 2032.")
    on_v1.refresh_from_db()
    found = selectors.superseded(on_v1)
    assert (found.newest.number, found.kept) == (3, False)


def test_the_draft_page_lists_the_procedures_on_an_earlier_version(
    draft, on_v1, delegates, officer
):
    assert selectors.list_superseded(officer, draft) == []
    next_version(draft, delegates["KZ"], officer)
    [found] = selectors.list_superseded(delegates["IN"], draft)
    assert found.procedure == on_v1 and found.newest.number == 2
