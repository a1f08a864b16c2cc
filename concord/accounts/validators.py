"""Password rules: Django's validators (settings.AUTH_PASSWORD_VALIDATORS) plus a ceiling."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.core.exceptions import InvalidInput

from .models import PASSWORD_MAX_LENGTH


class MaximumLengthValidator:
    """Hashing is slow on purpose; an unbounded password would make it a lever for denial of
    service. Registered in AUTH_PASSWORD_VALIDATORS, so every form and service applies it."""

    def __init__(self, max_length: int = PASSWORD_MAX_LENGTH):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is longer than %(max)d character.",
                    "This password is longer than %(max)d characters.",
                    self.max_length,
                )
                % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self):
        return _("Your password must be at most %(max)d characters long.") % {
            "max": self.max_length
        }


def validate_new_password(password: str, user) -> None:
    """Every rule at once, as an error on the `password` field."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), field="password") from exc
