"""An amendment to propose, as each adapter (the API, the form, a test) hands it to the service:
one value, so that a new input is added in one place rather than passed along by hand."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AmendmentRequest:
    """``unit`` is the unit amended, or for an insertion the one it goes ``place`` of."""

    version_id: int
    language: str
    kind: str
    unit: str
    rationale: str
    text: str = ""
    place: str = ""
