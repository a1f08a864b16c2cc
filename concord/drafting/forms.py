from django import forms
from django.utils.translation import gettext_lazy as _

from . import amending
from .models import Amendment


class AmendmentForm(forms.Form):
    unit = forms.ChoiceField(label=_("Paragraph or clause"))
    kind = forms.ChoiceField(label=_("Amendment"), choices=Amendment.Kind.choices)
    place = forms.ChoiceField(
        label=_("Insert"),
        choices=Amendment.Place.choices,
        initial=Amendment.Place.AFTER,
        required=False,
        help_text=_("For an insertion: before or after the paragraph or clause chosen."),
    )
    text = forms.CharField(
        label=_("Proposed text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The whole new text of the unit (not needed to delete). A replacement may hold "
            "several blocks separated by blank lines and (a), (b) items."
        ),
    )
    rationale = forms.CharField(
        label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000
    )
    language = forms.CharField(widget=forms.HiddenInput)
    # The version the delegation read: if a newer one is made meanwhile, the proposal is refused
    # rather than applied to a text it was not written for.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, units: list[dict] = (), **kwargs):
        super().__init__(*args, **kwargs)
        amendable = set().union(*amending.TARGETS.values())
        self.fields["unit"].choices = [
            (u["id"], f"{u['id']} — {u['text'][:70]}") for u in units if u["kind"] in amendable
        ]


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=5000)
