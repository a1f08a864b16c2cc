from django.db.models import QuerySet

from concord.core.actors import Actor

from .models import Message


def list_messages(actor: Actor, *, unread_only: bool = False) -> QuerySet[Message]:
    if actor.user is None:
        return Message.objects.none()
    qs = Message.objects.filter(recipient=actor.user)
    return qs.filter(read_at=None) if unread_only else qs


def unread_count(actor: Actor) -> int:
    return list_messages(actor, unread_only=True).count()
