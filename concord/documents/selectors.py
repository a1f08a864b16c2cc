"""Reads on documents, limited to what the actor may see."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.accounts import permissions as rights
from concord.core import clock
from concord.core.actors import Actor
from concord.core.exceptions import DocumentLink, NotFound
from concord.members.models import Body

from . import labels, permissions, reading, resemblance, structure
from .models import Document, Reference, Text, Unit, Version

PUBLISHED = (Document.Status.ADOPTED, Document.Status.SUPERSEDED)
SORTS = {
    "date": ("adopted_on", "slug"),
    "-date": ("-adopted_on", "slug"),
    "title": ("title_en", "slug"),
    "-title": ("-title_en", "slug"),
    "type": ("doc_type", "-adopted_on"),
}


def sees_unpublished(actor: Actor) -> bool:
    return (
        rights.is_secretariat(actor)
        or rights.has_chair_rights(actor)
        or rights.has_member_rights(actor)
    )


def visible_documents(actor: Actor) -> QuerySet[Document]:
    qs = Document.objects.all()
    if not sees_unpublished(actor):
        qs = qs.filter(status__in=PUBLISHED)
    return qs


def list_documents(
    actor: Actor,
    *,
    doc_type: str | None = None,
    year: int | None = None,
    body: str | None = None,
    language: str | None = None,
    sort: str = "-date",
) -> QuerySet[Document]:
    qs = visible_documents(actor).select_related("body").prefetch_related("versions__texts")
    if doc_type:
        qs = qs.filter(doc_type=doc_type)
    if year:
        qs = qs.filter(adopted_on__year=year)
    if body:
        qs = qs.filter(body__code=body)
    if language:
        qs = qs.filter(versions__texts__language=language).distinct()
    return qs.order_by(*SORTS.get(sort, SORTS["-date"]))


def languages_of(document: Document) -> list[str]:
    """Languages held for the current version (uses prefetched versions and texts)."""
    versions = sorted(document.versions.all(), key=lambda v: (v.frozen, v.number))
    return sorted({t.language for t in versions[-1].texts.all()}) if versions else []


def access_document(actor: Actor, slug: str) -> Document:
    """One visible document; a hidden one and a missing one give the same error."""
    document = visible_documents(actor).select_related("body").filter(slug=slug).first()
    if document is None:
        raise NotFound(_("There is no document at this address."), field="slug")
    return document


def current_text(document: Document, language: str) -> Text | None:
    """Of the adopted (frozen) version if there is one, else of the newest draft version: a
    version made after the one adopted stays in the drafting history."""
    version = document.versions.order_by("-frozen", "-number").first()
    if version is None:
        return None
    return version.texts.filter(language=language).first()


def read_document(actor: Actor, document: Document, asked: str, *, side_by_side: bool) -> dict:
    """What the page of one document shows: its text in the language asked for (else English,
    else the one held) shaped for reading, the other language beside it when asked, and what
    cites it."""
    languages = languages_of(document)
    language = asked
    if language not in languages and languages:
        language = "en" if "en" in languages else languages[0]
    text = current_text(document, language) if languages else None
    other = None
    if side_by_side:
        other_language = next((lang for lang in ("en", "ru") if lang != language), None)
        other = current_text(document, other_language)
    return {
        "document": document,
        "languages": languages,
        "language": language,
        "text": text,
        "reading": reading.context(text.structure, references_in(text)) if text else None,
        "contents": reading.contents(text.structure) if text else [],
        "side_by_side": side_by_side,
        "other": other,
        "aligned": aligned_texts(text, other) if text and other else [],
        "cited_by": list_citations(actor, document),
        "can_add_language": offers_language_version(actor, document),
        "added_after_adoption": list_texts_added_after_adoption(actor, document),
        "drafting_history": sees_unpublished(actor) and languages,
        "missing": [lang for lang in ("en", "ru") if lang not in languages],
    }


@dataclass(frozen=True)
class LateText:
    """A language imported into an adopted version after a procedure adopted it."""

    language: str
    added_at: dt.datetime
    by: str  # "by the Secretariat", "by Aliya Seitkali"


def list_texts_added_after_adoption(actor: Actor, document: Document) -> list[LateText]:
    """The person who imported one is named to those who may read the audit trail, which names
    them too; others read "the Secretariat", which alone imports."""
    texts = Text.objects.filter(
        version__document=document, version__frozen=True, added_after_adoption=True
    ).select_related("imported_by")
    named = rights.can_read_audit(actor)
    return [
        LateText(text.language, text.imported_at, _by(text.imported_by) if named else _by_office())
        for text in texts.defer("structure", "source_text")
    ]


def _by(user) -> str:
    if user is None:
        return _("from the command line")
    return _("by %(name)s") % {"name": user}


def _by_office() -> str:
    return _("by the Secretariat")


def labelled_units(version, language: str) -> list[tuple[str, Unit]]:
    """The units of one version in ``language``, or in English when that text is not held,
    each with what a reader calls it ("Preambular paragraph 1") in the reader's language."""
    texts = {t.language: t for t in version.texts.all()}
    text = texts.get(language) or texts.get("en") or next(iter(texts.values()), None)
    if text is None:
        return []
    names = labels.text_labels(text.structure)
    units = text.units.order_by("ordinal")
    return [(names.get(u.uid) or labels.kind_label(u.kind), u) for u in units]


