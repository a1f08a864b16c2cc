"""What an import may hold and what it may do to a document. Checked before anything is written,
in the same way for a dry run and for the import itself, so a dry run refuses what the import
would refuse.

Adoption is the forum's decision. A document Concord holds as a draft (or circulated, or under
an open procedure) is adopted only by a consensus procedure on one of its versions. An import
adopts only a document new to Concord, or one the reference data registers as adopted without
its text: it then records a decision taken elsewhere, and says so in the audit trail and on
the document's page. Nor does it adopt a held text under another name: the same text, or one
that reproduces it (``resemblance``), is refused. A language added to a version a procedure
adopted is taken, and marked as added after the adoption.
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from concord.core.exceptions import InvalidInput, InvalidTransition

from . import resemblance
from .models import (
    PLACE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    UNIT_ID_MAX_LENGTH,
    UNIT_NUMBER_MAX_LENGTH,
    Document,
    Text,
    Version,
)
from .selectors import draft_label


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
            % {"title": version.document.title},
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


def check_resemblance(parsed, held: list[resemblance.HeldText]) -> None:
    """An adopting import records a decision taken elsewhere: it may not reproduce a text held
    for a decision not yet taken (the rule is in ``resemblance``)."""
    imported = resemblance.paragraphs((unit["kind"], unit["text"]) for unit in parsed.units())
    found = resemblance.closest(imported, held)
    if found is None:
        return
    raise InvalidTransition(
        _(
            "This text reproduces %(held)s: %(shared)s of its %(paragraphs)s paragraphs are "
            "among the %(held_paragraphs)s paragraphs of that text. Only a consensus procedure "
            "can adopt a text held in Concord, not an import."
        )
        % {
            "held": found.held.label,
            "shared": found.shared,
            "paragraphs": found.of_imported,
            "held_paragraphs": len(found.held.paragraphs),
        },
        field="adopt",
    )


def check_import(
    document: Document, latest: Version | None, *, held: bool, adopt: bool, language: str
) -> None:
    """May a text in ``language`` be imported into ``document``, whose latest version is
    ``latest`` (``held``: that version has a text in this language already)?"""
    refused = refusal(document.status, latest=latest, held=held, adopt=adopt)
    if refused is not None:
        field, message = refused
        raise InvalidTransition(message % {"slug": document.slug, "lang": language}, field=field)


def refusal(status: str, *, latest: Version | None, held: bool, adopt: bool):
    """(field, message) refusing the import, or None: the rules above, in order."""
    Status = Document.Status
    if status == Status.CIRCULATED and adopt:
        return "adopt", _(
            "%(slug)s is under a consensus procedure: only that procedure can adopt it, "
            "not an import."
        )
    if status == Status.CIRCULATED:
        return "slug", _(
            "%(slug)s is under a consensus procedure: its text cannot change until the "
            "procedure ends."
        )
    if status == Status.DRAFT and adopt:
        return "adopt", _(
            "%(slug)s is a draft held in Concord: only a consensus procedure on one of its "
            "versions can adopt it, not an import."
        )
    if status == Status.SUPERSEDED and adopt:
        return "adopt", _("%(slug)s was superseded: an import cannot adopt it again.")
    if latest is None and status == Status.ADOPTED and not adopt:
        return "adopt", _(
            "%(slug)s is registered as adopted: import its text with adopt to record it as "
            "the adopted text."
        )
    if latest is not None and latest.frozen and held:
        return "file", _("%(slug)s is adopted: its %(lang)s text is frozen and cannot be replaced.")
    if latest is not None and not latest.frozen and adopt:
        return "adopt", _(
            "%(slug)s is adopted already: an import cannot adopt another version of it."
        )
    return None
