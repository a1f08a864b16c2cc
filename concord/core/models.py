from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    """How precisely the sources know a date (``approx_date`` shows it no more precisely)."""

    DAY = "day", _("exact day")
    MONTH = "month", _("month known")
    YEAR = "year", _("year known")
    BY = "by", _("no later than")


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def at_most(field: str, limit: int) -> models.CheckConstraint:
    """The column holds at most ``limit`` characters on every engine: SQLite ignores a varchar's
    length and a text column has none, so the model's limit would otherwise bind only the
    forms and services."""
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), limit),
        name=f"%(app_label)s_%(class)s_{field}_length",
    )
