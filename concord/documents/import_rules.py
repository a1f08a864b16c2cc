"""What an import may hold and what it may do to a document. Checked before anything is written,
in the same way for a dry run and for the import itself, so a dry run refuses what the import
would refuse.

Adoption is the forum's decision. A document Concord holds as a draft (or circulated, or under
an open procedure) is adopted only by a consensus procedure on one of its versions. An import
adopts only a document new to Concord, or one the reference data registers as adopted without
its text: it then records a decision taken elsewhere, and says so in the audit trail and on
the document's page. Nor does it adopt a held text under another name: the same text, or one
that reproduces it (``resemblance``), is refused. A language added to an adopted version is
taken if it reproduces no held text and is written in the script of its language, and marked
as added after the adoption when a procedure adopted the version.
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound, NotPermitted

from . import lookalikes, permissions, resemblance, structure
from .models import (
    PLACE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    UNIT_ID_MAX_LENGTH,
    UNIT_NUMBER_MAX_LENGTH,
    Document,
    Text,
    Version,
)
from .parsing import ParsedDocument, UnitKind
from .selectors import document_link, document_name, draft_label


def check_size(size: int, name: str = "") -> None:
    """Refuse a file over the limit before it is read or parsed: parsing tens of megabytes
    holds a worker for seconds."""
    limit = settings.DOCUMENT_IMPORT_MAX_BYTES
    if size <= limit:
        return
    sizes = {"size": filesizeformat(size), "max": filesizeformat(limit)}
    message = (
        _("%(name)s is %(size)s; a file may be at most %(max)s.") % {"name": name, **sizes}
        if name
        else _("The file is %(size)s; a file may be at most %(max)s.") % sizes
    )
    raise InvalidInput(message, field="file")


def count_lines(text: str) -> int:
    """Lines that hold something. Every unit the parser makes starts on one, so their number
    bounds its work; blank lines cost next to nothing (five million parse in a third of a
    second) and a double-spaced text is not penalised for them."""
    return sum(1 for line in text.splitlines() if line.strip())


def check_lines(text: str) -> None:
    """Refuse a text too long to be parsed while others wait, before it is parsed: a file within
    the byte limit can hold 400,000 short paragraphs, half a minute of one worker's time and,
    on SQLite, of the database's write lock."""
    limit = settings.DOCUMENT_IMPORT_MAX_LINES
    count = count_lines(text)
    if count > limit:
        raise InvalidInput(
            _(
                "The text has %(count)s lines; an import may have at most %(max)s (blank lines "
                "not counted)."
            )
            % {"count": count, "max": limit},
            field="file",
        )


def check_fits(parsed, *, field: str = "file") -> None:
    """Every value stored from a parsed text fits its column; the error names the line or the
    unit, and ``field``, the input the text came from."""
    title = parsed.title or ""
    if len(title) > TITLE_MAX_LENGTH:
        raise InvalidInput(
            _("line %(line)s: the title has %(n)s characters; a title may have at most %(max)s.")
            % {"line": parsed.title_line, "n": len(title), "max": TITLE_MAX_LENGTH},
            field=field,
        )
    place = parsed.place or ""
    if len(place) > PLACE_MAX_LENGTH:
        raise InvalidInput(
            _(
                "The place of adoption read from the text (%(place)s…) has %(n)s characters; "
                "a place may have at most %(max)s."
            )
            % {"place": place[:40], "n": len(place), "max": PLACE_MAX_LENGTH},
            field=field,
        )
    for unit in parsed.units():
        number = str(unit.get("number") or "")
        if len(unit["id"]) > UNIT_ID_MAX_LENGTH or len(number) > UNIT_NUMBER_MAX_LENGTH:
            raise InvalidInput(
                _("Unit %(id)s: its number or identifier is too long to be held.")
                % {"id": unit["id"][:60]},
                field=field,
            )


def check_held_again(existing: Text, *, slug: str | None, adopt: bool) -> None:
    """The same text is held already (as ``existing``): imported again it changes nothing,
    unless it is asked to go into another document, or to adopt a text not yet adopted."""
    version = existing.version
    if slug and slug != version.document.slug:
        raise InvalidTransition(
            _(
                "This text is held already in “%(title)s”; it cannot be imported into another "
                "document as well."
            )
            % {"title": document_name(version.document)},
            field="slug",
        )
    if adopt and not version.frozen:
        raise InvalidTransition(
            _(
                "This text is held already as %(draft)s: only a consensus procedure can adopt "
                "it, not an import."
            )
            % {"draft": draft_label(version)},
            field="adopt",
        )


def check_language(parsed, declared: str | None) -> None:
    """A text declared in a language is written in its script: a text labelled Russian is
    stored, shown and compared as the Russian text of its document. Letters that look alike in
    both scripts do not count (``lookalikes.script_letters``); nor does the header, often
    bilingual. A language the parser found itself is the script's already."""
    if declared is None:
        return
    body = " ".join(unit["text"] for unit in parsed.units() if unit["kind"] != UnitKind.HEADER)
    latin, cyrillic = lookalikes.script_letters(body)
    if declared == "ru" and latin > cyrillic:
        message = _(
            "The text is declared Russian, but most of its letters are Latin: declare the "
            "language it is written in."
        )
    elif declared == "en" and cyrillic > latin:
        message = _(
            "The text is declared English, but most of its letters are Cyrillic: declare the "
            "language it is written in."
        )
    else:
        return
    raise InvalidInput(message, field="language")


