from typing import Literal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field

from concord.catalogue import selectors as catalogue
from concord.catalogue import services as catalogue_services
from concord.catalogue.models import ChangeAction, Dimension, Measure, PriorityArea
from concord.core.exceptions import InvalidInput, InvalidTransition
from concord.core.forms import NestedForm, TextField
from concord.core.i18n import current_language
from concord.core.schemas import IdentifierOf, InputSchema, TextOf

from ..choices import SubjectType
from .base import Matter, Subject, lock, open_procedures, source


class CatalogueChangeIn(InputSchema):
    action: Literal[tuple(ChangeAction.values)]
    measure: IdentifierOf(Measure, "code") | None = Field(
        None, description="for 'change': e.g. HD-3"
    )
    dimension: IdentifierOf(Dimension, "code") | None = Field(
        None, description="for 'add': MP, NT, EC, EN, HD"
    )
    area: IdentifierOf(PriorityArea, "code") | None = Field(
        None, description="for 'add': a priority area code"
    )
    text_en: TextOf(Measure, "text_en")
    text_ru: TextOf(Measure, "text_ru") = ""


class CatalogueChangeForm(NestedForm):
    legend = gettext_lazy("To add or change a measure of the Catalogue")

    action = forms.ChoiceField(
        label=gettext_lazy("Catalogue: change"),
        required=False,
        choices=[("", "—"), *ChangeAction.choices],
    )
    measure = forms.ChoiceField(label=gettext_lazy("Catalogue: measure to change"), required=False)
    dimension = forms.ChoiceField(
        label=gettext_lazy("Catalogue: dimension of the new measure"), required=False
    )
    area = forms.ChoiceField(label=gettext_lazy("Catalogue: priority area"), required=False)
    text_en = TextField(
        Measure,
        "text_en",
        label=gettext_lazy("Catalogue: text of the measure (English)"),
        required=False,
        rows=2,
    )
    text_ru = TextField(
        Measure,
        "text_ru",
        label=gettext_lazy("Catalogue: text of the measure (Russian)"),
        required=False,
        rows=2,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [("", "—")] + [
            (m.code, f"{m.code} — {m.text[:60]}") for m in catalogue.list_measures()
        ]
        self.fields["dimension"].choices = [("", "—")] + [
            (d.code, d.name) for d in catalogue.list_dimensions()
        ]
        self.fields["area"].choices = [("", "—")] + [
            (a.code, f"{a.dimension.code}: {a.name}") for a in catalogue.list_areas()
        ]


class CatalogueChange(Subject):
    """A measure, described in ``subject.catalogue``, is added to the Catalogue of CBMs or
    reworded; the catalogue app checks the change when the procedure opens."""

    name, label = SubjectType.CATALOGUE_CHANGE, SubjectType.CATALOGUE_CHANGE.label
    part, schema, form = "catalogue", CatalogueChangeIn, CatalogueChangeForm
    template = "decisions/subjects/catalogue_change.html"

    def check(self, request, *, today, decided_by):
        try:
            proposal = catalogue_services.check_change(request.proposal)
        except (InvalidInput, InvalidTransition) as exc:
            raise type(exc)(exc.message, field=f"subject.{exc.field}") from exc
        return Matter(proposal=proposal)

    def refuse_rival(self, matter):
        """One measure reworded two ways at once would contradict itself."""
        code = matter.proposal.get("measure")
        if not code:
            return
        lock(Measure, Measure.objects.get(code=code).pk)
        if open_procedures().filter(subject=self.name, proposal__measure=code).exists():
            raise InvalidTransition(
                _("A procedure on a change to %(code)s is already open.") % {"code": code},
                field="subject.catalogue.measure",
            )

    def take_effect(self, procedure, *, on, actor):
        measure = catalogue_services.apply_change(
            actor=actor, details=procedure.proposal, on=on, source=source(procedure)
        )
        return {"measure": measure.code}

    def describe(self, procedure):
        """Names rather than codes, the reader's language where it was given."""
        proposal, russian = procedure.proposal, current_language() == "ru"
        if not proposal:
            return {}
        measure = Measure.objects.filter(code=proposal.get("measure")).first()
        dimension = Dimension.objects.filter(code=proposal.get("dimension")).first()
        area = PriorityArea.objects.filter(code=proposal.get("area")).first()
        if dimension is None and measure is not None:
            dimension = measure.dimension
        return {
            "adds": proposal["action"] == ChangeAction.ADD,
            "measure": measure,
            "dimension": dimension.name if dimension else "",
            "area": area.name if area else "",
            "text": (russian and proposal.get("text_ru")) or proposal["text_en"],
        }
