from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership


class RegistryFilterForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Members and observers")), *Membership.Status.choices],
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[("name", _("Name")), ("since", _("Since")), ("status", _("Status"))],
    )
    dir = forms.ChoiceField(required=False, choices=[("asc", "asc"), ("desc", "desc")])
