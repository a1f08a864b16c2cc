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
        title="Race",
        subject="text",
        text="We agree.",
        mode="silence",
        deadline=deadline,
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
