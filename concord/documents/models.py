"""Official documents held as structure: Document -> Version -> Text per language -> Units."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.core.i18n import current_language, localized
from concord.core.models import TimeStampedModel
from concord.core.slugs import SLUG_MAX_LENGTH
from concord.members.models import Body

from .parsing.kinds import UnitKind

# What the columns hold; the importer and the API check the same limits, so an input too long is
# refused naming its field instead of overflowing a column. The meeting and the place take a
# meeting's title and place (meetings.Meeting) when a procedure held there adopts a document.
TITLE_MAX_LENGTH = 400
PLACE_MAX_LENGTH = 200
SYMBOL_MAX_LENGTH = 60
MEETING_MAX_LENGTH = 300
TYPE_MAX_LENGTH = 24
UNIT_ID_MAX_LENGTH = 40
UNIT_NUMBER_MAX_LENGTH = 16


class DocumentType(models.TextChoices):
    DECLARATION = "declaration", _("Declaration")
    ACT = "act", _("Act")
    STATEMENT = "statement", _("Statement")
    DECISION = "decision", _("Decision")
    RESOLUTION = "resolution", _("Resolution")
    CATALOGUE = "catalogue", _("Catalogue")
    REPORT = "report", _("Report")
    COMMUNIQUE = "communique", _("Communiqué")
    RULES_OF_PROCEDURE = "rules_of_procedure", _("Rules of procedure")
    AGREEMENT = "agreement", _("Agreement")
    CONCEPT_PAPER = "concept_paper", _("Concept paper")
    ACTION_PLAN = "action_plan", _("Action plan")
    CHARTER = "charter", _("Charter")
    OTHER = "other", _("Other")


class ImportStatus(models.TextChoices):
    """What importing a text did (``services.import_document``)."""

    IMPORTED = "imported", _("imported")
    UNCHANGED = "unchanged", _("unchanged")  # the same text was held already
    WOULD_IMPORT = "would import", _("would import (dry run)")


class Document(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    slug = models.SlugField(max_length=SLUG_MAX_LENGTH, unique=True)
    symbol = models.CharField(max_length=SYMBOL_MAX_LENGTH, blank=True)
    doc_type = models.CharField(max_length=TYPE_MAX_LENGTH, choices=DocumentType)
    status = models.CharField(max_length=12, choices=Status, default=Status.DRAFT)
    title_en = models.CharField(max_length=TITLE_MAX_LENGTH)
    title_ru = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    meeting = models.CharField(
        max_length=MEETING_MAX_LENGTH, blank=True, help_text="e.g. 2nd Summit"
    )
    meeting_ru = models.CharField(max_length=MEETING_MAX_LENGTH, blank=True)
    place = models.CharField(max_length=PLACE_MAX_LENGTH, blank=True)
    place_ru = models.CharField(max_length=PLACE_MAX_LENGTH, blank=True)
    adopted_on = models.DateField(null=True, blank=True)
    external = models.BooleanField(
        default=False, help_text="not a document of the forum (UN Charter)"
    )
    aliases = models.JSONField(
        default=list, blank=True, help_text="names by which texts mention it"
    )
    source = models.TextField(blank=True)
    note_en = models.TextField(blank=True)
    note_ru = models.TextField(blank=True)

    class Meta:
        ordering = ["-adopted_on", "slug"]
        indexes = [models.Index(fields=["doc_type", "adopted_on"])]

    def __str__(self) -> str:
        return self.slug

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def note(self) -> str:
        return localized(self, "note")

    # The meeting and the place are stored in English (as the registry and the parser read
    # them) with their Russian beside them; a page shows them in its language.
    def meeting_in(self, language: str) -> str:
        return (language == "ru" and self.meeting_ru) or self.meeting

    def place_in(self, language: str) -> str:
        return (language == "ru" and self.place_ru) or self.place

    @property
    def meeting_name(self) -> str:
        return self.meeting_in(current_language())

    @property
    def place_name(self) -> str:
        return self.place_in(current_language())


class Version(models.Model):
    """Numbered and immutable once frozen; an adopted document has one frozen version."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    frozen = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="successors",
        help_text="the version whose accepted amendments this one incorporates",
    )
    adopted_elsewhere = models.BooleanField(
        default=False,
        help_text="frozen by an import that records a decision taken elsewhere, "
        "not by a consensus procedure in Concord",
    )

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.document.slug} v{self.number}"


class Text(models.Model):
    """One language version of a Version: the parsed structure and the source it came from."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="texts")
    language = models.CharField(max_length=8)
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    structure = models.JSONField()
    source_text = models.TextField()
    content_hash = models.CharField(max_length=64, db_index=True)
    imported_at = models.DateTimeField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="none: imported from the command line, or made by drafting",
    )
    added_after_adoption = models.BooleanField(
        default=False,
        help_text="imported into a version after a consensus procedure had adopted it",
    )

    class Meta:
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(fields=["version", "language"], name="text_unique_language")
        ]

    def __str__(self) -> str:
        return f"{self.version} [{self.language}]"


class Unit(models.Model):
    """An addressable unit of a Text (pre-3, op-8, op-8-2, op-13-a), its id shared by languages."""

    text = models.ForeignKey(Text, on_delete=models.PROTECT, related_name="units")
    uid = models.CharField(max_length=UNIT_ID_MAX_LENGTH)
    kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in UnitKind])
    number = models.CharField(max_length=UNIT_NUMBER_MAX_LENGTH, blank=True)
    ordinal = models.PositiveIntegerField()
    content = models.TextField()
    # Maintained by a database trigger on PostgreSQL; SQLite indexes `content` in FTS5 instead.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["text", "ordinal"]
        constraints = [models.UniqueConstraint(fields=["text", "uid"], name="unit_unique_uid")]

    def __str__(self) -> str:
        return self.uid


class Reference(models.Model):
    """A mention in a unit ("the Almaty Act") linked to the registered document it names."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="references")
    target = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="cited_by")
    phrase = models.CharField(max_length=200)
    start = models.PositiveIntegerField()

    class Meta:
        ordering = ["unit", "start"]

    def __str__(self) -> str:
        return f"{self.unit.uid} -> {self.target.slug}"
