"""concord import-document PATH...: import texts (files or folders), one transaction each."""

import argparse
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import Progress

from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError
from concord.core.slugs import check_slug
from concord.documents import import_rules
from concord.documents.models import DocumentType, ImportStatus
from concord.documents.requests import ImportRequest
from concord.documents.services import import_document

SUFFIXES = {".txt", ".md", ".text"}


def expand(paths: list[str]) -> list[Path]:
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return files


def slug_option(value: str) -> str:
    try:
        return check_slug(value)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def _field(exc: DomainError) -> str:
    """The option a refusal is about (--adopt, --slug, --language), as the API names the
    field."""
    return (
        f"--{exc.field.replace('_', '-')}: "
        if exc.field in ("adopt", "slug", "type", "language")
        else ""
    )


def tree(outcome) -> str:
    """The parsed structure as an indented outline, for --dry-run, under the slug of the
    document it would go into."""
    parsed, warnings = outcome.parsed, outcome.warnings
    lines = [f"document: {outcome.slug}", f"title: {parsed.title}", f"language: {parsed.language}"]
    lines += [f"adopted: {parsed.adopted_on or '?'} {parsed.place or ''}".rstrip()]
    if parsed.enacting:
        lines.append(f"enacting: {parsed.enacting[:70]}")
    lines += [f"  {c.id}  [{c.lead}] {c.text[:60]}" for c in parsed.preamble]
    if parsed.formula:
        lines.append(f"formula: {parsed.formula}")
    numbers = {p.number: p for p in parsed.paragraphs}
    sections = parsed.sections or []
    for section in sections:
        lines.append(
            f"section {section.number}" + (f": {section.heading}" if section.heading else "")
        )
        for n in section.paragraphs:
            p = numbers[n]
            lines.append(
                f"    {p.id}  {len(p.blocks)} block(s), {len(p.subparagraphs)} sub-paragraph(s)"
            )
    if not sections:
        lines += [f"    {p.id}  {len(p.blocks)} block(s)" for p in parsed.paragraphs]
    lines += [f"annex {a.id}: {len(a.paragraphs)} paragraph(s)" for a in parsed.annexes]
    if parsed.closing:
        lines.append(f"closing: {parsed.closing}")
    lines += [f"warning: {w}" for w in warnings]
    return "\n".join(lines)


def to_request(raw: bytes, options: dict) -> ImportRequest:
    return ImportRequest(
        raw=raw,
        doc_type=options["type"],
        language=options["language"],
        slug=options["slug"],
        adopt=options["adopt"],
        dry_run=options["dry_run"],
    )


class Command(BaseCommand):
    help = "Import document texts (files or folders); --dry-run prints the parsed tree only."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--type", choices=DocumentType.values)
        parser.add_argument("--language", choices=["en", "ru"])
        parser.add_argument(
            "--slug", type=slug_option, help="attach the text to this document, or name a new one"
        )
        parser.add_argument(
            "--adopt",
            action="store_true",
            help="record a new (historical) document as adopted by a decision taken elsewhere "
            "and freeze it; a draft is adopted only by a consensus procedure",
        )
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument(
            "--json",
            dest="as_json",
            action="store_true",
            help="with --dry-run: print the structure as JSON",
        )

    def handle(self, *args, paths, as_json, **options):
        files = expand(paths)
        slug, dry_run = options["slug"], options["dry_run"]
        if slug and len(files) > 1:
            raise CommandError("--slug names one document: give one file")
        counts = {**dict.fromkeys(ImportStatus, 0), "refused": 0}
        refused, dumps = [], []
        console = Console(file=self.stderr._out, stderr=True)
        with Progress(console=console, transient=True, disable=len(files) < 2) as progress:
            task = progress.add_task("Importing", total=len(files))
            for path in files:
                try:
                    import_rules.check_size(path.stat().st_size, str(path))
                    outcome = import_document(
                        actor=SYSTEM, request=to_request(path.read_bytes(), options)
                    )
                except DomainError as exc:
                    counts["refused"] += 1
                    refused.append(f"{path}: {_field(exc)}{exc.message}")
                except OSError as exc:
                    counts["refused"] += 1
                    refused.append(f"{path}: cannot be read ({exc.strerror})")
                else:
                    counts[outcome.status] += 1
                    if dry_run:
                        dumps.append(
                            outcome.parsed.to_dict() if as_json else f"== {path}\n{tree(outcome)}"
                        )
                    else:
                        self.stdout.write(f"{outcome.status}: {path} -> {outcome.document.slug}")
                        if outcome.added_after_adoption:
                            self.stdout.write("  note: added after the version's adoption")
                        for warning in outcome.warnings:
                            self.stdout.write(f"  warning: {warning}")
                progress.advance(task)
        self._report(dumps, as_json, refused, counts)
        if counts["refused"] and not any(counts[status] for status in ImportStatus):
            raise CommandError("nothing imported")

    def _report(self, dumps, as_json, refused, counts):
        if as_json:
            payload = dumps[0] if len(dumps) == 1 else dumps
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for dump in dumps:
                self.stdout.write(dump)
        for line in refused:
            self.stderr.write(f"refused: {line}")
        summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        (self.stderr if as_json else self.stdout).write(f"Summary: {summary or 'no files'}.")
