"""Writes on documents: registering the foundational documents and importing texts."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import IntegrityError, connection, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock, faults
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted
from concord.core.slugs import check_slug, unique_slug
from concord.core.upsert import Upsert, describe
from concord.meetings.models import Meeting
from concord.members.models import Body

from . import import_rules, parsing, permissions, problems, selectors
from .models import Document, DocumentType, ImportStatus, Reference, Text, Unit, Version
from .references import ReferenceMatcher
from .rendering import render_text
from .requests import ImportRequest

DATA_DIR = Path(__file__).resolve().parent / "data"
REGISTER_FILE = DATA_DIR / "documents.yaml"

TYPE_WORDS = {
    "declaration": DocumentType.DECLARATION,
    "декларация": DocumentType.DECLARATION,
    "act": DocumentType.ACT,
    "акт": DocumentType.ACT,
    "statement": DocumentType.STATEMENT,
    "заявление": DocumentType.STATEMENT,
    "decision": DocumentType.DECISION,
    "решение": DocumentType.DECISION,
    "resolution": DocumentType.RESOLUTION,
    "резолюция": DocumentType.RESOLUTION,
    "rules": DocumentType.RULES_OF_PROCEDURE,
    "правила": DocumentType.RULES_OF_PROCEDURE,
    "agreement": DocumentType.AGREEMENT,
    "соглашение": DocumentType.AGREEMENT,
    "communiqué": DocumentType.COMMUNIQUE,
    "communique": DocumentType.COMMUNIQUE,
    "коммюнике": DocumentType.COMMUNIQUE,
    "catalogue": DocumentType.CATALOGUE,
    "каталог": DocumentType.CATALOGUE,
    "report": DocumentType.REPORT,
    "доклад": DocumentType.REPORT,
    "charter": DocumentType.CHARTER,
    "устав": DocumentType.CHARTER,
}


def infer_type(title: str) -> str:
    for word in title.replace("CICA", "").split():
        found = TYPE_WORDS.get(word.strip(",.;:").casefold())
        if found:
            return found
    return DocumentType.OTHER


@transaction.atomic(durable=True)
def register_documents(*, actor: Actor, path: Path = REGISTER_FILE) -> dict:
    """Register the foundational documents (metadata only). Rows are never deleted, and a
    document held in Concord as a draft or adopted by a procedure is left as the forum made
    it: registering it would otherwise adopt a draft round consensus."""
    if not permissions.can_import_documents(actor):
        raise NotPermitted(_("Only the Secretariat can register documents."))
    upsert = Upsert()
    for row in yaml.safe_load(path.read_text("utf-8"))["documents"]:
        upsert(
            Document,
            {"slug": row["slug"]},
            {
                "doc_type": row["doc_type"],
                "symbol": row.get("symbol") or "",
                "title_en": row["title_en"],
                "title_ru": row.get("title_ru") or "",
                "body": Body.objects.get(code=row["body"]) if row.get("body") else None,
                "meeting": row.get("meeting") or "",
                "meeting_ru": row.get("meeting_ru") or "",
                "place": row.get("place") or "",
                "place_ru": row.get("place_ru") or "",
                "adopted_on": row.get("adopted_on"),
                "external": bool(row.get("external")),
                "aliases": row.get("aliases") or [],
                "source": row.get("source") or "",
                "note_en": (row.get("note_en") or "").strip(),
                "note_ru": (row.get("note_ru") or "").strip(),
                "status": Document.Status.ADOPTED,
            },
            decided=_held_by_the_forum,
        )
    summary = upsert.summary
    if upsert.changed:
        record(
            actor=actor,
            event=AuditEvent.DOCUMENTS_REGISTERED,
            summary="Documents registered: " + describe(summary),
            data=summary,
        )
    return summary


def _held_by_the_forum(document: Document) -> bool:
    return (
        document.status != Document.Status.ADOPTED
        or document.versions.filter(frozen=True, adopted_elsewhere=False).exists()
    )


def seed_files(path: Path = REGISTER_FILE) -> list[tuple[str, Path]]:
    """(slug, file) for every registered document whose text ships with Concord."""
    rows = yaml.safe_load(path.read_text("utf-8"))["documents"]
    return [(row["slug"], DATA_DIR / row["seed"]) for row in rows if row.get("seed")]


@dataclass
class ImportOutcome:
    status: ImportStatus
    parsed: parsing.ParsedDocument
    document: Document | None = None
    text: Text | None = None
    warnings: list[str] = field(default_factory=list)
    added_after_adoption: bool = False  # a language joins a version a procedure adopted
    slug: str | None = None  # of the document it went into, or (a dry run) would go into

    def __post_init__(self):
        if self.slug is None and self.document is not None:
            self.slug = self.document.slug


def content_hash(parsed: parsing.ParsedDocument) -> str:
    """Of the structure, not the bytes: the same text in CRLF, BOM or cp1251 is the same text."""
    canonical = json.dumps(parsed.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def parse_upload(raw: bytes | str, *, language: str | None = None) -> parsing.ParsedDocument:
    try:
        return parsing.parse(raw, language=language)
    except parsing.ParseError as exc:
        raise InvalidInput(problems.refusal(exc), field="file") from exc


def _read(raw: bytes | str) -> tuple[str, list[str]]:
    """The text, and a warning naming the encoding when the file was not UTF-8."""
    if isinstance(raw, str):
        return raw, []
    try:
        decoded = parsing.read_text(raw)
    except parsing.ParseError as exc:
        raise InvalidInput(problems.refusal(exc), field="file") from exc
    if decoded.encoding == "utf-8":
        return decoded.text, []
    return decoded.text, [
        _("The file is not UTF-8: it was read as %(encoding)s.")
        % {"encoding": decoded.encoding_name}
    ]


def _find_document(parsed, *, slug: str | None, doc_type: str) -> Document | None:
    if slug:
        return Document.objects.filter(slug=slug).first()
    if parsed.adopted_on is None:
        return None
    candidates = list(Document.objects.filter(doc_type=doc_type, adopted_on=parsed.adopted_on))
    return candidates[0] if len(candidates) == 1 else None


def _new_slug(parsed, doc_type: str) -> str:
    day = parsed.adopted_on.isoformat() if parsed.adopted_on else clock.today().isoformat()
    place = slugify(parsed.place or "", allow_unicode=False)
    return unique_slug(
        Document,
        "-".join(part for part in (doc_type.replace("_", "-"), place, day) if part),
        fallback=doc_type,
    )


def _link_references(text: Text, units: list[Unit]) -> int:
    aliases = {
        d.slug: d.aliases
        for d in Document.objects.exclude(pk=text.version.document_id).exclude(aliases=[])
    }
    matcher = ReferenceMatcher(aliases)
    targets = {d.slug: d for d in Document.objects.filter(slug__in=aliases)}
    links = [
        Reference(unit=unit, target=targets[m.slug], phrase=m.phrase[:200], start=m.start)
        for unit in units
        for m in matcher.find(unit.content)
    ]
    Reference.objects.bulk_create(links)
    return len(links)


def import_document(*, actor: Actor, request: ImportRequest) -> ImportOutcome:
    """Parse a text and store it as a language version of a document, all in one transaction.
    The same text imported again (by content hash) changes nothing. ``adopt`` records a new
    document as adopted by a decision taken elsewhere (see ``import_rules``); a dry run checks
    everything the import checks and writes nothing. A language version (``request``) may also
    be added by the Chair to a draft: who may add it to which document is checked where the
    document is placed, under its lock (``import_rules.check_language_version``)."""
    if request.language_version:
        if not permissions.may_add_language_versions(actor):
            raise NotPermitted(
                _("Only the Secretariat, or the Chair for a draft, can add a language version.")
            )
    elif not permissions.can_import_documents(actor):
        raise NotPermitted(_("Only the Secretariat can import documents."))
    source, incoming, warnings = _prepare(request)
    if request.dry_run:
        return _preview(actor, incoming, warnings)
    try:
        return _store(actor, incoming, source, warnings)
    except IntegrityError as exc:
        # What the import lock cannot order: a new version made by drafting at the same moment.
        raise InvalidTransition(
            _("The document changed while this text was imported; import it again."),
            field="file",
        ) from exc


def import_text(*, actor: Actor, raw: bytes | str, **options) -> ImportOutcome:
    """``import_document`` with the request's other fields as keywords (``slug``, ``adopt``…),
    for the tests, the benchmarks and the seed data, which import a text in one line."""
    return import_document(actor=actor, request=ImportRequest(raw=raw, **options))


def _prepare(request: ImportRequest) -> tuple[str, "_Incoming", list[str]]:
    """The text read, checked against the import's rules and parsed; writes nothing."""
    doc_type, slug, raw = request.doc_type, request.slug, request.raw
    if doc_type and doc_type not in DocumentType.values:
        raise InvalidInput(
            _("Unknown document type %(type)s.") % {"type": repr(doc_type)[:60]}, field="type"
        )
    if slug is not None:
        check_slug(slug)
    if request.language_version:
        import_rules.check_language_version_request(request)
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    import_rules.check_size(size)
    source, encoding_warnings = _read(raw)
    import_rules.check_lines(source)
    parsed = parse_upload(source, language=request.language)
    import_rules.check_language(parsed, request.language)
    import_rules.check_fits(parsed)
    warnings = encoding_warnings + [problems.warning(w) for w in parsed.warnings]
    doc_type = doc_type or infer_type(parsed.title)
    incoming = _Incoming(
        parsed,
        content_hash(parsed),
        doc_type,
        slug,
        request.adopt,
        language_version=request.language_version,
        source=source,
    )
    return source, incoming, warnings


