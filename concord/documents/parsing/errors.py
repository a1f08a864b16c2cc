"""The one exception the parser raises."""


def gettext_noop(message: str) -> str:
    """Marks a message for the site's translation catalogue (makemessages knows the name):
    the parser stays free of Django, and the site says the message in the reader's language
    from its ``template`` and ``params``."""
    return message


def fill(template: str, params: dict) -> str:
    return template % params if params else template


class ParseError(ValueError):
    """The text cannot be read as a document; ``line`` is 1-based in the decoded text."""

    def __init__(self, line: int | None, message: str, **params: object) -> None:
        self.line = line
        self.template = message
        self.params = params
        self.message = fill(message, params)
        super().__init__(f"line {line}: {self.message}")
