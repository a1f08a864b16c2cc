"""Background work: each e-mail is sent by a task of its own, outside any request."""

from django_tasks import task

from . import services


@task()
def send_delivery(delivery_id: int) -> str:
    return services.deliver(delivery_id)
