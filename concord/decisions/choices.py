"""The words of a consensus procedure, as enums shared by the models, the rules, the schemas and
the templates. They live apart from the models so that the rules stay free of the ORM."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    """The forum's own subjects; what each one does is its class in ``subjects``."""

    ACCESSION = "accession", _("Accession of a state")
    OBSERVER_STATUS = "observer_status", _("Granting observer status")
    END_OBSERVER_STATUS = "end_observer_status", _("Ending observer status")
    CHAIRMANSHIP = "chairmanship", _("Handing over the Chairmanship")
    DOCUMENT_ADOPTION = "document_adoption", _("Adoption of a document")
    MEETING = "meeting", _("Convening a meeting")
    CATALOGUE_CHANGE = "catalogue_change", _("Adding or changing a CBM in the catalogue")
    TEXT = "text", _("Decision in free text")


class Mode(models.TextChoices):
    IN_SESSION = "in_session", _("In session")
    SILENCE = "silence", _("Silence procedure")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class PositionKind(models.TextChoices):
    JOIN = "join", _("Joins the consensus")
    OBJECT = "object", _("Objects")
    STAND_ASIDE = "stand_aside", _("Stands aside")
