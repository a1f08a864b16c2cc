from django.db.models import QuerySet
from django.utils.translation import gettext as _

from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, NotFound, NotPermitted

from . import permissions
from .models import Delivery, Message

# Beside the statuses, the deliveries filter takes this: failed, or stalled (see Delivery).
PROBLEMS = "problem"
DELIVERY_FILTERS = [*Delivery.Status.values, PROBLEMS]


def list_messages(actor: Actor, *, unread_only: bool = False) -> QuerySet[Message]:
    if actor.user is None:
        return Message.objects.none()
    qs = Message.objects.filter(recipient=actor.user)
    return qs.filter(read_at=None) if unread_only else qs


def unread_count(actor: Actor) -> int:
    return list_messages(actor, unread_only=True).count()


def list_deliveries(actor: Actor, *, status: str | None = None) -> QuerySet[Delivery]:
    """Every e-mail Concord has sent or tries to send, newest first; the Secretariat's only."""
    if not permissions.can_manage_deliveries(actor):
        raise NotPermitted(_("Only the Secretariat can see e-mail deliveries."))
    qs = Delivery.objects.select_related("recipient")
    if status == PROBLEMS:
        return qs.filter(Delivery.needing_attention())
    if status:
        if status not in Delivery.Status.values:
            raise InvalidInput(_("Unknown status %(s)s.") % {"s": repr(status)}, field="status")
        return qs.filter(status=status)
    return qs


def problem_count(actor: Actor) -> int:
    """Failed or stalled e-mails, for the Secretariat's navigation; 0 for everyone else."""
    if not permissions.can_manage_deliveries(actor):
        return 0
    return Delivery.objects.filter(Delivery.needing_attention()).count()


def access_delivery(actor: Actor, delivery_id: int) -> Delivery:
    delivery = list_deliveries(actor).filter(pk=delivery_id).first()
    if delivery is None:
        raise NotFound(_("No e-mail delivery #%(id)s.") % {"id": delivery_id}, field="id")
    return delivery
