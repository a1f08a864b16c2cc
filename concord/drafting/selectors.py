"""Reads on drafts: their versions, amendments and the comparison of two versions."""

from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, NotFound
from concord.documents import labels
from concord.documents.models import Document, Unit, Version
from concord.documents.parsing import ParsedDocument
from concord.documents.selectors import document_link, document_name

from . import amending, comparison, permissions
from .models import Amendment

AMENDABLE_STATUSES = (Document.Status.DRAFT, Document.Status.CIRCULATED)
# Not a status of its own: the filter for every document with a version, whatever its status.
ANY_STATUS = "all"


def _hidden(slug: str) -> NotFound:
    return NotFound(_("There is no draft at this address."), field="slug")


def list_drafts(actor: Actor, *, status: str | None = None) -> QuerySet[Document]:
    """Documents in drafting (by default), or all with a drafting history (``ANY_STATUS``)."""
    if not permissions.can_read_drafts(actor):
        return Document.objects.none()
    qs = Document.objects.filter(external=False).annotate(
        latest_version=Max("versions__number"),
        proposed=Count(
            "versions__amendments", filter=Q(versions__amendments__status=Amendment.Status.PROPOSED)
        ),
    )
    if status == ANY_STATUS:
        qs = qs.filter(latest_version__isnull=False)
    elif status:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(status__in=AMENDABLE_STATUSES)
    return qs.order_by("-updated_at", "slug")


def access_draft(actor: Actor, slug: str) -> Document:
    """A document with at least one version, to those who read drafts; otherwise a 404."""
    if not permissions.can_read_drafts(actor):
        raise _hidden(slug)
    document = Document.objects.filter(slug=slug, versions__isnull=False).distinct().first()
    if document is None:
        raise _hidden(slug)
    return document


def is_amendable(document: Document) -> bool:
    return document.status in AMENDABLE_STATUSES


def _versions(document: Document) -> QuerySet[Version]:
    return (
        document.versions.select_related("based_on")
        .prefetch_related("texts")
        .annotate(amendment_count=Count("amendments"))
        .order_by("number")
    )


def list_versions(document: Document) -> list[Version]:
    """Each with its languages (prefetched) and ``amendment_count``."""
    return list(_versions(document))


def described_version(version: Version) -> Version:
    """One version as ``list_versions`` gives it."""
    return _versions(version.document).get(pk=version.pk)


def latest_version(document: Document) -> Version:
    return document.versions.order_by("-number").first()


def get_version(document: Document, number: int | None, *, field: str = "version") -> Version:
    """Version ``number`` of the draft; the latest when no number is given."""
    if number is None:
        return latest_version(document)
    version = document.versions.filter(number=number).first()
    if version is None:
        raise NotFound(
            _("“%(title)s” has no version %(n)s.")
            % {"title": document_name(document), "n": number},
            field=field,
            document=document_link(document),
        )
    return version


def languages(version: Version) -> list[str]:
    return sorted(t.language for t in version.texts.all())


@dataclass(frozen=True)
class VersionText:
    """One version's text in one language, unit by unit."""

    version: Version
    language: str
    units: list[dict]


def version_text(version: Version, language: str) -> VersionText:
    """Each unit with its ``wording`` besides: what a replacement starts from."""
    units = version_units(version, language)
    wordings = unit_wordings(version, language)
    for unit in units:
        unit["wording"] = wordings.get(unit["id"], unit["text"])
    return VersionText(version, language, units)


def _structure(version: Version, language: str) -> dict | None:
    text = version.texts.filter(language=language).first()
    return text.structure if text else None


def version_units(version: Version, language: str, *, field: str = "language") -> list[dict]:
    """The units of one language of a version, in reading order, each with its id (for links
    and amendments) and its label ("Operative paragraph 7, second subparagraph") for people."""
    structure = _structure(version, language)
    if structure is None:
        raise InvalidInput(
            _("Version %(n)s has no %(language)s text.")
            % {"n": version.number, "language": language},
            field=field,
        )
    names = labels.unit_labels(ParsedDocument.from_dict(structure))
    units = Unit.objects.filter(text__version=version, text__language=language).order_by("ordinal")
    return [
        {
            "id": u.uid,
            "kind": u.kind,
            "number": u.number,
            "text": u.content,
            "label": names.get(u.uid) or labels.kind_label(u.kind),
        }
        for u in units
    ]


