import datetime as dt

from ninja import Field, Schema

from .models import Delivery


class MessageOut(Schema):
    id: int
    kind: str
    subject: str
    body: str
    link: str
    created_at: dt.datetime
    read_at: dt.datetime | None


class DeliveryOut(Schema):
    """An e-mail and what became of it. The body is left out: it may hold a one-time link."""

    id: int
    recipient_id: int
    recipient_name: str = Field(description="The person's name, or their address if none")
    address: str
    subject: str
    status: Delivery.Status
    attempts: int
    failure: Delivery.Failure | None
    failure_text: str | None = Field(description="The failure in words")
    error: str = Field(description="What the mail system answered, as it said it")
    stalled: bool = Field(description="Waiting or being sent with nothing happening for a while")
    can_send_again: bool
    created_at: dt.datetime
    last_attempt_at: dt.datetime | None
    next_attempt_at: dt.datetime | None
    sent_at: dt.datetime | None

    @staticmethod
    def resolve_recipient_name(delivery: Delivery) -> str:
        return str(delivery.recipient)

    @staticmethod
    def resolve_failure(delivery: Delivery) -> str | None:
        return delivery.failure or None

    @staticmethod
    def resolve_failure_text(delivery: Delivery) -> str | None:
        return str(delivery.get_failure_display()) if delivery.failure else None
