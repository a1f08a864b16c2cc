"""Search latency through /api/search beside the bare engine query on the same corpus.

    .venv/bin/python bench/search_latency.py --paragraphs 100000 --database sqlite
    .venv/bin/python bench/search_latency.py --paragraphs 1000000 --database postgres

The corpus (synthetic units made of the seed's sentences) is built in a throwaway database:
a file under a temporary folder for SQLite, `concord_bench` on the local PostgreSQL server.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import sentences

QUERIES = [
    "terrorism", "nuclear weapons", "cooperation", "energy security", "Member States",
    "drug trafficking", "Avian influenza", "separatism", "Silk Way", "consensus",
    "international law", "tourism", "sustainable development", "confidence building",
    "Central Asia", "Alliance of Civilizations", "non-proliferation", "money-laundering",
]  # fmt: skip
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgres://postgres@127.0.0.1:5432/concord_bench"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def prepare_database(kind: str, tmp: str) -> None:
    if kind == "postgres":
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS concord_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE concord_bench")
        url = PG_BENCH
    else:
        url = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        CONCORD_VAR_DIR=tmp,
        DATABASE_URL=url,
        ALLOWED_HOSTS="testserver",
    )


def build_corpus(paragraphs: int, per_document: int = 1000) -> float:
    from django.db import transaction

    from concord.core import clock
    from concord.documents.models import Document, Text, Unit, Version

    rng, pool = random.Random(1992), sentences()
    start, now = time.perf_counter(), clock.now()
    for d in range(0, paragraphs, per_document):
        with transaction.atomic():
            document = Document.objects.create(
                slug=f"bench-{d}", doc_type="declaration", status="adopted", title_en=f"Bench {d}"
            )
            version = Version.objects.create(
                document=document, number=1, frozen=True, created_at=now
            )
            language = "ru" if d % (per_document * 10) == per_document * 9 else "en"
            text = Text.objects.create(
                version=version, language=language, title=document.title_en, structure={},
                source_text="", content_hash=f"bench-{d}", imported_at=now,
            )  # fmt: skip
            Unit.objects.bulk_create(
                (
                    Unit(
                        text=text,
                        uid=f"op-{n}",
                        kind="paragraph",
                        number=str(n),
                        ordinal=n,
                        content=f"{rng.choice(pool)} {rng.choice(pool)}",
                    )
                    for n in range(1, min(per_document, paragraphs - d) + 1)
                ),
                batch_size=2000,
            )
    from django.db import connection

    with connection.cursor() as cursor:  # what autovacuum would do soon after a bulk load
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "PRAGMA optimize")
    return time.perf_counter() - start


def bare_query(kind: str, query: str):
    from django.db import connection

    from concord.documents.search import fts5_match, terms

    with connection.cursor() as cursor:
        if kind == "sqlite":
            cursor.execute(
                "SELECT rowid FROM documents_unit_fts WHERE documents_unit_fts MATCH %s "
                "ORDER BY rank LIMIT 20",
                [fts5_match(terms(query))],
            )
        else:
            cursor.execute(
                "SELECT id FROM documents_unit "
                "WHERE search_vector @@ websearch_to_tsquery('english', %s) "
                "ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', %s)) DESC LIMIT 20",
                [query, query],
            )
        return cursor.fetchall()


def measure(label: str, fn, rounds: int) -> list[float]:
    for query in QUERIES:  # warm the caches once
        fn(query)
    timings = []
    for r in range(rounds):
        query = QUERIES[r % len(QUERIES)]
        start = time.perf_counter()
        fn(query)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<28} p50 {percentile(timings, 0.5):8.2f} ms   p95 {percentile(timings, 0.95):8.2f} ms"
    )
    return timings


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--paragraphs", type=int, default=100_000)
    args.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args.add_argument("--rounds", type=int, default=180)
    args.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        prepare_database(opts.database, tmp)
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        built = build_corpus(opts.paragraphs)
        print(f"{opts.database}: {opts.paragraphs:,} paragraphs indexed in {built:.0f} s")
        client = Client()
        api = measure(
            "GET /api/search", lambda q: client.get("/api/search", {"q": q}).json(), opts.rounds
        )
        bare = measure("bare engine query", lambda q: bare_query(opts.database, q), opts.rounds)
        print(
            f"ratio api/bare: p50 {percentile(api, 0.5) / percentile(bare, 0.5):.2f}x, "
            f"p95 {percentile(api, 0.95) / percentile(bare, 0.95):.2f}x"
        )
        if opts.database == "postgres" and not opts.keep:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS concord_bench WITH (FORCE)")


if __name__ == "__main__":
    main()
