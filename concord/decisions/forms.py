import datetime as dt

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.core import clock
from concord.core.forms import DateTimeField, LineField, NestedForm, ServiceForm, TextField
from concord.documents import selectors as documents
from concord.meetings import selectors as meeting_selectors

from .choices import Mode, PositionKind
from .models import Position, Procedure
from .requests import ProcedureRequest, SubjectRequest
from .services import DEFAULT_SILENCE
from .subjects import registry
from .subjects.base import Subject, participant_choices


class _ProcedureFields(forms.Form):
    title = LineField(
        Procedure,
        "title",
        label=_("Title"),
        required=False,
        help_text=_("Left empty, the suggested title is used."),
    )
    # The title last suggested: replaced by a new suggestion unless the user changed it.
    suggested = forms.CharField(required=False, widget=forms.HiddenInput)
    mode = forms.ChoiceField(label=_("Mode"), choices=Mode.choices)
    deadline = DateTimeField(label=_("Deadline, for a silence procedure"), required=False)
    held_at = forms.ChoiceField(label=_("Held at the meeting (in session)"), required=False)
    shared_with_observers = forms.BooleanField(label=_("Share with observers"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = timezone.get_current_timezone_name()
        self.fields["deadline"].label = _("Deadline (%(zone)s), for a silence procedure") % {
            "zone": zone
        }
        self.fields["deadline"].help_text = _(
            "In the time zone %(zone)s. Leave empty for the usual two weeks."
        ) % {"zone": zone}
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
        initial = dict(initial or {})
        self.subject = _chosen((data or initial).get("subject.type"))
        if self.subject:
            initial.setdefault("mode", self.subject.default_mode)
        parts = {f"subject.{s.part}": s.form for s in registry.all_subjects() if s.form}
        forms_by_prefix = {"": _ProcedureFields, "subject": _SubjectFields, **parts}
        self.forms = {
            prefix: form(data, prefix=prefix or None, initial=_under(initial, prefix))
            for prefix, form in forms_by_prefix.items()
        }
        if self.subject:
            self.forms["subject"].fields["type"].widget = forms.HiddenInput()
            for name in LIVE_FIELDS:
                prefix, _dot, field = name.rpartition(".")
                if field in self.forms[prefix].fields:
                    # The form asks again (htmx) when one changes: the title and the deadline
                    # it offers follow.
                    attrs = self.forms[prefix].fields[field].widget.attrs
                    attrs.update({"hx-get": reverse("decisions:open"), "hx-trigger": "change"})
            if data is None:
                self._offer_title(initial)

    def _offer_title(self, initial: dict) -> None:
        """Put the subject's suggested title in the title field, unless the user wrote one."""
        procedure = self.forms[""]
        title, suggested = initial.get("title", ""), initial.get("suggested", "")
        offer = self.subject.offered_title(self._subject_request(initial))
        if offer and title in ("", suggested):
            procedure.initial.update(title=offer, suggested=offer)

    def _subject_request(self, values: dict) -> SubjectRequest:
        """What the form holds of the subject so far, read leniently, for the suggestion."""
        version = values.get("subject.version") or ""
        part = self.subject.part
        return SubjectRequest(
            type=self.subject.name,
            state=values.get("subject.state") or None,
            version=int(version) if version.isdigit() else None,
            text=values.get("subject.text", ""),
            proposal=_under(values, f"subject.{part}") if part else None,
        )

    def in_session(self) -> bool:
        return self.forms[""]["mode"].value() == Mode.IN_SESSION

    def deadline_falls(self) -> dt.datetime | None:
        """When the deadline falls as the form stands: the one given, or the usual two weeks
        of a silence procedure; None in session or while the date given cannot be read."""
        procedure = self.forms[""]
        if self.in_session():
            return None
        try:
            given = procedure.fields["deadline"].clean(procedure["deadline"].value())
        except forms.ValidationError:
            return None
        return given or clock.now() + DEFAULT_SILENCE

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
        """The fields under headings: what every procedure needs with what the chosen subject
        shares with others, then the subject's own part; a form with no subject chosen shows
        every field, as the API takes them."""
        procedure, subject = self.forms[""], self.forms["subject"]
        chosen = self.subject
        shared = [f for f in subject.visible_fields() if chosen is None or f.name in chosen.needs]
        rest = [procedure["title"], *shared]
        rest += [f for f in procedure.visible_fields() if f.name != "title"]
        parts = [
            form
            for prefix, form in self.forms.items()
            if prefix not in ("", "subject")
            and (chosen is None or prefix == f"subject.{chosen.part}")
        ]
        return [("", rest), *((part.legend, part.visible_fields()) for part in parts)]

    def hidden_fields(self) -> list:
        return [f for form in self.forms.values() for f in form.hidden_fields()]

    def visible_fields(self) -> list:
        """The fields shown, in the order shown: the error summary lists their errors."""
        return [field for _legend, fields in self.groups() for field in fields]

    def arguments(self, **given) -> dict:
        return {**given, "request": self.to_request()}

    def to_request(self) -> ProcedureRequest:
        procedure, subject = self.forms[""].cleaned_data, self.forms["subject"].cleaned_data
        chosen = registry.get(subject["type"])
        part = chosen.part
        proposal = self.forms[f"subject.{part}"].cleaned_data if part else None
        offer = chosen.offered_title(
            SubjectRequest(type=chosen.name, state=subject["state"], version=subject["version"],
                           proposal=proposal)
        )  # fmt: skip
        return ProcedureRequest(
            title=procedure["title"] or offer,
            subject=SubjectRequest(
                type=subject["type"],
                state=subject["state"],
                version=subject["version"],
                text=subject["text"],
                proposal=proposal,
            ),
            mode=procedure["mode"],
            deadline=procedure["deadline"],
            shared_with_observers=procedure["shared_with_observers"],
            held_at=procedure["held_at"] or None,
        )


# The fields whose change brings a new suggestion of the title, or moves the deadline.
LIVE_FIELDS = ("subject.state", "subject.version", "subject.meeting.title", "mode", "deadline")


def _chosen(name) -> Subject | None:
    """The subject the form is for, once chosen; None while none (or an unknown one) is."""
    return registry.get(name) if name in registry.names() else None


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