def _preview(actor, incoming: "_Incoming", warnings: list[str]) -> ImportOutcome:
    """What a dry run answers: where the text would go, without a lock or a write."""
    parsed, plan = incoming.parsed, _plan(incoming, lock=False, actor=actor)
    if plan.existing is not None:
        existing = plan.existing
        return ImportOutcome(
            ImportStatus.UNCHANGED, parsed, existing.version.document, existing, warnings
        )
    document = plan.document
    return ImportOutcome(
        ImportStatus.WOULD_IMPORT,
        parsed,
        document,
        warnings=warnings,
        added_after_adoption=plan.after_adoption,
        slug=document.slug if document else incoming.slug or _new_slug(parsed, incoming.doc_type),
    )


@dataclass(frozen=True)
class _Incoming:
    """The text as parsed, with what placing it needs."""

    parsed: parsing.ParsedDocument
    digest: str
    doc_type: str
    slug: str | None
    adopt: bool
    language_version: bool = False
    source: str = ""  # as read: the lines a structure's difference names


@dataclass
class _Plan:
    existing: Text | None = None  # the same text, held already
    document: Document | None = None  # None: a new document
    version: Version | None = None  # the version the text joins; None: a new version
    number: int = 1  # of the new version

    @property
    def after_adoption(self) -> bool:
        """A language added to a version adopted by a procedure in Concord (not to a text
        recorded as adopted elsewhere, whose languages arrive by import one by one)."""
        version = self.version
        return version is not None and version.frozen and not version.adopted_elsewhere


