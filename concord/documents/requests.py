"""A text to import, as each adapter (the API, the import page, the command, a test) hands it
to the service: one value, so that a new input is added in one place rather than passed along by
hand."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportRequest:
    """``slug`` names the document the text joins, or a new one; ``adopt`` records a new
    document as adopted by a decision taken elsewhere; a ``dry_run`` writes nothing. A
    ``language_version`` joins the latest version of the document ``slug`` names, in a language
    it does not hold, and only if its structure matches the texts it holds
    (``import_rules.check_language_version``)."""

    raw: bytes | str
    doc_type: str | None = None
    language: str | None = None
    slug: str | None = None
    adopt: bool = False
    dry_run: bool = False
    language_version: bool = False