def list_open_versions(limit: int = 200) -> QuerySet[Version]:
    """Versions not yet frozen, newest first: what may be put to a decision."""
    return (
        Version.objects.filter(frozen=False)
        .select_related("document")
        .order_by("-created_at")[:limit]
    )


def list_years(actor: Actor) -> list[int]:
    dates = visible_documents(actor).exclude(adopted_on=None).dates("adopted_on", "year")
    return sorted({d.year for d in dates}, reverse=True)


def require_text(document: Document, language: str) -> Text:
    text = current_text(document, language)
    if text is None:
        message = (
            _("No Russian text of “%(title)s” is held.")
            if language == "ru"
            else _("No English text of “%(title)s” is held.")
        )
        raise NotFound(
            message % {"title": document_name(document)},
            field="lang",
            document=document_link(document),
        )
    return text


def body_choices() -> list[tuple[str, str]]:
    """(code, current name) of the bodies that have adopted a registered document."""
    today = clock.today()
    bodies = Body.objects.filter(documents__isnull=False).distinct().prefetch_related("names")
    return [
        (body.code, name.short if (name := body.name_on(today)) else body.code) for body in bodies
    ]


def references_in(text: Text) -> dict[str, list[Reference]]:
    """The mentions in one text, by unit id."""
    by_unit: dict[str, list[Reference]] = {}
    for ref in Reference.objects.filter(unit__text=text).select_related("unit", "target"):
        by_unit.setdefault(ref.unit.uid, []).append(ref)
    return by_unit


def list_citations(actor: Actor, document: Document) -> list[Reference]:
    """Where the visible documents mention this one."""
    visible = visible_documents(actor)
    references = list(
        Reference.objects.filter(target=document, unit__text__version__document__in=visible)
        .select_related("unit__text__version__document")
        .order_by("unit__text__version__document__adopted_on", "unit__ordinal")
    )
    names: dict[int, dict[str, str]] = {}
    for ref in references:
        text = ref.unit.text
        if text.pk not in names:
            names[text.pk] = labels.text_labels(text.structure)
        ref.label = names[text.pk].get(ref.unit.uid) or labels.kind_label(ref.unit.kind)
    return references


# Apps that hold texts of their own under decision (decisions: the free text of an open
# procedure) register here a function listing them; this app cannot import them, they build on it.
HELD_TEXT_SOURCES: list[Callable[[], Iterable[resemblance.HeldText]]] = []


