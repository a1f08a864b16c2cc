"""Typed domain errors; one handler per adapter (API, htmx, CLI) translates them."""


class DomainError(Exception):
    """A rule of the forum was not met. `field` names the offending input, when there is one."""

    status = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotPermitted(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class InvalidInput(DomainError):
    status = 422


class InvalidTransition(DomainError):
    status = 409
