"""All Member States post positions at once while the deadline passes (PostgreSQL, real
connections): one outcome, every position before the deadline counted, every later one refused."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, connections

from concord.accounts.services import create_user
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidTransition
from concord.decisions import selectors, services
from concord.decisions.models import Position
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.drafting.requests import AmendmentRequest
from concord.members import selectors as roll


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_positions_racing_the_deadline():
    from concord.members.services import load_reference_data

    load_reference_data(actor=SYSTEM)
    officer = actor_for(create_user(actor=SYSTEM, email="o@s.example", role="secretariat"))
    today = clock.today()

    def delegate(code):
        email = f"d@{code}.example"
        return actor_for(create_user(actor=SYSTEM, email=email, role="delegate", state=code))

    delegates = [delegate(m.participant.code) for m in roll.memberships_on(today, status="member")]
    deadline = clock.now() + dt.timedelta(seconds=2)
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Race",
            subject=SubjectRequest("text", text="We agree."),
            mode="silence",
            deadline=deadline,
        ),
    )
    accepted, refused, errors = [], [], []
    start = threading.Barrier(len(delegates))

    def post(index, actor):
        try:
            start.wait()
            # Spread the posts over the second around the deadline.
            time.sleep(
                max(
                    0.0,
                    (deadline - clock.now()).total_seconds() - 0.5 + index * (1.0 / len(delegates)),
                )
            )
            services.state_position(actor=actor, procedure_id=procedure.pk, kind="join")
            accepted.append(actor.participant.code)
        except InvalidTransition:
            refused.append(actor.participant.code)
        except Exception as exc:  # any other error is a failure of the test
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(i, a)) for i, a in enumerate(delegates)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    print(f"accepted {len(accepted)}, refused {len(refused)}")
    assert errors == []
    assert len(delegates) == 28 and len(accepted) + len(refused) == 28
    time.sleep(max(0.0, (deadline - clock.now()).total_seconds()) + 0.1)
    results = [services.settle(procedure.pk) for _ in range(3)]
    assert results.count(True) == 1  # exactly one outcome
    settled = selectors.access_procedure(officer, procedure.pk)
    stored = list(Position.objects.filter(procedure=procedure))
    assert sorted(p.participant.code for p in stored) == sorted(
        accepted
    )  # nothing lost, none twice
    assert all(p.stated_at < deadline for p in stored)
    assert settled.outcome == "adopted" and settled.closed_at == deadline
    assert sorted(selectors.tally(settled)["joined"]) == sorted(accepted)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; the race needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_amendments_racing_a_new_version():
    """Delegations propose and withdraw while the Secretariat makes the next version: every
    amendment is numbered once, and each ends either in the new version or out of it, never
    both (an amendment withdrawn is never marked incorporated)."""
    from concord.documents.services import import_text
    from concord.drafting import services as drafting
    from concord.drafting.models import Amendment
    from concord.members.services import load_reference_data

    load_reference_data(actor=SYSTEM)
    text = "Statement\n\nDecide:\n\n" + "\n\n".join(f"{n}. Point {n}." for n in range(1, 29))
    v1 = import_text(actor=SYSTEM, raw=text).text.version
    codes = [m.participant.code for m in roll.memberships_on(clock.today(), status="member")]
    actors = [
        actor_for(create_user(actor=SYSTEM, email=f"d@{c}.example", role="delegate", state=c))
        for c in codes
    ]
    first = [
        drafting.propose_amendment(actor=a, request=AmendmentRequest(
            version_id=v1.pk, language="en", kind="edit", unit=f"op-{n}",
            text=f"Point {n}, amended.", rationale="r",
        ))
        for n, a in enumerate(actors[:14], start=1)
    ]  # fmt: skip
    for amendment in first:
        drafting.decide_amendment(actor=SYSTEM, amendment_id=amendment.pk, accept=True)
    start = threading.Barrier(len(actors) + 1)
    errors, made, withdrawn = [], [], []

    def delegation(index, actor):
        try:
            start.wait()
            if index < 14:  # withdraw the accepted amendment
                drafting.withdraw_amendment(actor=actor, amendment_id=first[index].pk)
                withdrawn.append(first[index].number)
            else:  # propose another
                drafting.propose_amendment(actor=actor, request=AmendmentRequest(
                    version_id=v1.pk, language="en", kind="delete", unit=f"op-{index + 1}",
                    rationale="r",
                ))  # fmt: skip
        except InvalidTransition:
            pass  # too late: the version moved on or the amendment was incorporated
        except Exception as exc:  # any other error is a failure of the test
            errors.append(repr(exc))
        finally:
            connections.close_all()

    def secretariat():
        try:
            start.wait()
            made.append(drafting.incorporate_amendments(actor=SYSTEM, version_id=v1.pk))
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=delegation, args=(i, a)) for i, a in enumerate(actors)]
    threads.append(threading.Thread(target=secretariat))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors in ([], ["InvalidInput('Version 1 has no accepted amendments to incorporate.')"])
    amendments = list(Amendment.objects.filter(version=v1))
    assert sorted(a.number for a in amendments if a.status == "withdrawn") == sorted(withdrawn)
    numbers = [a.number for a in amendments]
    assert len(numbers) == len(set(numbers))  # numbered once each
    if made:
        v2 = made[0]
        units = {u.uid: u.content for u in v2.texts.get().units.all()}
        for a in amendments:
            if a.status == "incorporated":
                assert units[a.unit] == a.text  # in the new version
            elif a.kind == "edit":
                assert (
                    a.status == "withdrawn"
                    and units[a.unit] == a.unit.replace("op-", "Point ") + "."
                )
            else:
                assert a.status == "lapsed"  # proposed to v1 before v2 was made
