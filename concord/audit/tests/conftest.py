import pytest
from django.db import transaction

from concord.audit import selectors
from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core.actors import SYSTEM


@pytest.fixture
def append(db):
    """Append `n` entries the way every service does; returns the published head after them."""

    def append(n: int = 1) -> selectors.SignedHead:
        for _ in range(n):
            with transaction.atomic():
                record(actor=SYSTEM, event=AuditEvent.LOGGED_IN, summary="signed in")
        return selectors.get_signed_head()

    return append


@pytest.fixture
def copy_of():
    """A copy of a head as `GET /api/audit/head` gives it, kept by someone outside."""

    def copy_of(head: selectors.SignedHead) -> dict:
        return {
            "seq": head.seq,
            "hash": head.hash,
            "signed_at": head.signed_at.isoformat(),
            "signature": head.signature,
            "public_key": head.public_key,
        }

    return copy_of
