"""Amendments applied to a draft's structure, so that the check on a proposal, the new version
and the tests share one reading of what an amendment does.

No database: a draft is cut into the units ``rendering.walk`` yields (``chunks``). An amendment
names one unit of the version it was proposed on, and its kind (one class each, registered
below) says what it does there. The amended units are written out as plain text and parsed
again: the parser is the judge of the result, so a new version is always a document the rest
of Concord can read.

A new kind of amendment is a module holding a ``Kind`` subclass and its registration here; its
name goes in ``AmendmentKind`` for the API, the form and the page to offer it.
"""

from .chunks import Chunk, Trace, apply, apply_traced, wordings
from .delete import Delete
from .edit import Edit
from .insert import Insert
from .registry import (
    KIND_LENGTH,
    AmendmentError,
    AmendmentKind,
    Change,
    Kind,
    Place,
    kinds,
)
from .replace import Replace

kinds.register(Insert)
kinds.register(Replace)
kinds.register(Delete)
kinds.register(Edit)

__all__ = [
    "KIND_LENGTH",
    "AmendmentError",
    "AmendmentKind",
    "Change",
    "Chunk",
    "Kind",
    "Place",
    "Trace",
    "apply",
    "apply_traced",
    "kinds",
    "wordings",
]
