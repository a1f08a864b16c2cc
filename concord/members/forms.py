from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.core import clock
from concord.core.exceptions import InvalidInput
from concord.core.forms import DateField

from . import selectors
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

    def clean_as_of(self):
        day = self.cleaned_data["as_of"]
        if day and (problem := selectors.record_problem(day, today=clock.today())):
            raise forms.ValidationError(problem, code="outside_record")
        return day


class CompareForm(forms.Form):
    """Two days of the registry; `changes` holds what changed between them once valid. The
    fields are named `from` and `to`, as the API names them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {"invalid": _("Enter a date as YYYY-MM-DD.")}
        self.fields["from"] = DateField(label=_("From"), error_messages=messages)
        self.fields["to"] = DateField(
            label=pgettext_lazy("the end of a period", "To"), error_messages=messages
        )
        self.changes = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            self.changes = selectors.list_changes_between(cleaned["from"], cleaned["to"])
        except InvalidInput as exc:
            self.add_error(exc.field if exc.field in self.fields else None, exc.message)
        return cleaned
