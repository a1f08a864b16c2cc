"""The one exception the parser raises."""


class ParseError(ValueError):
    """The text cannot be read as a document; ``line`` is 1-based in the decoded text."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message
