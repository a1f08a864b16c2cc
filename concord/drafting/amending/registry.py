"""What an amendment is, what every kind of amendment has in common, and the registry of kinds.

A kind is one class: the units it may name, whether it takes a text and a place, its own
checks on the text, what it does to the draft (``apply``) and how it reads beside the unit
it amends (``preview``). The service, the API, the form and the page ask the registry, so a
new kind is one module and one registration (see ``concord/drafting/amending/__init__.py``).
"""

from __future__ import annotations

import inspect
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.documents.parsing import ParagraphKind, UnitKind

if TYPE_CHECKING:
    from concord.drafting.comparison import Segment

    from .chunks import Chunk

KIND_LENGTH = 8  # the width of the amendment's kind column


class AmendmentKind(models.TextChoices):
    INSERT = "insert", gettext_lazy("Insert")
    REPLACE = "replace", gettext_lazy("Replace")
    DELETE = "delete", gettext_lazy("Delete")
    EDIT = "edit", gettext_lazy("Edit")


class Place(models.TextChoices):
    BEFORE = "before", gettext_lazy("before")
    AFTER = "after", gettext_lazy("after")


class AmendmentError(ValueError):
    def __init__(self, message: str, *, field: str = "text", ref: int | None = None):
        super().__init__(message)
        self.message, self.field, self.ref = message, field, ref


@dataclass(frozen=True)
class Change:
    kind: str
    unit: str
    text: str = ""
    place: str = Place.AFTER
    ref: int | None = None  # the amendment's number, to name it in errors


_LEADING_LABEL = re.compile(r"^\s*(?:\d+[.)]|\((?:[a-z]|[ivxlc]+)\)|[a-z]\))\s+")


class Kind(ABC):
    """The base of every kind of amendment; a subclass sets the attributes and ``apply``."""

    name: str = ""  # stored in the amendment's kind column
    label: str = ""
    targets: frozenset[str] = frozenset()  # the kinds of unit it may name
    takes_text = True
    takes_place = False  # goes before or after the unit it names
    # A kind that adds text beside a unit may name one another amendment already changes.
    beside_changed = False
    # The proposed text starts from the unit's current words (an edit, a replacement) ...
    starts_from_wording = False
    # ... and those are the unit's own words, or with what it holds (blocks, lettered items).
    whole_unit = False

    def place(self, place: str) -> str:
        """The place stored with the amendment."""
        return ""

    def clean(self, change: Change, target: Chunk) -> str:
        """The amendment's text as it is to stand in the draft; ``AmendmentError`` when it cannot.
        A leading paragraph number or item letter is dropped: the draft is numbered afresh."""
        if not self.takes_text:
            return ""
        text = (change.text or "").replace("\r\n", "\n").strip()
        if not text:
            raise AmendmentError(_("Give the text the amendment proposes."), ref=change.ref)
        self.check_text(text, change)
        if target.kind == UnitKind.PREAMBLE and "\n" in text:
            raise AmendmentError(
                _("A preamble clause is one run of text: no line breaks."), ref=change.ref
            )
        numbered = (
            target.kind == UnitKind.PARAGRAPH
            and getattr(target.obj, "kind", "") == ParagraphKind.PARAGRAPH
        )
        if numbered or target.kind == UnitKind.SUBPARAGRAPH:
            text = _LEADING_LABEL.sub("", text, count=1)
        return text

    def check_text(self, text: str, change: Change) -> None:  # noqa: B027 - most kinds have none
        """The kind's own rule on its text, if it has one."""

    @abstractmethod
    def apply(self, chunks: list[Chunk], at: int, change: Change, text: str) -> None:
        """Change ``chunks`` (the draft, unit by unit) at ``chunks[at]``, the unit named."""

    def preview(self, current: str, text: str) -> list[Segment] | None:
        """How the amendment reads beside the unit's ``current`` text; None shows its text."""
        return None


class KindRegistry:
    """The kinds of amendment, by name, in the order they are offered."""

    def __init__(self):
        self._kinds: dict[str, Kind] = {}

    def register(self, kind_class: type[Kind]) -> type[Kind]:
        name = kind_class.name
        if not (isinstance(kind_class, type) and issubclass(kind_class, Kind)):
            raise TypeError(f"{kind_class!r} is not a subclass of Kind")
        if not name or len(name) > KIND_LENGTH:
            raise ImproperlyConfigured(
                f"{kind_class.__name__} needs a name of 1 to {KIND_LENGTH} characters"
            )
        if name in self._kinds:
            raise ImproperlyConfigured(f"A kind of amendment {name!r} is already registered")
        self._kinds[name] = kind_class()
        return kind_class

    def unregister(self, name: str) -> None:
        del self._kinds[name]

    def get(self, name: str) -> Kind:
        if name not in self._kinds:
            raise AmendmentError(
                _("The kind of amendment is %(kinds)s.") % {"kinds": get_text_list(self.names())},
                field="kind",
            )
        return self._kinds[name]

    def names(self) -> list[str]:
        return list(self._kinds)

    def __iter__(self):
        return iter(self._kinds.values())

    def described(self) -> str:
        """Each kind in a sentence, for the API's documentation."""
        return " ".join(f"`{k.name}`: {' '.join(inspect.getdoc(k).split())}" for k in self)

    def unit_kinds(self) -> set[str]:
        """The kinds of unit some amendment may name."""
        return set().union(*(kind.targets for kind in self))


kinds = KindRegistry()
