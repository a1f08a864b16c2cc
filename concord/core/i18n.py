"""Bilingual values stored as sibling fields (`name_en`, `name_ru`), and the language and time
zone a person reads in."""

import zoneinfo
from contextlib import contextmanager

from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.translation import get_language


def current_language() -> str:
    return (get_language() or "en")[:2]


def localized(obj, field: str) -> str:
    """`obj.<field>_<lang>` for the active language, falling back to English."""
    value = getattr(obj, f"{field}_{current_language()}", "") or ""
    return value or getattr(obj, f"{field}_en", "") or ""


# Each language by its own name: a reader finds their language whatever the page's language.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}


def language_of(user) -> str:
    """The language a person reads: the one they chose, else the site's."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def zone_of(user) -> zoneinfo.ZoneInfo:
    """The time zone a person reads times in: the one they chose, else the site's. A name the
    machine no longer knows (a database moved, a zone retired from tzdata) reads as the site's,
    so that neither their pages nor the messages written to them fail."""
    name = getattr(user, "time_zone", "") or settings.TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


@contextmanager
def speaking_to(user):
    """What is written inside is in the person's language, its times in their time zone."""
    with translation.override(language_of(user)), timezone.override(zone_of(user)):
        yield


def moment(value) -> str:
    """An instant as a reader reads it: in the active language and time zone, with the zone's
    name ("29 November 2026, 20:02 (Asia/Almaty)")."""
    local = timezone.localtime(value)
    return f"{dateformat.format(local, 'j E Y, H:i')} ({timezone.get_current_timezone_name()})"
