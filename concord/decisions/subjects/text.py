from django.utils.translation import gettext as _

from concord.core.exceptions import InvalidInput

from ..choices import SubjectType
from .base import Matter, Subject


class Text(Subject):
    """A decision in the words of ``subject.text``; its adoption is the record itself."""

    name, label = SubjectType.TEXT, SubjectType.TEXT.label
    needs = ("text",)

    def check(self, request, *, today, decided_by):
        if not request.text.strip():
            raise InvalidInput(_("Give the text under decision."), field="subject.text")
        return Matter()