def _plan(incoming: _Incoming, *, lock: bool, actor: Actor | None = None) -> _Plan:
    """Where the text goes, after the rules of ``import_rules``; writes nothing."""
    existing = (
        Text.objects.select_related("version__document")
        .filter(content_hash=incoming.digest)
        .first()
    )
    if existing is not None:
        import_rules.check_held_again(existing, slug=incoming.slug, adopt=incoming.adopt)
        return _Plan(existing=existing)
    plan = _place(incoming, lock=lock)
    if incoming.language_version:
        import_rules.check_language_version(
            actor, plan.document, plan.version, incoming.parsed, source=incoming.source
        )
    # Whatever joins an adopted version, by adopting or as a language, is adopted text.
    joins = plan.version if plan.version is not None and plan.version.frozen else None
    if incoming.adopt or joins is not None:
        import_rules.check_resemblance(
            incoming.parsed, selectors.list_held_texts(), adopt=incoming.adopt, joins=joins
        )
    return plan


def _place(incoming: _Incoming, *, lock: bool) -> _Plan:
    parsed = incoming.parsed
    document = _find_document(parsed, slug=incoming.slug, doc_type=incoming.doc_type)
    if document is None:
        return _Plan()
    if lock:
        # A procedure opening on the document locks this row too: the status read below is
        # the one it leaves, and no procedure opens until this import is stored.
        document = Document.objects.select_for_update(no_key=True).get(pk=document.pk)
    latest = document.versions.order_by("-number").first()
    held = latest is not None and latest.texts.filter(language=parsed.language).exists()
    import_rules.check_import(
        document, latest, held=held, adopt=incoming.adopt, language=parsed.language
    )
    if latest is None:
        return _Plan(document=document)
    if latest.frozen or not held:
        return _Plan(document=document, version=latest)
    return _Plan(document=document, number=latest.number + 1)


