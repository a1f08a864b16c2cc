"""Background work: account e-mail leaves by the task worker, never during a request."""

from django_tasks import task

from . import mail


@task()
def send_invitation(invitation_id: int) -> bool:
    return mail.send_invitation(invitation_id)


@task()
def send_password_reset(email: str, language: str) -> bool:
    return mail.send_password_reset(email, language)
