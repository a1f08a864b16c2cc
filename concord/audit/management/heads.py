"""What the audit commands share: reading saved heads, and printing a verdict."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from concord.audit import chain


def read_saved_heads(paths: list[str]) -> list[chain.Head]:
    heads = []
    for path in paths:
        try:
            heads.append(chain.saved_head(json.loads(Path(path).read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
    return heads


def report(command: BaseCommand, verdict: chain.Verdict, saved: list[chain.Head]) -> None:
    head = verdict.head
    signed = f", signed {head.signed_at:%Y-%m-%d %H:%M:%S %Z}" if head.signed_at else ""
    command.stdout.write(f"Checked {verdict.entries} entries against the head #{head.seq}{signed}.")
    broken = {p.seq for p in verdict.problems}
    for copy in saved:
        if copy.seq not in broken and copy.seq <= head.seq:
            command.stdout.write(f"The chain passes through the saved head #{copy.seq}.")
    for note in verdict.notes:
        command.stdout.write(note)
    for problem in verdict.problems:
        command.stdout.write(f"#{problem.seq}: {problem.reason}")