# One key for every import (the bytes of "concord"): imports wait for each other on PostgreSQL,
# as every writer does on SQLite, so two of them never both create one document or version.
IMPORT_LOCK = 0x636F6E636F7264


def _serialise_imports() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


@transaction.atomic(durable=True)
def _store(actor, incoming: _Incoming, source: str, warnings: list[str]) -> ImportOutcome:
    _serialise_imports()
    parsed, adopt = incoming.parsed, incoming.adopt
    plan = _plan(incoming, lock=True, actor=actor)
    if plan.existing is not None:
        existing = plan.existing
        return ImportOutcome(
            ImportStatus.UNCHANGED, parsed, existing.version.document, existing, warnings
        )
    now = clock.now()
    document = plan.document or Document.objects.create(
        slug=incoming.slug or _new_slug(parsed, incoming.doc_type),
        doc_type=incoming.doc_type,
        status=Document.Status.ADOPTED if adopt else Document.Status.DRAFT,
        title_en=parsed.title if parsed.language == "en" else "",
        title_ru=parsed.title if parsed.language == "ru" else "",
        place=parsed.place or "",
        adopted_on=parsed.adopted_on,
    )
    version = plan.version or Version.objects.create(
        document=document,
        number=plan.number,
        created_at=now,
        frozen=adopt,
        adopted_elsewhere=adopt,
    )
    text, units, links = _store_text(
        version,
        parsed,
        source,
        incoming.digest,
        now,
        imported_by=actor.user,
        added_after_adoption=plan.after_adoption,
    )
    _fill_metadata(document, parsed)
    _record_import(actor, text, incoming, len(units), links, warnings)
    if plan.version is None and adopt:
        record(
            actor=actor,
            event=AuditEvent.DOCUMENT_RECORDED_AS_ADOPTED,
            target=document,
            summary=f"{document.slug} v{version.number} recorded as adopted by import: "
            "a decision taken elsewhere",
            data={
                "version": version.number,
                "language": parsed.language,
                "adopted_on": document.adopted_on.isoformat() if document.adopted_on else None,
            },
        )
    faults.checkpoint("documents.import")
    return ImportOutcome(
        ImportStatus.IMPORTED,
        parsed,
        document,
        text,
        warnings,
        added_after_adoption=plan.after_adoption,
    )


def _record_import(actor, text: Text, incoming: _Incoming, units: int, links: int, warnings):
    """One entry; a language added after a procedure adopted the version has its own event."""
    version, parsed = text.version, incoming.parsed
    document = version.document
    data = {
        "version": version.number,
        "language": parsed.language,
        "content_hash": incoming.digest,
        "units": units,
        "warnings": warnings,
    }
    event, what = AuditEvent.DOCUMENT_IMPORTED, "imported"
    if incoming.language_version:
        what = "added as a language version, its structure matching"
        data["language_version"] = True
    if text.added_after_adoption:
        event = AuditEvent.DOCUMENT_TEXT_ADDED_AFTER_ADOPTION
        what = f"added after its adoption by procedure on {document.adopted_on}"
        data["added_after_adoption"] = True
    record(
        actor=actor,
        event=event,
        target=document,
        summary=f"{document.slug} v{version.number} [{parsed.language}] {what}: "
        f"{len(parsed.paragraphs)} paragraphs, {links} references",
        data=data,
    )


