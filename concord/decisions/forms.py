from django import forms
from django.utils.translation import gettext_lazy as _

from concord.core import clock
from concord.core.forms import DateTimeField, LineField, NestedForm, ServiceForm, TextField
from concord.documents import selectors as documents
from concord.meetings import selectors as meeting_selectors

from .choices import Mode, PositionKind
from .models import Position, Procedure
from .requests import ProcedureRequest, SubjectRequest
from .subjects import registry
from .subjects.base import participant_choices


class _ProcedureFields(forms.Form):
    title = LineField(Procedure, "title", label=_("Title"))
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices)
    deadline = DateTimeField(
        label=_("Deadline (UTC), for a silence procedure"),
        required=False,
        help_text=_("Leave empty for the usual two weeks."),
    )
    held_at = forms.ChoiceField(label=_("Held at the meeting (in session)"), required=False)
    shared_with_observers = forms.BooleanField(label=_("Share with observers"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_at"].choices = [("", "—")] + [
            (m.slug, f"{m.title} ({m.starts_on:%Y})")
            for m in meeting_selectors.meetings_on(clock.today())
        ]


class _SubjectFields(NestedForm):
    """What several subjects share; a subject's own part is its own form."""

    type = forms.ChoiceField(label=_("Subject"))
    state = forms.TypedChoiceField(label=_("State concerned"), required=False, empty_value=None)
    version = forms.TypedChoiceField(
        label=_("Document version under decision"), required=False, coerce=int, empty_value=None
    )
    text = TextField(Procedure, "text", label=_("Text under decision"), required=False, rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = registry.choices()
        self.fields["state"].choices = participant_choices()
        self.fields["version"].choices = [("", "—")] + [
            (v.pk, f"{v.document.title} — v{v.number}") for v in documents.list_open_versions()
        ]


class ProcedureForm(ServiceForm):
    """The procedure's fields, the subject's (prefix ``subject``) and each subject's own part
    (prefix ``subject.<part>``), named as the API names them: an error from the service goes to
    the field it names, unchanged."""

    def __init__(self, data=None, *, initial: dict | None = None):
        initial = initial or {}
        parts = {f"subject.{s.part}": s.form for s in registry.all_subjects() if s.form}
        forms_by_prefix = {"": _ProcedureFields, "subject": _SubjectFields, **parts}
        self.forms = {
            prefix: form(data, prefix=prefix or None, initial=_under(initial, prefix))
            for prefix, form in forms_by_prefix.items()
        }

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms.values()])

    @property
    def errors(self) -> dict:
        return {
            form.add_prefix(name): errors
            for form in self.forms.values()
            for name, errors in form.errors.items()
        }

    def non_field_errors(self):
        return self.forms[""].non_field_errors()

    def field_for(self, name: str | None) -> str | None:
        prefix, _dot, field = (name or "").rpartition(".")
        form = self.forms.get(prefix)
        shown = form is not None and field in form.fields and not form[field].is_hidden
        return name if shown else None

    def add_error(self, field: str | None, message: str) -> None:
        prefix, _dot, name = (field or "").rpartition(".")
        self.forms[prefix].add_error(name or None, message)

    def groups(self) -> list[tuple[str, list]]:
        """The fields under headings: what every procedure needs, then each subject's part."""
        procedure, subject = self.forms[""], self.forms["subject"]
        rest = [procedure["title"], *subject.visible_fields()]
        rest += [f for f in procedure.visible_fields() if f.name != "title"]
        parts = [f for prefix, f in self.forms.items() if prefix not in ("", "subject")]
        return [("", rest), *((part.legend, part.visible_fields()) for part in parts)]

    def arguments(self, **given) -> dict:
        return {**given, "request": self.to_request()}

    def to_request(self) -> ProcedureRequest:
        procedure, subject = self.forms[""].cleaned_data, self.forms["subject"].cleaned_data
        part = registry.get(subject["type"]).part
        return ProcedureRequest(
            title=procedure["title"],
            subject=SubjectRequest(
                type=subject["type"],
                state=subject["state"],
                version=subject["version"],
                text=subject["text"],
                proposal=self.forms[f"subject.{part}"].cleaned_data if part else None,
            ),
            mode=procedure["mode"],
            deadline=procedure["deadline"],
            shared_with_observers=procedure["shared_with_observers"],
            held_at=procedure["held_at"] or None,
        )


def _under(values: dict, prefix: str) -> dict:
    """The values of the fields named ``<prefix>.<name>``, by name."""
    found = {}
    for key, value in values.items():
        at, _dot, name = key.rpartition(".")
        if at == prefix:
            found[name] = value
    return found


class PositionForm(ServiceForm, forms.Form):
    position = forms.ChoiceField(
        label=_("Position"), choices=PositionKind.choices, widget=forms.RadioSelect
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

    def arguments(self, **given) -> dict:
        data = self.cleaned_data
        return {**given, "kind": data["position"], "statement": data["statement"]}


class ReopenForm(ServiceForm, forms.Form):
    """The confirmation of withdrawing a procedure and opening it again on the latest version."""

    reason = TextField(
        Procedure,
        "withdrawn_because",
        label=_("Reason for withdrawing"),
        help_text=_("Recorded on the withdrawn procedure and sent to the coordinators."),
    )
    deadline = DateTimeField(
        label=_("Deadline (UTC) of the new silence procedure"),
        required=False,
        help_text=_("Leave empty for the usual two weeks from now."),
    )
