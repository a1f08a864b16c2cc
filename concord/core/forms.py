"""Form fields that check what the API's input types check (`core.inputs`), with the limits of
the model fields they fill; forms whose service's refusal lands on the field it names."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from . import inputs
from .exceptions import DomainError

T = TypeVar("T")


def _refuse(problem: str) -> None:
    if problem:
        raise ValidationError(problem)


def _storable(value: str) -> None:
    _refuse(inputs.text_problem(value))


def _one_line(value: str) -> None:
    _refuse(inputs.text_problem(value, single_line=True))


def _within_dates(value) -> None:
    _refuse(inputs.date_problem(value))


class LineField(forms.CharField):
    """A single line for model field ``name`` of ``model``."""

    def __init__(self, model: type[models.Model], name: str, **kwargs):
        kwargs.setdefault("max_length", inputs.limit(model, name))
        super().__init__(validators=[_one_line], **kwargs)


class TextField(forms.CharField):
    """A text of several lines for model field ``name`` of ``model``."""

    def __init__(self, model: type[models.Model], name: str, *, rows: int = 3, **kwargs):
        kwargs.setdefault("max_length", inputs.limit(model, name))
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(validators=[_storable], **kwargs)


class DateField(forms.DateField):
    """A day within the years Concord holds, as the browser's date picker gives it."""

    default_validators = [_within_dates]
    widget = forms.DateInput(attrs={"type": "date"})


class DateTimeField(forms.DateTimeField):
    """A moment within the years Concord holds, read in the site's time zone (the browser's
    picker sends none)."""

    default_validators = [_within_dates]
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"})

    # The site's zone even while a reader's own is active (accounts.preferences), as the
    # forms that use this field say beside it.
    def to_python(self, value):
        with timezone.override(settings.TIME_ZONE):
            return super().to_python(value)

    def prepare_value(self, value):
        with timezone.override(settings.TIME_ZONE):
            return super().prepare_value(value)


class NestedForm(forms.Form):
    """One part of a nested input. Its fields are named ``<prefix>.<field>`` as the API names
    them, so that a service's error on ``subject.meeting.starts_on`` finds its field as named."""

    def add_prefix(self, field_name: str) -> str:
        return f"{self.prefix}.{field_name}" if self.prefix else field_name


class ServiceForm:
    """The input of one service. `submit` gives the service the form's cleaned data; a
    DomainError it raises lands on the field it names, named as the API names it, or in the
    form's summary (its non-field errors) when the form shows no such field. A form mixes this
    in before `forms.Form`."""

    # The API's name of an input → this form's, for a form whose names are not its own
    # (Django's password forms).
    error_fields: dict[str, str] = {}

    def submit(self, service: Callable[..., T], **given) -> T | None:
        """What ``service(**self.arguments(**given))`` returns, when the form is valid and the
        service accepts; None when either refuses, the refusal being then among the form's
        errors."""
        if not self.is_valid():
            return None
        try:
            return service(**self.arguments(**given))
        except DomainError as exc:
            self.add_error(self.field_for(exc.field), exc.html)
            return None

    def arguments(self, **given) -> dict:
        """The service's arguments: what the view gives (the actor, the object acted on) and
        the cleaned data, which a form whose names are not the service's renames here."""
        return {**given, **self.cleaned_data}

    def field_for(self, name: str | None) -> str | None:
        """The field that shows the input the API calls `name`; None for the summary."""
        name = self.error_fields.get(name, name)
        if name in self.fields and not self[name].is_hidden:
            return name
        return None
