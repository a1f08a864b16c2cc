import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.accounts import permissions
from concord.core.actors import Actor
from concord.core.exceptions import NotPermitted

from . import signing
from .models import AuditEntry, ChainHead


def list_entries(
    actor: Actor,
    *,
    event: str | None = None,
    target_type: str | None = None,
    target_id: str | None = None,
) -> QuerySet[AuditEntry]:
    if not permissions.can_read_audit(actor):
        raise NotPermitted(_("Only the Secretariat and the Chair can read the audit trail."))
    qs = AuditEntry.objects.select_related("actor_user").order_by("-seq")
    if event:
        qs = qs.filter(event=event)
    if target_type:
        qs = qs.filter(target_type=target_type)
    if target_id:
        qs = qs.filter(target_id=target_id)
    return qs


@dataclass(frozen=True)
class SignedHead:
    seq: int
    hash: str
    signed_at: dt.datetime | None
    signature: str
    public_key: str


def get_signed_head() -> SignedHead | None:
    """The head as published to everyone, with the key that checks it; None before any entry."""
    head = ChainHead.objects.filter(id=1, seq__gt=0).first()
    if head is None:
        return None
    return SignedHead(
        head.seq, head.entry_hash, head.signed_at, head.signature, signing.public_key()
    )