def _store_text(
    version: Version,
    parsed,
    source: str,
    digest: str,
    now,
    *,
    imported_by=None,
    added_after_adoption: bool = False,
):
    text = Text.objects.create(
        version=version,
        language=parsed.language,
        title=parsed.title,
        structure=parsed.to_dict(),
        source_text=source,
        content_hash=digest,
        imported_at=now,
        imported_by=imported_by,
        added_after_adoption=added_after_adoption,
    )
    units = Unit.objects.bulk_create(
        Unit(
            text=text,
            uid=unit["id"],
            kind=unit["kind"],
            number=str(unit.get("number") or ""),
            ordinal=n,
            content=unit["text"],
        )
        for n, unit in enumerate(parsed.units(), start=1)
    )
    return text, units, _link_references(text, units)


# Told of every new version of a draft, inside the transaction that made it (the decisions app
# registers the notice to an open procedure on an earlier version: documents may not import it).
VERSION_MADE: list[Callable[[Version], None]] = []


def store_version(*, based_on: Version, texts: list[parsing.ParsedDocument]) -> Version:
    """The next version of a draft, one text per language. Runs inside the caller's audited
    transaction (drafting incorporates amendments through it)."""
    for parsed in texts:  # an amended title may be longer than the column holds
        import_rules.check_fits(parsed, field="version")
    now = clock.now()
    latest = based_on.document.versions.order_by("-number").first()
    version = Version.objects.create(
        document=based_on.document, number=latest.number + 1, based_on=based_on, created_at=now
    )
    for parsed in texts:
        _store_text(version, parsed, render_text(parsed), content_hash(parsed), now)
    for told in VERSION_MADE:
        told(version)
    return version


def _fill_metadata(document: Document, parsed) -> None:
    changed = []
    title_field = f"title_{parsed.language}"
    if hasattr(document, title_field) and not getattr(document, title_field):
        setattr(document, title_field, parsed.title)
        changed.append(title_field)
    for name, value in (("place", parsed.place), ("adopted_on", parsed.adopted_on)):
        if value and not getattr(document, name):
            setattr(document, name, value)
            changed.append(name)
    if changed:
        document.save(update_fields=[*changed, "updated_at"])


def load_seed_documents(*, actor: Actor) -> list[ImportOutcome]:
    """The texts that ship with Concord (the 2006 Almaty Declaration), as adopted documents."""
    return [
        import_document(
            actor=actor, request=ImportRequest(raw=path.read_bytes(), slug=slug, adopt=True)
        )
        for slug, path in seed_files()
    ]


@transaction.atomic
def adopt_version(*, actor: Actor, version: Version, on, at: Meeting | None = None) -> Document:
    """Effect of an adopted decision: the version is frozen and becomes the published document."""
    version = Version.objects.select_for_update().select_related("document").get(pk=version.pk)
    document = version.document
    if version.frozen:
        raise InvalidTransition(
            _("Version %(n)s of “%(title)s” is already frozen.")
            % {"n": version.number, "title": selectors.document_name(document)},
            field="version",
            document=selectors.document_link(document),
        )
    version.frozen = True
    version.save(update_fields=["frozen"])
    document.status, document.adopted_on = Document.Status.ADOPTED, on
    changed = ["status", "adopted_on", "updated_at"]
    if at is not None:
        for name, value in (
            ("place", at.place_en),
            ("place_ru", at.place_ru),
            ("meeting", at.title_en),
            ("meeting_ru", at.title_ru),
        ):
            if value:
                setattr(document, name, value)
                changed.append(name)
    document.save(update_fields=changed)
    record(
        actor=actor,
        event=AuditEvent.DOCUMENT_ADOPTED,
        target=document,
        summary=f"{document.slug} v{version.number} adopted on {on}",
        data={"version": version.number, "adopted_on": on},
    )
    return document


def set_circulated(document: Document, circulated: bool) -> None:
    """A draft under a procedure is circulated; it is a draft again if the procedure ends
    without adopting it. Runs inside the caller's audited transaction (the procedure's)."""
    before, after = (
        (Document.Status.DRAFT, Document.Status.CIRCULATED)
        if circulated
        else (Document.Status.CIRCULATED, Document.Status.DRAFT)
    )
    Document.objects.filter(pk=document.pk, status=before).update(
        status=after, updated_at=clock.now()
    )
