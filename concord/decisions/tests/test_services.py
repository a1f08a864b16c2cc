import datetime as dt

import pytest

from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted
from concord.decisions import selectors, services
from concord.decisions.models import Position
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.members import selectors as registry

from .conftest import OPENING

DEADLINE = OPENING + dt.timedelta(days=14)


def silence(
    actor,
    *,
    title="Accession of Turkmenistan",
    subject="accession",
    state="TM",
    text="",
    version=None,
    mode="silence",
    deadline=None,
):
    asked = SubjectRequest(subject, state=state, version=version, text=text)
    request = ProcedureRequest(title=title, subject=asked, mode=mode, deadline=deadline)
    return services.open_procedure(actor=actor, request=request)


def test_opening_seats_todays_members_with_a_two_week_default(officer, audit_entries):
    procedure = silence(officer)
    assert procedure.deadline == DEADLINE
    assert procedure.seats.count() == 28
    assert audit_entries(AuditEvent.PROCEDURE_OPENED)[-1].data["seats"] == 28


def test_only_the_chair_or_secretariat_opens(delegates, chair):
    with pytest.raises(NotPermitted, match="Only the Chair or the Secretariat"):
        silence(delegates["KZ"])
    assert silence(chair).pk


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"state": "KZ"}, "subject.state", "already a Member State"),
        ({"state": "XX"}, "subject.state", "No state or organisation"),
        (
            {"subject": "chairmanship", "state": "AZ"},
            "subject.state",
            "already holds the Chairmanship",
        ),
        ({"subject": "text", "state": None}, "subject.text", "Give the text"),
        ({"deadline": OPENING - dt.timedelta(seconds=1)}, "deadline", "in the future"),
        ({"mode": "in_session", "deadline": DEADLINE}, "deadline", "no deadline"),
    ],
)
def test_opening_errors_name_the_field(officer, kw, field, message):
    with pytest.raises(InvalidInput, match=message) as caught:
        silence(officer, **kw)
    assert caught.value.field == field


def test_a_second_open_procedure_on_the_same_state_is_refused(officer):
    silence(officer)
    with pytest.raises(InvalidTransition, match="already open"):
        silence(officer)


def test_silence_holds_and_the_accession_takes_effect_at_the_deadline(
    officer, delegates, audit_entries
):
    procedure = silence(officer)
    services.state_position(actor=delegates["KZ"], procedure_id=procedure.pk, kind="join")
    with clock.frozen_at(DEADLINE):
        assert services.settle(procedure.pk)  # the task at the deadline
        read = selectors.access_procedure(officer, procedure.pk)
    assert (read.status, read.outcome, read.closed_at) == ("closed", "adopted", DEADLINE)
    turkmenistan = registry.get_state("TM")
    assert registry.status_on(turkmenistan, DEADLINE.date()) == "member"
    assert registry.status_on(turkmenistan, DEADLINE.date() - dt.timedelta(days=1)) == "observer"
    assert audit_entries(AuditEvent.MEMBER_ADMITTED)[-1].data["since"] == str(DEADLINE.date())
    assert services.settle(procedure.pk) is False  # closing twice is harmless


def test_an_objection_blocks_and_nothing_takes_effect(officer, delegates):
    procedure = silence(officer)
    services.state_position(
        actor=delegates["CN"], procedure_id=procedure.pk, kind="object", statement="Not yet."
    )
    with clock.frozen_at(DEADLINE + dt.timedelta(hours=1)):
        assert services.settle(procedure.pk)
        procedure.refresh_from_db()
        assert procedure.outcome == "not_adopted"
        assert registry.status_on(registry.get_state("TM"), clock.today()) == "observer"


def test_a_withdrawn_objection_lets_silence_hold(officer, delegates):
    procedure = silence(officer)
    services.state_position(
        actor=delegates["CN"], procedure_id=procedure.pk, kind="object", statement="Not yet."
    )
    services.state_position(actor=delegates["CN"], procedure_id=procedure.pk, kind="join")
    history = list(
        procedure.positions.order_by("stated_at", "id").values_list("kind", "superseded_at")
    )
    assert [k for k, _ in history] == ["object", "join"] and history[0][1] is not None
    with clock.frozen_at(DEADLINE):
        assert services.settle(procedure.pk)
        assert selectors.access_procedure(officer, procedure.pk).outcome == "adopted"


def test_positions_one_second_before_and_at_the_deadline(officer, delegates):
    procedure = silence(officer)
    with clock.frozen_at(DEADLINE - dt.timedelta(seconds=1)):
        services.state_position(actor=delegates["KZ"], procedure_id=procedure.pk, kind="join")
    with clock.frozen_at(DEADLINE), pytest.raises(InvalidTransition, match="deadline passed"):
        services.state_position(actor=delegates["IN"], procedure_id=procedure.pk, kind="join")
    assert Position.objects.filter(procedure=procedure).count() == 1


def test_objection_needs_reasons_and_stand_aside_a_statement(officer, delegates):
    procedure = silence(officer)
    with pytest.raises(InvalidInput, match="needs its reasons") as caught:
        services.state_position(actor=delegates["KZ"], procedure_id=procedure.pk, kind="object")
    assert caught.value.field == "statement"
    with pytest.raises(InvalidInput, match="interpretative statement"):
        services.state_position(
            actor=delegates["KZ"], procedure_id=procedure.pk, kind="stand_aside", statement=" "
        )


def test_observers_and_non_members_take_no_positions(officer, observer_user, actor_of):
    procedure = silence(officer)
    with pytest.raises(NotPermitted, match=r"Observers follow procedures but take no positions\."):
        services.state_position(
            actor=actor_of(observer_user), procedure_id=procedure.pk, kind="join"
        )
    with pytest.raises(NotPermitted, match="Only a Member State counted"):
        services.state_position(actor=officer, procedure_id=procedure.pk, kind="join")


