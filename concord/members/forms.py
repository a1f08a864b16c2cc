from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core.forms import DateField

from .models import Membership


class RegistryFilterForm(forms.Form):
    as_of = DateField(
        label=_("As of"),
        required=False,
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
