"""Typed domain errors; one handler per adapter (API, htmx, CLI) translates them."""

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class DocumentLink:
    """A document an error names: by its title, which the message holds, and its page."""

    title: str
    url: str


class DomainError(Exception):
    """A rule of the forum was not met. `field` names the offending input, when there is one;
    `document`, the document the message names by its title, for a page to link to it."""

    status = 400

    def __init__(
        self, message: str, *, field: str | None = None, document: DocumentLink | None = None
    ):
        super().__init__(message)
        self.message = message
        self.field = field
        self.document = document

    @property
    def html(self) -> SafeString:
        """The message for a page: escaped, the document's title in it a link to its page."""
        text = escape(self.message)
        if self.document is None:
            return text
        title = escape(self.document.title)
        link = format_html(
            '<a href="{}" class="govuk-link">{}</a>', self.document.url, self.document.title
        )
        if title in text:
            return mark_safe(text.replace(title, link, 1))
        return format_html("{} ({})", text, link)


class NotPermitted(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class InvalidInput(DomainError):
    status = 422


class InvalidTransition(DomainError):
    status = 409