def unit_wordings(version: Version, language: str) -> dict[str, str]:
    """Each unit's current words with what it holds: what a replacement starts from and a
    deletion strikes."""
    structure = _structure(version, language)
    return amending.wordings(structure) if structure else {}


def starting_wording(version: Version, language: str, unit: str, kind: str) -> str:
    """The words an amendment of ``kind`` to ``unit`` starts from: the unit's current words for
    an edit, with what it holds for a replacement; nothing for an insertion or a deletion."""
    try:
        chosen = amending.kinds.get(kind)
    except amending.AmendmentError:
        return ""
    if not chosen.starts_from_wording:
        return ""
    if chosen.whole_unit:
        return unit_wordings(version, language).get(unit, "")
    units = version_units(version, language)
    return next((u["text"] for u in units if u["id"] == unit), "")


def list_changes_made(version: Version, language: str) -> dict[str, list[Amendment]]:
    """The amendments incorporated into ``version``, by each unit of its ``language`` text they
    made."""
    made: dict[str, list[Amendment]] = {}
    for amendment in _incorporated(version, language):
        for uid in amendment.made_units:
            made.setdefault(uid, []).append(amendment)
    return made


def _incorporated(version: Version, language: str) -> QuerySet[Amendment]:
    return (
        version.incorporated.filter(language=language)
        .select_related("version", "participant")
        .order_by("number")
    )


def list_amendments(
    document: Document,
    *,
    version: Version | None = None,
    status: str | None = None,
    language: str | None = None,
) -> QuerySet[Amendment]:
    qs = Amendment.objects.filter(version__document=document).select_related(
        "version", "participant", "incorporated_into"
    )
    if version is not None:
        qs = qs.filter(version=version)
    if status:
        qs = qs.filter(status=status)
    if language:
        qs = qs.filter(language=language)
    return qs.order_by("-version__number", "number")


def get_amendment(document: Document, amendment_id: int) -> Amendment:
    amendment = list_amendments(document).filter(pk=amendment_id).first()
    if amendment is None:
        raise NotFound(_("No amendment #%(id)s to this draft.") % {"id": amendment_id}, field="id")
    return amendment


@dataclass(frozen=True)
class Comparison:
    """Versions ``before`` and ``after`` of one language, unit by unit and word by word."""

    document: Document
    language: str
    before: Version
    after: Version
    changes: list[comparison.UnitChange]

    @property
    def summary(self) -> dict[str, int]:
        return comparison.summary(self.changes)


def compare_versions(document: Document, old: int, new: int, language: str) -> Comparison:
    """A version the draft lacks is NotFound on ``from`` or ``to``, as the API and the page name
    them."""
    before = get_version(document, old, field="from")
    after = get_version(document, new, field="to")
    changes = comparison.compare(version_units(before, language), version_units(after, language))
    if after.based_on_id == before.pk:
        _name_amendments(changes, _incorporated(after, language))
    return Comparison(document, language, before, after, changes)


def _name_amendments(changes: list[comparison.UnitChange], amendments) -> None:
    """Beside each change, the amendments that made it (a version compared with the one it was
    made from: the units they made and struck are recorded by version)."""
    made: dict[str, list[Amendment]] = {}
    struck: dict[str, list[Amendment]] = {}
    for amendment in amendments:
        for uid in amendment.made_units:
            made.setdefault(uid, []).append(amendment)
        for uid in amendment.struck_units:
            struck.setdefault(uid, []).append(amendment)
    for change in changes:
        if change.unchanged:
            continue
        found = made.get(change.new["id"], []) if change.new else []
        if change.old:
            found += [a for a in struck.get(change.old["id"], []) if a not in found]
        change.amendments = sorted(found, key=lambda a: a.number)