def test_a_state_that_accedes_during_a_procedure_does_not_join_it(officer, delegates):
    first = silence(
        officer, subject="text", state=None, text="We decide to mark CICA Day.", title="CICA Day"
    )
    accession = silence(officer)
    with clock.frozen_at(DEADLINE):
        assert services.settle(accession.pk)
        assert selectors.access_procedure(officer, accession.pk).outcome == "adopted"
        assert not first.seats.filter(participant__code="TM").exists()


def test_in_session_the_chair_closes_and_a_second_close_is_an_error(chair, delegates):
    procedure = services.open_procedure(
        actor=chair,
        request=ProcedureRequest(
            title="India", subject=SubjectRequest("chairmanship", state="IN"), mode="in_session"
        ),
    )
    services.state_position(actor=delegates["IN"], procedure_id=procedure.pk, kind="join")
    services.state_position(
        actor=delegates["RU"],
        procedure_id=procedure.pk,
        kind="stand_aside",
        statement="We note it.",
    )
    with pytest.raises(NotPermitted, match="Only the Chair closes"):
        services.close_procedure(actor=delegates["KZ"], procedure_id=procedure.pk)
    closed = services.close_procedure(actor=chair, procedure_id=procedure.pk)
    assert closed.outcome == "adopted"
    assert registry.chairmanship_on(OPENING.date()).participant.code == "IN"
    with pytest.raises(InvalidTransition, match="already closed"):
        services.close_procedure(actor=chair, procedure_id=procedure.pk)


def test_a_silence_procedure_cannot_be_closed_early(officer):
    procedure = silence(officer)
    with pytest.raises(InvalidTransition, match="closes itself at its deadline"):
        services.close_procedure(actor=officer, procedure_id=procedure.pk)


def test_withdrawal_by_the_proposer(officer, chair, delegates):
    procedure = silence(chair)
    with pytest.raises(NotPermitted):
        services.withdraw_procedure(actor=delegates["KZ"], procedure_id=procedure.pk)
    assert services.withdraw_procedure(actor=chair, procedure_id=procedure.pk).status == "withdrawn"
    with pytest.raises(InvalidTransition, match="positions are closed"):
        services.state_position(actor=delegates["KZ"], procedure_id=procedure.pk, kind="join")
    with clock.frozen_at(DEADLINE):
        assert services.settle(procedure.pk) is False


def test_observer_status_granted_and_ended(officer):
    granted = silence(officer, subject="observer_status", state="AU", title="Australia as observer")
    ended = silence(officer, subject="end_observer_status", state="UA", title="Ukraine")
    with clock.frozen_at(DEADLINE):
        services.settle_due()
        day = clock.today()
    assert registry.status_on(registry.get_state("AU"), day) == "observer"
    assert registry.status_on(registry.get_state("UA"), day) is None
    granted.refresh_from_db()
    ended.refresh_from_db()
    assert granted.outcome == ended.outcome == "adopted"


def test_document_adoption_freezes_the_version(officer):
    from concord.core.actors import SYSTEM
    from concord.documents.services import import_text

    draft = import_text(actor=SYSTEM, raw=b"Statement on Water\n\nDecide:\n\n1. We cooperate.\n")
    version = draft.text.version
    procedure = silence(
        officer, subject="document_adoption", state=None, version=version.pk, title="Water"
    )
    with clock.frozen_at(DEADLINE):
        services.settle_due()
    version.refresh_from_db()
    assert version.frozen
    assert version.document.status == "adopted" and version.document.adopted_on == DEADLINE.date()
    procedure.refresh_from_db()
    assert procedure.outcome == "adopted"


def test_opening_a_silence_procedure_schedules_its_settling(
    officer, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    default_task_backend.results.clear()
    with django_capture_on_commit_callbacks(execute=True):
        procedure = silence(officer)
    by_name = {result.task.name: result for result in default_task_backend.results}
    assert by_name["remind_procedure"].task.run_after == DEADLINE - dt.timedelta(hours=48)
    scheduled = by_name["settle_procedure"]
    assert scheduled.task.run_after == DEADLINE
    assert scheduled.args == [procedure.pk]
    with clock.frozen_at(DEADLINE):
        assert scheduled.task.call(procedure.pk) is True  # what the worker runs


def test_rival_questions_on_one_state_or_one_document_are_refused(officer, registry):
    from concord.documents.services import import_text

    silence(officer)  # the accession of Turkmenistan, an observer today
    with pytest.raises(InvalidTransition, match="status of Turkmenistan is already open"):
        silence(officer, subject="end_observer_status")
    draft = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree.\n")
    version = draft.text.version
    silence(officer, subject="document_adoption", state=None, version=version.pk)
    with pytest.raises(InvalidTransition, match="adoption of") as caught:
        silence(officer, subject="document_adoption", state=None, version=version.pk)
    assert caught.value.field == "subject.version"


def test_a_later_version_of_an_adopted_document_is_not_put_to_a_decision(officer, registry):
    from concord.documents.services import adopt_version, import_text

    first = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree.\n", slug="s")
    second = import_text(actor=SYSTEM, raw=b"Statement\n\nDecide:\n\n1. We agree now.\n", slug="s")
    assert (first.text.version.number, second.text.version.number) == (1, 2)
    adopt_version(actor=SYSTEM, version=first.text.version, on=OPENING.date())
    with pytest.raises(InvalidInput, match="adopted already") as caught:
        silence(officer, subject="document_adoption", state=None, version=second.text.version_id)
    assert caught.value.field == "subject.version"
