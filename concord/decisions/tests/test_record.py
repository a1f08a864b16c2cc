"""The decision record: numbered in order of closing within the year, with who closed it; the
question and the Chair's forecast in one line, in both languages."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from concord.audit.events import AuditEvent
from concord.core import clock
from concord.decisions import selectors, services, wording
from concord.decisions.models import Procedure
from concord.decisions.requests import ProcedureRequest, SubjectRequest

from .conftest import OPENING


def opened(actor, mode="in_session", title="CICA Day"):
    return services.open_procedure(
        actor=actor,
        request=ProcedureRequest(
            title=title, subject=SubjectRequest("text", text=f"We agree on {title}."), mode=mode
        ),
    )


def test_records_are_numbered_in_order_of_closing_within_the_year(chair, officer, audit_entries):
    first, second, third = (opened(chair, title=t) for t in ("One", "Two", "Three"))
    silent = opened(officer, mode="silence", title="Four")  # its deadline: 11 December 2026
    services.close_procedure(actor=chair, procedure_id=second.pk)
    services.close_procedure(actor=chair, procedure_id=first.pk)
    assert audit_entries(AuditEvent.PROCEDURE_CLOSED)[-1].data["record_number"] == "CICA/D/2026/2"
    with clock.frozen_at(OPENING + dt.timedelta(days=14)):
        assert services.settle(silent.pk)
    with clock.frozen_at(dt.datetime(2027, 1, 5, 10, tzinfo=dt.UTC)):
        services.close_procedure(actor=chair, procedure_id=third.pk)
    numbers = {p.title: (p.record_number, p.closed_by) for p in Procedure.objects.all()}
    assert numbers == {
        "Two": ("CICA/D/2026/1", chair.user),
        "One": ("CICA/D/2026/2", chair.user),
        "Four": ("CICA/D/2026/3", None),  # closed by its deadline
        "Three": ("CICA/D/2027/1", chair.user),
    }


def test_a_withdrawn_procedure_has_no_number_but_says_who_withdrew_it(officer):
    procedure = services.withdraw_procedure(actor=officer, procedure_id=opened(officer).pk)
    assert procedure.record_number == "" and procedure.closed_by == officer.user


def test_two_records_cannot_share_a_number(chair):
    first, second = opened(chair, title="One"), opened(chair, title="Two")
    services.close_procedure(actor=chair, procedure_id=first.pk)
    services.close_procedure(actor=chair, procedure_id=second.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Procedure.objects.filter(pk=second.pk).update(record_seq=1)


def test_an_open_procedure_cannot_be_numbered(chair):
    procedure = opened(chair)
    with pytest.raises(IntegrityError), transaction.atomic():
        Procedure.objects.filter(pk=procedure.pk).update(record_year=2026, record_seq=1)


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            [
                "Silence holds: no objection so far",
                "Silence broken: India objects",
                "Silence broken: India and Thailand object",
                "Silence broken: China, India and Thailand object",
            ],
        ),
        (
            "ru",
            [
                "Режим молчания соблюдается: возражений пока нет",
                "Режим молчания нарушен: возражает Индия",
                "Режим молчания нарушен: возражают Индия и Таиланд",
                "Режим молчания нарушен: возражают Индия, Китай и Таиланд",
            ],
        ),
    ],
)
def test_the_question_names_every_objecting_state(officer, delegates, language, lines):
    procedure = opened(officer, mode="silence")
    seen = []
    for code in (None, "IN", "TH", "CN"):
        if code:
            services.state_position(
                actor=delegates[code], procedure_id=procedure.pk, kind="object", statement="No."
            )
        with translation.override(language):
            board = selectors.named_tally(procedure)
            seen.append(selectors.question(procedure, selectors.standing(procedure), board))
    assert seen == lines


def test_a_closed_or_withdrawn_question_says_how_it_ended(chair, delegates):
    procedure = opened(chair)
    services.state_position(
        actor=delegates["RU"], procedure_id=procedure.pk, kind="object", statement="No."
    )
    closed = services.close_procedure(actor=chair, procedure_id=procedure.pk)
    board = selectors.named_tally(closed)
    assert selectors.question(closed, selectors.standing(closed), board) == (
        "Not adopted: Russia objected"
    )
    withdrawn = services.withdraw_procedure(actor=chair, procedure_id=opened(chair).pk)
    line = selectors.question(withdrawn, selectors.standing(withdrawn), {"objected": []})
    assert line == "Withdrawn: no decision was taken"


def test_a_past_deadline_reads_as_the_outcome_it_will_have(officer):
    procedure = opened(officer, mode="silence")
    with clock.frozen_at(OPENING + dt.timedelta(days=15)):
        standing = selectors.standing(procedure)
        line = selectors.question(procedure, standing, selectors.named_tally(procedure))
    assert line == "Adopted: no Member State objected"


def test_the_forecast_counts_and_names():
    board = {"joined": ["China"], "objected": [], "stood_aside": ["India"], "silent": ["Iran"]}
    assert wording.forecast(board) == (
        "If you close now, the decision is adopted: no Member State objects "
        "(1 joined, 1 stood aside, 1 did not respond)."
    )
    board["objected"] = ["India", "Iran"]
    assert wording.forecast(board) == (
        "If you close now, the decision is not adopted: India and Iran object."
    )