def list_held_texts() -> list[resemblance.HeldText]:
    """Every text held for a decision not yet taken: each text of a version not frozen (a draft,
    a circulated one, one under a procedure, an earlier draft version), then those registered
    in ``HELD_TEXT_SOURCES``."""
    texts = (
        Text.objects.filter(version__frozen=False)
        .select_related("version__document")
        .defer("structure", "source_text")
    )
    units: dict[int, list[tuple[str, str]]] = {}
    rows = Unit.objects.filter(
        text__version__frozen=False, kind__in=resemblance.SUBSTANTIVE
    ).order_by("text_id", "ordinal")  # in reading order: runs of words cross paragraphs
    for text_id, kind, content in rows.values_list("text_id", "kind", "content"):
        units.setdefault(text_id, []).append((kind, content))
    held = [
        resemblance.HeldText(
            draft_label(text.version), resemblance.shingles(units.get(text.pk, ()))
        )
        for text in texts
    ]
    for source in HELD_TEXT_SOURCES:
        held.extend(source())
    return held


def draft_label(version: Version) -> str:
    """How a refusal names a version not yet adopted."""
    return _("the draft “%(title)s” (version %(number)s)") % {
        "title": document_name(version.document),
        "number": version.number,
    }


def document_link(document: Document) -> DocumentLink:
    """How an error names a document for a page to link it: its title, and the page that shows
    it — the adopted document's, or the draft's while it is being drafted."""
    drafted = document.status in (Document.Status.DRAFT, Document.Status.CIRCULATED)
    page = "drafting:detail" if drafted else "documents:detail"
    return DocumentLink(document_name(document), reverse(page, args=[document.slug]))


def document_name(document: Document) -> str:
    """How a message names a document: its title in the active language, else in the other
    (a draft imported in Russian only has no English title), else its slug."""
    return document.title or document.title_ru or document.slug


@dataclass(frozen=True)
class AlignedCell:
    language: str
    unit: Unit | None  # None: this language has no such unit
    html: str = ""  # its text, mentions of registered documents linked


@dataclass(frozen=True)
class AlignedRow:
    uid: str
    kind: str
    label: str  # what a reader calls the unit, in the reader's language
    cells: tuple[AlignedCell, ...]


def aligned_texts(first: Text, second: Text) -> list[AlignedRow]:
    """Two language versions of one version, one row per unit id, in reading order (``first``'s,
    each unit only ``second`` has placed after the one it follows there); a cell is empty where
    one language lacks the unit, so that the rows stay aligned paragraph by paragraph."""
    texts = (first, second)
    units = [{u.uid: u for u in text.units.order_by("ordinal")} for text in texts]
    refs = [references_in(text) for text in texts]
    names = {
        **labels.text_labels(second.structure),
        **labels.text_labels(first.structure),
    }
    rows = []
    for uid in structure.align(units[0], units[1]):
        cells = tuple(
            AlignedCell(
                text.language,
                by_id.get(uid),
                reading.link(by_id[uid].content, found.get(uid, [])) if uid in by_id else "",
            )
            for text, by_id, found in zip(texts, units, refs, strict=True)
        )
        kind = next(cell.unit.kind for cell in cells if cell.unit is not None)
        rows.append(AlignedRow(uid, kind, names.get(uid, ""), cells))
    return rows


def offers_language_version(actor: Actor, document: Document) -> bool:
    """Whether a page offers ``actor`` to add a language version to ``document``: one its rules
    would take (a text to compare with, a language missing, no procedure under way)."""
    if document.status == Document.Status.CIRCULATED:
        return False
    if not permissions.can_add_language_version(actor, document):
        return False
    held = languages_of(document)
    return bool(held) and len(held) < 2


def titles_by_slug() -> dict[str, str]:
    """Each document's slug with its title in the reader's language (for the audit trail)."""
    return {d.slug: d.title for d in Document.objects.only("slug", "title_en", "title_ru")}
