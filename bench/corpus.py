"""Synthetic declarations built from the seed's own sentences, deterministic for a given seed."""

import random
import re
from pathlib import Path

SEED = (
    Path(__file__).resolve().parents[1]
    / "concord"
    / "documents"
    / "data"
    / "cica-2006-almaty-declaration.txt"
)
LEADS = [
    "Reaffirming", "Recognizing", "Mindful of", "Deeply concerned", "Having considered",
    "Noting", "Also reaffirming", "Welcoming", "Stressing", "Convinced",
]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def sentences() -> list[str]:
    text = SEED.read_text("utf-8").replace("**", "")
    found = re.findall(r"[A-Z][^.;:]{30,220}\.", text)
    return [s for s in found if not s[0].isdigit()]


def declaration(paragraphs: int, rng: random.Random, pool: list[str]) -> str:
    """A declaration with a preamble, sections of about ten paragraphs and continuation blocks."""
    lines = [
        "CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA",
        "",
        "Adopted by the CICA Ministerial Council",
        "",
        f"Astana, {rng.randint(1, 28)} October {rng.randint(2008, 2025)}",
        "",
        f"DECLARATION on {rng.choice(['security', 'cooperation', 'trade', 'the environment'])}",
        "",
        "We, the Ministers of Foreign Affairs of the Member States of the CICA;",
        "",
    ]
    for lead in rng.sample(LEADS, 5):
        lines += [f"{lead} {rng.choice(pool)[0].lower()}{rng.choice(pool)[1:-1]};", ""]
    lines += ["DECLARE THE FOLLOWING:", ""]
    for n in range(1, paragraphs + 1):
        if (n - 1) % 10 == 0 and (n - 1) // 10 < len(ROMAN):
            lines += [ROMAN[(n - 1) // 10], ""]
        lines += [f"{n}. {rng.choice(pool)} {rng.choice(pool)}", ""]
        if rng.random() < 0.3:
            lines += [rng.choice(pool), ""]
    lines += [f"Astana, {rng.randint(1, 28)} October 2024", ""]
    return "\n".join(lines)


def corpus(documents: int, paragraphs: int, seed: int = 2006) -> list[str]:
    rng, pool = random.Random(seed), sentences()
    return [declaration(paragraphs, rng, pool) for _ in range(documents)]
