from django import forms
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from concord.core.forms import ServiceForm, TextField

from . import selectors
from .amending import AmendmentKind, Place, kinds
from .models import LANGUAGES, Amendment
from .requests import AmendmentRequest


class AmendmentForm(ServiceForm, forms.Form):
    unit = forms.ChoiceField(label=_("Paragraph or clause"))
    kind = forms.ChoiceField(label=_("Amendment"), choices=AmendmentKind.choices)
    place = forms.ChoiceField(
        label=_("Insert"),
        choices=Place.choices,
        initial=Place.AFTER,
        required=False,
        help_text=_("For an insertion: before or after the paragraph or clause chosen."),
    )
    text = TextField(
        Amendment,
        "text",
        label=_("Proposed text"),
        required=False,
        rows=4,
        help_text=_(
            "The whole new text of the unit (not needed to delete). A replacement may hold "
            "several blocks separated by blank lines and (a), (b) items."
        ),
    )
    rationale = TextField(Amendment, "rationale", label=_("Rationale"))
    language = forms.ChoiceField(
        choices=[(code, code) for code in LANGUAGES], widget=forms.HiddenInput
    )
    # The version the delegation read: if a newer one is made meanwhile, the proposal is refused
    # rather than applied to a text it was not written for.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, document, units: list[dict] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        amendable = kinds.unit_kinds()
        self.fields["unit"].choices = [
            (u["id"], f"{u['label']} — {Truncator(u['text']).chars(60)}")
            for u in units
            if u["kind"] in amendable
        ]
        # With htmx, choosing the unit brings its current wording into the proposed text; without,
        # the form's "Start from its current wording" button does (a step of its own).
        self.fields["unit"].widget.attrs.update(
            {
                "hx-get": reverse("drafting:wording", args=[document.slug]),
                "hx-trigger": "change",
                "hx-target": f"#{self['text'].auto_id}",
                "hx-swap": "outerHTML",
                "hx-include": ", ".join(
                    f"#{self[name].auto_id}" for name in ("kind", "language", "version")
                ),
            }
        )

    def arguments(self, *, language: str, **given) -> dict:
        """The amendment as the service takes it; the language is the page's (given)."""
        return {**given, "request": self.to_request(language=language)}

    def to_request(self, *, language: str) -> AmendmentRequest:
        """To the version the delegation read."""
        data = self.cleaned_data
        return AmendmentRequest(
            version_id=selectors.get_version(self.document, data["version"]).pk,
            language=language,
            kind=data["kind"],
            unit=data["unit"],
            rationale=data["rationale"],
            text=data["text"],
            place=data["place"],
        )


class DecisionForm(forms.Form):
    note = TextField(Amendment, "note", label=_("Note"), required=False, widget=forms.TextInput)


class RejectionForm(ServiceForm, forms.Form):
    """A rejection gives its reason: the delegation that proposed the amendment reads it."""

    reason = TextField(
        Amendment,
        "reason",
        label=_("Reason for rejecting"),
        rows=2,
        error_messages={"required": _("Give the reason for rejecting the amendment.")},
    )
