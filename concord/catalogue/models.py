"""The Catalogue of Confidence Building Measures: dimensions, priority areas, measures, and the
states that coordinate them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.i18n import current_language, localized
from concord.core.models import Precision, at_most
from concord.members.models import Participant, SourcedRecord

TEXT_LIMIT = 20000  # the text of a measure, as a decision may reword it


class Dimension(SourcedRecord):
    code = models.CharField(max_length=4, unique=True)
    order = models.PositiveSmallIntegerField()
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return localized(self, "name")


class PriorityArea(SourcedRecord):
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="areas")
    code = models.SlugField(max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    name_en = models.CharField(max_length=300)
    name_ru = models.CharField(max_length=300)

    class Meta:
        ordering = ["dimension__order", "order"]

    def __str__(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return localized(self, "name")


class Coordination(SourcedRecord):
    """A state coordinating (or co-coordinating) a dimension or one of its priority areas."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        CO_COORDINATOR = "co_coordinator", _("Co-coordinator")

    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="coordinations"
    )
    role = models.CharField(max_length=16, choices=Role)
    dimension = models.ForeignKey(
        Dimension, null=True, blank=True, on_delete=models.PROTECT, related_name="coordinations"
    )
    area = models.ForeignKey(
        PriorityArea, null=True, blank=True, on_delete=models.PROTECT, related_name="coordinations"
    )

    class Meta:
        ordering = ["-role", "participant__name_en"]  # the coordinator, then co-coordinators
        constraints = [
            models.CheckConstraint(
                condition=Q(dimension__isnull=True) ^ Q(area__isnull=True),
                name="coordination_of_a_dimension_or_an_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.role} {self.dimension_id or self.area_id}"


class Measure(SourcedRecord):
    """A CBM. Its code never changes; a change of text by consensus keeps the earlier text."""

    code = models.CharField(max_length=12, unique=True)
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="measures")
    area = models.ForeignKey(
        PriorityArea, null=True, blank=True, on_delete=models.PROTECT, related_name="measures"
    )
    number = models.PositiveSmallIntegerField()
    text_en = models.TextField(max_length=TEXT_LIMIT)
    text_ru = models.TextField(blank=True, max_length=TEXT_LIMIT)
    since = models.DateField(null=True, blank=True)
    since_precision = models.CharField(max_length=8, choices=Precision, default=Precision.DAY)

    class Meta:
        ordering = ["dimension__order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "number"], name="measure_unique_number"),
            at_most("text_en", TEXT_LIMIT),
            at_most("text_ru", TEXT_LIMIT),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def text(self) -> str:
        return localized(self, "text")


class ChangeAction(models.TextChoices):
    """What a catalogue change decided by consensus does (a procedure's ``action``)."""

    ADD = "add", _("add a measure")
    CHANGE = "change", _("change a measure")


class MeasureChange(models.Model):
    """The text of a measure before and after a change agreed by consensus."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="changes")
    changed_on = models.DateField()
    text_en_before = models.TextField(max_length=TEXT_LIMIT)
    text_ru_before = models.TextField(blank=True, max_length=TEXT_LIMIT)
    text_en_after = models.TextField(max_length=TEXT_LIMIT)
    text_ru_after = models.TextField(blank=True, max_length=TEXT_LIMIT)
    source = models.TextField(blank=True)

    class Meta:
        ordering = ["measure", "changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.changed_on}"

    @property
    def text_before(self) -> str:
        return self._in_language("before")

    @property
    def text_after(self) -> str:
        return self._in_language("after")

    def _in_language(self, when: str) -> str:
        language = current_language()
        return getattr(self, f"text_{language}_{when}", "") or getattr(self, f"text_en_{when}")
