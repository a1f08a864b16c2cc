from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core.forms import LineField, ServiceForm
from concord.members.models import Participant

from . import preferences
from .models import EMAIL_MAX_LENGTH, ApiToken, Role, TokenScope, User


class TokenForm(ServiceForm, forms.Form):
    name = LineField(
        ApiToken,
        "name",
        label=_("Token name"),
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

    def arguments(self, **given) -> dict:
        data = self.cleaned_data
        return {
            **given,
            "name": data["name"],
            "scope": data["scope"],
            "days": data["expires_in_days"],
        }


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH)


class UserCreateForm(ServiceForm, forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=EMAIL_MAX_LENGTH)
    display_name = LineField(
        User, "display_name", label=pgettext_lazy("person", "Name"), required=False
    )
    # No role is assumed: a slip would otherwise make a Secretariat officer, the strongest one.
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("— choose a role —")), *Role.choices],
        error_messages={"required": _("Choose a role.")},
    )
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


class NewPasswordForm(ServiceForm, SetPasswordForm):
    """A new password, typed twice; the service checks it against the rules again."""

    error_fields = {"password": "new_password2"}

    def arguments(self, **given) -> dict:
        return {**given, "new_password": self.cleaned_data["new_password1"]}


class PreferencesForm(ServiceForm, forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("Deadlines and other times are shown in it, with its name."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("As my browser asks")), *settings.LANGUAGES]
        site = _("The site's: %(zone)s") % {"zone": settings.TIME_ZONE}
        self.fields["time_zone"].choices = [("", site), *preferences.time_zone_choices()]
