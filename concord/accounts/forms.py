from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.members.models import Participant

from .models import Role


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("For example the script or computer that will use it."),
    )


class UserCreateForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    display_name = forms.CharField(
        label=pgettext_lazy("person", "Name"), max_length=150, required=False
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
