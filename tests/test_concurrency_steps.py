"""Steps taken twice at once (PostgreSQL, real connections): two reopenings of one superseded
procedure make one new procedure; closings at the same moment each get their own record
number, in one unbroken series."""

import threading

import pytest
from django.db import connection, connections

from concord.accounts.services import create_user
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import DomainError
from concord.decisions import services, superseding
from concord.decisions.models import Procedure
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents.services import import_text
from concord.drafting import services as drafting
from concord.drafting.requests import AmendmentRequest
from concord.drafting.tests.conftest import DRAFT

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers; the race needs PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]


def _race(calls) -> tuple[list, list, list]:
    """Run each call in its own thread and connection, all released at once."""
    start = threading.Barrier(len(calls))
    done, refused, errors = [], [], []

    def run(call):
        try:
            start.wait()
            done.append(call())
        except DomainError as exc:
            refused.append(exc)
        except Exception as exc:  # any other error is a failure of the test
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, refused, errors


@pytest.fixture
def cast():
    from concord.members.services import load_reference_data

    load_reference_data(actor=SYSTEM)
    officers = [
        actor_for(create_user(actor=SYSTEM, email=f"o{n}@s.example", role="secretariat"))
        for n in range(2)
    ]
    chair = actor_for(create_user(actor=SYSTEM, email="c@az.example", role="chair", state="AZ"))
    delegate = actor_for(
        create_user(actor=SYSTEM, email="d@kz.example", role="delegate", state="KZ")
    )
    return {"officers": officers, "chair": chair, "delegate": delegate}


def test_two_reopenings_at_once_make_one_procedure(cast):
    officer = cast["officers"][0]
    draft = import_text(actor=SYSTEM, raw=DRAFT, slug="seventh-summit-declaration").document
    v1 = draft.versions.get(number=1)
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Seventh Summit Declaration",
            subject=SubjectRequest("document_adoption", version=v1.pk),
            mode="silence",
        ),
    )
    amendment = drafting.propose_amendment(
        actor=cast["delegate"],
        request=AmendmentRequest(
            version_id=v1.pk, language="en", kind="edit", unit="op-1",
            text="We decide to hold the 8th Summit in 2031.", rationale="Later.",
        ),
    )  # fmt: skip
    drafting.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    drafting.incorporate_amendments(actor=officer, version_id=v1.pk)
    actors = [*cast["officers"], cast["chair"]]
    done, refused, errors = _race(
        [
            lambda a=a: superseding.reopen_on_version(
                actor=a, procedure_id=procedure.pk, reason="Version 2."
            )
            for a in actors
        ]
    )
    assert errors == []
    assert (len(done), len(refused)) == (1, 2)
    assert Procedure.objects.count() == 2
    assert Procedure.objects.filter(status="open").count() == 1


def test_closings_at_once_number_their_records_without_a_gap_or_a_twin(cast):
    chair = cast["chair"]
    procedures = [
        services.open_procedure(
            actor=chair,
            request=ProcedureRequest(
                title=f"Question {n}",
                subject=SubjectRequest("text", text=f"We agree, {n}."),
                mode="in_session",
            ),
        )
        for n in range(6)
    ]
    _done, refused, errors = _race(
        [lambda p=p: services.close_procedure(actor=chair, procedure_id=p.pk) for p in procedures]
    )
    assert (errors, refused) == ([], [])
    numbers = sorted(Procedure.objects.values_list("record_seq", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]
    years = set(Procedure.objects.values_list("record_year", flat=True))
    assert len(years) == 1
