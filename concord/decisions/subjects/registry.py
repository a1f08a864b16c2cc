"""The subjects a procedure can decide, by name. The model's choices, the API's schema, the form
and the page are built from here, so that a subject is known everywhere once registered."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from concord.core.exceptions import InvalidInput

from .base import Subject

_subjects: dict[str, Subject] = {}


def register(subject: Subject) -> Subject:
    if subject.name in _subjects:
        raise ImproperlyConfigured(f"A subject named {subject.name!r} is registered already.")
    if subject.part and subject.part in {s.part for s in _subjects.values()}:
        raise ImproperlyConfigured(f"Two subjects cannot share the part {subject.part!r}.")
    _subjects[subject.name] = subject
    return subject


def unregister(name: str) -> None:
    del _subjects[name]


def get(name: str) -> Subject:
    """The subject called ``name``; an unknown one is the caller's error."""
    try:
        return _subjects[name]
    except KeyError:
        raise InvalidInput(
            _("Unknown subject %(s)s.") % {"s": repr(name)}, field="subject.type"
        ) from None


def of(procedure) -> Subject:
    return _subjects[procedure.subject]


def all_subjects() -> list[Subject]:
    return list(_subjects.values())


def names() -> list[str]:
    return list(_subjects)


def choices() -> list[tuple[str, str]]:
    return [(s.name, s.label) for s in _subjects.values()]
