from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.members.models import Participant

from .models import (
    DISPLAY_NAME_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    TOKEN_NAME_MAX_LENGTH,
    Role,
    TokenScope,
)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=TOKEN_NAME_MAX_LENGTH,
        help_text=_("For example the script or computer that will use it."),
    )
    scope = forms.ChoiceField(
        label=_("Scope"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        help_text=_("A read-only token cannot change anything, even if it is stolen."),
    )
    expires_in_days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read per form, not at import, so that the setting is the one in force.
        days, most = self.fields["expires_in_days"], settings.API_TOKEN_MAX_DAYS
        days.initial, days.max_value = settings.API_TOKEN_DEFAULT_DAYS, most
        days.validators.append(MaxValueValidator(most))
        days.widget.attrs["max"] = most
        days.help_text = _("At most %(max)s days.") % {"max": most}


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH)


class UserCreateForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH)
    display_name = forms.CharField(
        label=pgettext_lazy("person", "Name"), max_length=DISPLAY_NAME_MAX_LENGTH, required=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    state = forms.ChoiceField(
        label=_("Acts for"),
        required=False,
        help_text=_("Required for every role except Secretariat officer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", "—")] + [
            (p.code, f"{p.name} ({p.code})")
            for p in sorted(Participant.objects.all(), key=lambda p: p.name.casefold())
        ]
