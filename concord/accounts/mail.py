"""Account e-mail: invitations and password-reset links, composed by background tasks
(concord.accounts.tasks); `send_account_mail` hands them to the e-mail deliveries
(concord.inbox.mail), which send, retry and account for them."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from concord.core.links import absolute
from concord.inbox.mail import send_email

from . import selectors
from .invitations import is_live
from .links import invitation_link, password_reset_link


def send_account_mail(*, to, subject: str, body: str) -> None:
    """A delivery like every other e-mail: retried, and a failure shown to the Secretariat."""
    send_email(to=to, subject=subject, body=body)


def _render(template: str, context: dict, language: str) -> str:
    with translation.override(language):
        return render_to_string(template, context).strip()


def send_invitation(invitation_id: int) -> bool:
    """Send the invitation's link, unless it died before the task ran. The invitee's language
    is not known yet, so the message is written in English and Russian."""
    invitation = selectors.find_invitation(invitation_id)
    if invitation is None or not is_live(invitation):
        return False
    context = {
        "user": invitation.user,
        "link": invitation_link(invitation),
        "login_url": absolute(reverse("accounts:login")),
        "expires_at": invitation.expires_at,
    }
    languages = [code for code, _name in settings.LANGUAGES]
    subject = " / ".join(
        _render("accounts/invitation_subject.txt", context, lang) for lang in languages
    )
    body = "\n\n― ― ―\n\n".join(
        _render("accounts/invitation_email.txt", context, lang) for lang in languages
    )
    send_account_mail(to=invitation.user, subject=subject, body=body)
    return True


def send_password_reset(email: str, language: str) -> bool:
    """Look the address up (here, in the worker, so that the request took the same time
    whether or not it belongs to an account) and send a reset link in the asker's language.
    An account that never set a password is sent one too: it is how such a person gets in."""
    user = selectors.find_active_user(email)
    if user is None:
        return False
    context = {"user": user, "link": password_reset_link(user)}
    send_account_mail(
        to=user,
        subject=_render("accounts/password_reset_subject.txt", context, language),
        body=_render("accounts/password_reset_email.txt", context, language),
    )
    return True
