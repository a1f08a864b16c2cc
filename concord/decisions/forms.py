from django import forms
from django.utils.translation import gettext_lazy as _

from concord.catalogue import selectors as catalogue
from concord.catalogue.models import Measure
from concord.core import clock
from concord.core.forms import DateField, DateTimeField, LineField, TextField
from concord.documents import selectors as documents
from concord.meetings import selectors as meeting_selectors
from concord.meetings.models import Meeting
from concord.members.models import Participant

from .models import Position, Procedure, Subject


class ProcedureForm(forms.Form):
    title = LineField(Procedure, "title", label=_("Title"))
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    state = forms.ChoiceField(label=_("State concerned"), required=False)
    version = forms.ChoiceField(label=_("Document version under decision"), required=False)
    text = TextField(Procedure, "text", label=_("Text under decision"), required=False, rows=4)
    meeting_body = forms.ChoiceField(label=_("Meeting: body that meets"), required=False)
    meeting_title = LineField(Meeting, "title_en", label=_("Meeting: title"), required=False)
    meeting_starts_on = DateField(label=_("Meeting: opens on"), required=False)
    meeting_ends_on = DateField(label=_("Meeting: closes on"), required=False)
    meeting_title_ru = LineField(
        Meeting, "title_ru", label=_("Meeting: title in Russian"), required=False
    )
    meeting_place = LineField(Meeting, "place_en", label=_("Meeting: place"), required=False)
    meeting_place_ru = LineField(
        Meeting, "place_ru", label=_("Meeting: place in Russian"), required=False
    )
    meeting_host = forms.ChoiceField(label=_("Meeting: host state"), required=False)
    catalogue_action = forms.ChoiceField(
        label=_("Catalogue: change"),
        required=False,
        choices=[("", "—"), ("add", _("add a measure")), ("change", _("change a measure"))],
    )
    catalogue_measure = forms.ChoiceField(label=_("Catalogue: measure to change"), required=False)
    catalogue_dimension = forms.ChoiceField(
        label=_("Catalogue: dimension of the new measure"), required=False
    )
    catalogue_area = forms.ChoiceField(label=_("Catalogue: priority area"), required=False)
    catalogue_text_en = TextField(
        Measure,
        "text_en",
        label=_("Catalogue: text of the measure (English)"),
        required=False,
        rows=2,
    )
    catalogue_text_ru = TextField(
        Measure,
        "text_ru",
        label=_("Catalogue: text of the measure (Russian)"),
        required=False,
        rows=2,
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=Procedure.Mode.choices)
    deadline = DateTimeField(
        label=_("Deadline (UTC), for a silence procedure"),
        required=False,
        help_text=_("Leave empty for the usual two weeks."),
    )
    held_at = forms.ChoiceField(label=_("Held at the meeting (in session)"), required=False)
    shared_with_observers = forms.BooleanField(label=_("Share with observers"), required=False)

    def groups(self) -> list[tuple[str, list]]:
        """The fields under headings: what every procedure needs, then a meeting's, then a
        catalogue change's."""
        meeting = [self[n] for n in self.fields if n.startswith("meeting_")]
        catalogue = [self[n] for n in self.fields if n.startswith("catalogue_")]
        rest = [f for f in self.visible_fields() if f not in meeting + catalogue]
        return [
            ("", rest),
            (_("To convene a meeting"), meeting),
            (_("To add or change a measure of the Catalogue"), catalogue),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        states = sorted(Participant.objects.all(), key=lambda p: p.name.casefold())
        self.fields["state"].choices = [("", "—")] + [
            (p.code, f"{p.name} ({p.code})") for p in states
        ]
        self.fields["meeting_host"].choices = self.fields["state"].choices
        self.fields["held_at"].choices = [("", "—")] + [
            (m.slug, f"{m.title} ({m.starts_on:%Y})")
            for m in meeting_selectors.meetings_on(clock.today())
        ]
        self.fields["meeting_body"].choices = [("", "—"), *meeting_selectors.convening_choices()]
        self.fields["catalogue_measure"].choices = [("", "—")] + [
            (m.code, f"{m.code} — {m.text[:60]}") for m in catalogue.list_measures()
        ]
        self.fields["catalogue_dimension"].choices = [("", "—")] + [
            (d.code, d.name) for d in catalogue.list_dimensions()
        ]
        self.fields["catalogue_area"].choices = [("", "—")] + [
            (a.code, f"{a.dimension.code}: {a.name}") for a in catalogue.list_areas()
        ]
        self.fields["version"].choices = [("", "—")] + [
            (v.pk, f"{v.document.title} — v{v.number}") for v in documents.list_open_versions()
        ]


class PositionForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Position"), choices=Position.Kind.choices, widget=forms.RadioSelect
    )
    statement = TextField(
        Position,
        "statement",
        label=_("Reasons or statement"),
        required=False,
        help_text=_(
            "Required for an objection (the reasons) and for standing aside "
            "(an interpretative statement)."
        ),
    )
