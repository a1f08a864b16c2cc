"""The parser's refusals and warnings in the reader's language.

The parser says what is wrong in English and keeps the message's template and its values;
the site translates the template (the catalogue holds every one the parser marks) and fills
it in, so a Russian page never shows an English parser message."""

from django.utils.translation import gettext

from . import parsing


def _said(template: str, params: dict, english: str) -> str:
    if not template:
        return english
    return gettext(template) % params if params else gettext(template)


def problem(exc: parsing.ParseError) -> str:
    """The refusal without its line: for a message that names the place itself."""
    return _said(exc.template, exc.params, exc.message)


def refusal(exc: parsing.ParseError) -> str:
    return gettext("line %(line)s: %(problem)s") % {"line": exc.line, "problem": problem(exc)}


def warning(found: parsing.Warning) -> str:
    said = _said(found.template, found.params, found.message)
    return gettext("line %(line)s: %(problem)s") % {"line": found.line, "problem": said}
