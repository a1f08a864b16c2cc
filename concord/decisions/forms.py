from django import forms
from django.utils.translation import gettext_lazy as _

from concord.documents.models import Version
from concord.members.models import Participant

from .models import Position, Procedure, Subject


class ProcedureForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    state = forms.ChoiceField(label=_("State concerned"), required=False)
    version = forms.ChoiceField(label=_("Document version under decision"), required=False)
    text = forms.CharField(
        label=_("Text under decision"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=Procedure.Mode.choices)
    deadline = forms.DateTimeField(
        label=_("Deadline (UTC), for a silence procedure"),
        required=False,
        help_text=_("Leave empty for the usual two weeks."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    shared_with_observers = forms.BooleanField(label=_("Share with observers"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        states = sorted(Participant.objects.all(), key=lambda p: p.name.casefold())
        self.fields["state"].choices = [("", "—")] + [
            (p.code, f"{p.name} ({p.code})") for p in states
        ]
        drafts = (
            Version.objects.filter(frozen=False)
            .select_related("document")
            .order_by("-created_at")[:200]
        )
        self.fields["version"].choices = [("", "—")] + [
            (v.pk, f"{v.document.title} — v{v.number}") for v in drafts
        ]


class PositionForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Position"), choices=Position.Kind.choices, widget=forms.RadioSelect
    )
    statement = forms.CharField(
        label=_("Reasons or statement"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required for an objection (the reasons) and for standing aside "
            "(an interpretative statement)."
        ),
    )
