"""Drafting at scale: a draft of 1,000 paragraphs (with sections and continuation blocks),
100 amendments proposed, accepted and incorporated into version 2, then the two versions
compared — beside a bare difflib comparison of the same unit texts, in the same run (ratio).

    .venv/bin/python bench/drafting.py [--paragraphs 1000] [--amendments 100] [--database sqlite|postgres]
"""

import argparse
import difflib
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import declaration, sentences
from bench.search_latency import prepare_database


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def median_ms(fn, rounds: int = 7) -> float:
    return statistics.median(timed(fn)[0] for _ in range(rounds))


def peak_mib(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args.add_argument("--paragraphs", type=int, default=1000)
    args.add_argument("--amendments", type=int, default=100)
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        prepare_database(opts.database, tmp)
        import django

        django.setup()
        from django.core.management import call_command

        from concord.accounts.services import create_user
        from concord.core.actors import SYSTEM, actor_for
        from concord.documents.services import import_text
        from concord.drafting import comparison, selectors, services
        from concord.drafting.requests import AmendmentRequest
        from concord.members.services import load_reference_data

        call_command("migrate", verbosity=0)
        load_reference_data(actor=SYSTEM)
        delegate = actor_for(
            create_user(actor=SYSTEM, email="d@kz.example", role="delegate", state="KZ")
        )
        rng, pool = random.Random(2006), sentences()
        text = declaration(opts.paragraphs, rng, pool)
        imported = import_text(actor=SYSTEM, raw=text, slug="bench-draft")
        document, v1 = imported.document, imported.text.version
        units = selectors.version_units(v1, "en")
        print(f"draft: {opts.paragraphs} paragraphs, {len(units)} units, {len(text):,} characters")

        paragraphs = [u["id"] for u in units if u["kind"] == "paragraph"]
        targets = rng.sample(paragraphs, opts.amendments)
        kinds = ["edit", "insert", "delete", "replace"]

        by_id = {u["id"]: u["text"] for u in units}

        def proposed_text(kind: str, unit: str, n: int) -> str:
            if kind == "delete":
                return ""
            if kind == "edit":  # a few words changed, as delegations do
                words = by_id[unit].split()
                words[len(words) // 2] = "firmly"
                return " ".join([*words[:-1], "in", "full", words[-1]])
            return f"We agree on point {n} of the text."

        def propose_all():
            for n, unit in enumerate(targets):
                kind = kinds[n % 4]
                services.propose_amendment(
                    actor=delegate,
                    request=AmendmentRequest(
                        version_id=v1.pk, language="en", kind=kind, unit=unit,
                        text=proposed_text(kind, unit, n), rationale="Bench.",
                    ),
                )  # fmt: skip

        ms, _ = timed(propose_all)
        print(f"propose: {opts.amendments} amendments in {ms:,.0f} ms "
              f"({ms / opts.amendments:,.1f} ms each: each re-reads the whole draft)")  # fmt: skip
        amendments = list(v1.amendments.order_by("number"))
        ms, _ = timed(
            lambda: [
                services.decide_amendment(actor=SYSTEM, amendment_id=a.pk, accept=True)
                for a in amendments
            ]
        )
        print(f"accept: {len(amendments)} amendments in {ms:,.0f} ms "
              f"(each checked beside those accepted before it)")  # fmt: skip
        holder = {}
        ms, _ = timed(
            lambda: holder.update(
                v2=services.incorporate_amendments(actor=SYSTEM, version_id=v1.pk)
            )
        )
        v2 = holder["v2"]
        print(f"incorporate: version {v2.number} in {ms:,.0f} ms")

        old, new = selectors.version_units(v1, "en"), selectors.version_units(v2, "en")

        def bare():
            a, b = [u["text"] for u in old], [u["text"] for u in new]
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
                if tag == "replace":
                    for x, y in zip(a[i1:i2], b[j1:j2], strict=False):
                        difflib.SequenceMatcher(None, x.split(), y.split()).get_opcodes()

        ours = median_ms(lambda: comparison.compare(old, new))
        base = median_ms(bare)
        whole = median_ms(lambda: selectors.compare_versions(document, 1, 2, "en"))
        summary = {str(k): n for k, n in comparison.summary(comparison.compare(old, new)).items()}
        print(f"compare v1 -> v2: {ours:,.1f} ms (bare difflib on the same texts {base:,.1f} ms, "
              f"ratio {ours / base:.2f}x); with reading both versions {whole:,.1f} ms; {summary}")  # fmt: skip
        mib = peak_mib(lambda: selectors.compare_versions(document, 1, 2, "en"))
        print(f"compare peak memory: {mib:.1f} MiB")


if __name__ == "__main__":
    main()
