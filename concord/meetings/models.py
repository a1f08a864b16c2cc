"""Meetings of the forum's bodies: held, convened by consensus, or planned."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from concord.core.i18n import localized
from concord.core.models import Precision, at_most
from concord.members.models import Body, Participant, SourcedRecord

# A meeting's name and place are written onto the documents adopted there (Document.meeting,
# Document.place), so they are no longer than those hold.
TITLE_LIMIT = 200
PLACE_LIMIT = 120
# Bodies that meet; the Secretariat and the councils of experts do not convene as such.
MEETING_BODIES = (
    "summit",
    "ministerial_council",
    "soc",
    "swg",
    "experts_meeting",
    "specialised_meeting",
)


class Meeting(SourcedRecord):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular")
        INFORMAL = "informal", _("Informal")
        SPECIAL = "special", _("Special")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONVENED = "convened", _("Convened")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    slug = models.SlugField(max_length=80, unique=True)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.REGULAR)
    number = models.PositiveSmallIntegerField(null=True, blank=True, help_text="3rd Summit: 3")
    title_en = models.CharField(max_length=TITLE_LIMIT)
    title_ru = models.CharField(max_length=TITLE_LIMIT, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=8, choices=Precision, default=Precision.DAY)
    place_en = models.CharField(max_length=PLACE_LIMIT, blank=True)
    place_ru = models.CharField(max_length=PLACE_LIMIT, blank=True)
    host = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.PROTECT, related_name="hosted"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.HELD)
    outcomes = models.JSONField(default=list, blank=True, help_text="what it adopted or decided")

    class Meta:
        ordering = ["-starts_on", "slug"]
        indexes = [models.Index(fields=["starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="meeting_ends_after_it_starts",
            ),
            *(at_most(f"title_{lang}", TITLE_LIMIT) for lang in ("en", "ru")),
            *(at_most(f"place_{lang}", PLACE_LIMIT) for lang in ("en", "ru")),
        ]

    def __str__(self) -> str:
        return self.slug

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def place(self) -> str:
        return localized(self, "place")