def check_resemblance(
    parsed, held: list[resemblance.HeldText], *, adopt: bool, joins: Version | None
) -> None:
    """A text that becomes part of an adopted version, by an adopting import (``adopt``) or as
    a language joining a frozen version (``joins``), may not reproduce a text held for a
    decision not yet taken (the rule is in ``resemblance``)."""
    imported = resemblance.shingles((unit["kind"], unit["text"]) for unit in parsed.units())
    found = resemblance.closest(imported, held)
    if found is None:
        return
    numbers = {
        "held": found.held.label,
        "ours": found.imported_percent,
        "theirs": found.held_percent,
    }
    if adopt:
        message = _(
            "This text reproduces %(held)s: %(ours)s%% of its wording is found in that text, "
            "and %(theirs)s%% of that text's wording in it (compared in runs of five words). "
            "Only a consensus procedure can adopt a text held in Concord, not an import."
        )
    else:
        message = _(
            "This text reproduces %(held)s: %(ours)s%% of its wording is found in that text, "
            "and %(theirs)s%% of that text's wording in it (compared in runs of five words). "
            "Only a consensus procedure can adopt a text held in Concord: it cannot join the "
            "adopted “%(document)s” by import."
        )
        numbers["document"] = document_name(joins.document)
    raise InvalidTransition(message % numbers, field="adopt" if adopt else "file")


def check_import(
    document: Document, latest: Version | None, *, held: bool, adopt: bool, language: str
) -> None:
    """May a text in ``language`` be imported into ``document``, whose latest version is
    ``latest`` (``held``: that version has a text in this language already)?"""
    refused = refusal(document.status, latest=latest, held=held, adopt=adopt, language=language)
    if refused is not None:
        field, message = refused
        named = {"title": document_name(document)}
        raise InvalidTransition(message % named, field=field, document=document_link(document))


def refusal(status: str, *, latest: Version | None, held: bool, adopt: bool, language: str = "en"):
    """(field, message) refusing the import, or None: the rules above, in order."""
    Status = Document.Status
    if status == Status.CIRCULATED and adopt:
        return "adopt", _(
            "“%(title)s” is under a consensus procedure: only that procedure can adopt it, "
            "not an import."
        )
    if status == Status.CIRCULATED:
        return "slug", _(
            "“%(title)s” is under a consensus procedure: no text can be imported into it until "
            "the procedure ends (amendments can still make a new version of it)."
        )
    if status == Status.DRAFT and adopt:
        return "adopt", _(
            "“%(title)s” is a draft held in Concord: only a consensus procedure on one of its "
            "versions can adopt it, not an import."
        )
    if status == Status.SUPERSEDED and adopt:
        return "adopt", _("“%(title)s” was superseded: an import cannot adopt it again.")
    if latest is None and status == Status.ADOPTED and not adopt:
        return "adopt", _(
            "“%(title)s” is registered as adopted: import its text with adopt to record it as "
            "the adopted text."
        )
    if latest is not None and latest.frozen and held and language == "ru":
        return "file", _(
            "“%(title)s” is adopted: its Russian text is frozen and cannot be replaced."
        )
    if latest is not None and latest.frozen and held:
        return "file", _(
            "“%(title)s” is adopted: its English text is frozen and cannot be replaced."
        )
    if latest is not None and not latest.frozen and adopt:
        return "adopt", _(
            "“%(title)s” is adopted already: an import cannot adopt another version of it."
        )
    return None


class StructureMismatch(InvalidInput):
    """A language version whose structure differs from the text it joins: ``differences``
    says where (``structure.Difference``)."""

    def __init__(self, message: str, differences: list, *, field: str = "text"):
        super().__init__(message, field=field)
        self.differences = differences


def check_language_version_request(request) -> None:
    """A language version names its document and declares its language."""
    if not request.slug:
        raise InvalidInput(_("Name the document the text is a language version of."), field="slug")
    if request.language not in ("en", "ru"):
        raise InvalidInput(_("Choose the language of the text."), field="language")


def check_language_version(
    actor, document: Document | None, version: Version | None, parsed, *, source: str
) -> None:
    """A language version joins the latest version of a document the actor may add one to, in
    a language that version does not hold yet, with the structure of the texts it holds."""
    if document is None:
        raise NotFound(_("No such document."), field="slug")
    if not permissions.can_add_language_version(actor, document):
        raise NotPermitted(
            _("Only the Secretariat can add a language version to “%(title)s”: it is not a draft.")
            % {"title": document_name(document)}
        )
    no_text = InvalidTransition(
        _("“%(title)s” has no text to compare a language version with.")
        % {"title": document_name(document)},
        field="slug",
    )
    if version is None and not document.versions.exists():
        raise no_text
    if version is None:
        if parsed.language == "ru":
            message = _(
                "The latest version of “%(title)s” already has a Russian text: amend it instead."
            )
        else:
            message = _(
                "The latest version of “%(title)s” already has an English text: amend it instead."
            )
        raise InvalidTransition(message % {"title": document_name(document)}, field="language")
    held = list(version.texts.exclude(language=parsed.language))
    if not held:
        raise no_text
    for text in held:
        differences = structure.compare(
            ParsedDocument.from_dict(text.structure), parsed, source=source
        )
        if differences:
            message = mismatch(text.language, document, len(differences))
            raise StructureMismatch(message, differences)


def mismatch(held: str, document: Document, n: int) -> str:
    """The refusal's first line, naming the text compared with."""
    if held == "ru":
        message = ngettext(
            "The structure of the text does not match the Russian text of “%(title)s”: "
            "%(n)s difference.",
            "The structure of the text does not match the Russian text of “%(title)s”: "
            "%(n)s differences.",
            n,
        )
    else:
        message = ngettext(
            "The structure of the text does not match the English text of “%(title)s”: "
            "%(n)s difference.",
            "The structure of the text does not match the English text of “%(title)s”: "
            "%(n)s differences.",
            n,
        )
    return message % {"title": document_name(document), "n": n}
