from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.accounts import permissions
from concord.core.actors import Actor
from concord.core.exceptions import NotPermitted

from .models import AuditEntry


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
