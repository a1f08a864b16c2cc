"""A held text in each export format: JSON (the API's structure), plain text, HTML, Akoma Ntoso."""

import json

from django.template.loader import render_to_string

from . import parsing, reading, selectors
from .akn import to_akn
from .models import Document, Text


def as_json(document: Document, text: Text) -> dict:
    return {
        "slug": document.slug,
        "symbol": document.symbol,
        "type": document.doc_type,
        "status": document.status,
        "body": document.body.code if document.body_id else None,
        "meeting": document.meeting_in(text.language),
        "version": text.version.number,
        # Frozen by an import recording a decision taken elsewhere, not by a procedure.
        "adopted_elsewhere": text.version.adopted_elsewhere,
        # This language was imported after a procedure adopted the version.
        "added_after_adoption": text.added_after_adoption,
        **text.structure,
        "title": text.structure.get("title") or document.title,
        "adopted_on": document.adopted_on.isoformat() if document.adopted_on else None,
        "place": document.place_in(text.language) or text.structure.get("place"),
        "language": text.language,
        "references": [
            {"unit": uid, "phrase": ref.phrase, "start": ref.start, "document": ref.target.slug}
            for uid, refs in selectors.references_in(text).items()
            for ref in refs
        ],
    }


def as_text(text: Text) -> str:
    """Plain text that imports back to the identical structure."""
    return parsing.render_text(parsing.parse(text.source_text, language=text.language))


# What `GET /api/documents/{slug}/export/{fmt}` answers, by format, for the OpenAPI schema.
OPENAPI_CONTENT = {
    "description": "The text as a file in the format asked for",
    "content": {
        "application/akn+xml": {"schema": {"type": "string", "description": "Akoma Ntoso 3.0"}},
        "application/json": {"schema": {"type": "object"}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    },
}


def export(document: Document, text: Text, fmt: str) -> tuple[bytes | str, str, str]:
    """(content, content type, file extension)."""
    if fmt == "akn":
        return to_akn(document, text), "application/akn+xml", "xml"
    if fmt == "txt":
        return as_text(text), "text/plain; charset=utf-8", "txt"
    if fmt == "html":
        html = render_to_string(
            "documents/export.html",
            {"document": document, "text": text, **reading.context(text.structure)},
        )
        return html, "text/html; charset=utf-8", "html"
    body = json.dumps(as_json(document, text), ensure_ascii=False, indent=2)
    return body, "application/json", "json"
