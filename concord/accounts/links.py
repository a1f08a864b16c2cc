"""The one-time links Concord sends by e-mail: to set a first password (an invitation) and to
reset a forgotten one. Both are absolute (they are read away from the site) and carry a secret
derived with the server's key from the state it must match, so neither is ever stored."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from concord.core.links import absolute

from .models import Invitation, User


class PasswordResetTokens(PasswordResetTokenGenerator):
    """Django's reset tokens (dead once the password changes or the person signs in, and after
    PASSWORD_RESET_TIMEOUT), also dead once the account is deactivated or reactivated."""

    key_salt = "concord.accounts.links.PasswordResetTokens"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}:{user.credentials_epoch}"


password_reset_tokens = PasswordResetTokens()


def password_reset_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = password_reset_tokens.make_token(user)
    return absolute(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    )


def invitation_secret(invitation: Invitation, key: str | None = None) -> str:
    """`<id>-<HMAC of the invitation's identity>`: the id finds the row, the HMAC proves the
    link was made here (with SECRET_KEY, or the older `key` it replaced)."""
    identity = f"{invitation.pk}:{invitation.user_id}:{int(invitation.created_at.timestamp())}"
    mac = salted_hmac("concord.accounts.links.invitation", identity, secret=key, algorithm="sha256")
    return f"{invitation.pk}-{mac.hexdigest()}"


def is_invitation_secret(secret: str, invitation: Invitation) -> bool:
    """Made with the current key or one in SECRET_KEY_FALLBACKS, as Django's reset links."""
    return any(
        constant_time_compare(secret, invitation_secret(invitation, key))
        for key in [None, *settings.SECRET_KEY_FALLBACKS]
    )


def invitation_link(invitation: Invitation) -> str:
    return absolute(
        reverse("accounts:invitation", kwargs={"secret": invitation_secret(invitation)})
    )
