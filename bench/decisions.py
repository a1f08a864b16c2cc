"""Consensus at scale: the tally of a 193-state procedure, listing 10,000 procedures (each beside
a bare SQL count of the same rows, in the same run), and positions per second under concurrent
load.

    .venv/bin/python bench/decisions.py --database postgres
    .venv/bin/python bench/decisions.py --database sqlite      (no concurrency figure)
"""

import argparse
import datetime as dt
import itertools
import os
import statistics
import string
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.search_latency import PG_ADMIN, prepare_database


def median_ms(fn, rounds: int = 50) -> float:
    fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args.add_argument("--procedures", type=int, default=10_000)
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        prepare_database(opts.database, tmp)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections
        from django.test import Client

        from concord.accounts.models import User
        from concord.accounts.services import create_user, issue_api_token
        from concord.core import clock
        from concord.core.actors import SYSTEM, actor_for
        from concord.decisions import selectors, services
        from concord.decisions.models import Position, Procedure
        from concord.decisions.requests import ProcedureRequest, SubjectRequest
        from concord.members.models import Membership, Participant

        call_command("migrate", verbosity=0)
        codes = ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2)][:193]
        for code in codes:
            participant = Participant.objects.create(
                kind="state", code=code, name_en=code, name_ru=code
            )
            Membership.objects.create(
                participant=participant, status="member", since=dt.date(2000, 1, 1)
            )
        officer = actor_for(create_user(actor=SYSTEM, email="o@bench.example", role="secretariat"))
        delegates = [
            actor_for(
                create_user(actor=SYSTEM, email=f"{c}@bench.example", role="delegate", state=c)
            )
            for c in codes
        ]
        procedure = services.open_procedure(
            actor=officer,
            request=ProcedureRequest(
                title="General Assembly scale",
                subject=SubjectRequest("text", text="We agree."),
                mode="in_session",
            ),
        )
        for n, actor in enumerate(delegates):
            kind = "join" if n % 10 else "stand_aside"
            services.state_position(
                actor=actor,
                procedure_id=procedure.pk,
                kind=kind,
                statement="" if n % 10 else "Noted.",
            )

        def bare_tally():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT kind, count(*) FROM decisions_position WHERE procedure_id = %s "
                    "AND superseded_at IS NULL GROUP BY kind", [procedure.pk],
                )  # fmt: skip
                return cursor.fetchall()

        ours = median_ms(lambda: selectors.tally(procedure))
        bare = median_ms(bare_tally)
        print(
            f"{opts.database}: tally of 193 states      {ours:7.2f} ms   bare GROUP BY {bare:6.2f} ms   ratio {ours / bare:5.1f}x"
        )

        now = clock.now()
        Procedure.objects.bulk_create(
            Procedure(title=f"Procedure {n}", subject="text", text="T", mode="in_session",
                      opened_by=officer.user, opened_at=now - dt.timedelta(minutes=n))
            for n in range(opts.procedures)
        )  # fmt: skip
        token = issue_api_token(
            actor=SYSTEM, user=User.objects.get(email="o@bench.example"), name="b"
        )[1]
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
        listing = median_ms(lambda: client.get("/api/procedures").json(), rounds=30)

        def bare_count():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM decisions_procedure")
                return cursor.fetchone()

        count = median_ms(bare_count, rounds=30)
        total = Procedure.objects.count()
        print(
            f"{opts.database}: GET /api/procedures ({total:,}) {listing:7.2f} ms   bare count(*)  {count:6.2f} ms   ratio {listing / count:5.1f}x"
        )

        if opts.database == "postgres":
            connections.close_all()
            target = services.open_procedure(
                actor=officer,
                request=ProcedureRequest(
                    title="Load", subject=SubjectRequest("text", text="L."), mode="in_session"
                ),
            )
            done, lock = [0], threading.Lock()

            def worker(actors):
                for round_ in range(5):
                    for actor in actors:
                        services.state_position(actor=actor, procedure_id=target.pk, kind="join" if round_ % 2 else "stand_aside",
                                                statement="" if round_ % 2 else "For the record.")  # fmt: skip
                        with lock:
                            done[0] += 1
                connections.close_all()

            groups = [delegates[i::8] for i in range(8)]
            start = time.perf_counter()
            threads = [threading.Thread(target=worker, args=(g,)) for g in groups]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - start
            current = Position.objects.filter(procedure=target, superseded_at=None).count()
            print(f"postgres: {done[0]} positions from 8 threads in {elapsed:.2f} s = {done[0] / elapsed:,.0f} positions/s "
                  f"(one procedure, row-locked; {current} current positions)")  # fmt: skip
            connections.close_all()
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS concord_bench WITH (FORCE)")
    os.environ.pop("DATABASE_URL", None)


if __name__ == "__main__":
    main()
