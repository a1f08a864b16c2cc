"""Bilingual values stored as sibling fields (`name_en`, `name_ru`)."""

from django.utils.translation import get_language


def current_language() -> str:
    return (get_language() or "en")[:2]


def localized(obj, field: str) -> str:
    """`obj.<field>_<lang>` for the active language, falling back to English."""
    value = getattr(obj, f"{field}_{current_language()}", "") or ""
    return value or getattr(obj, f"{field}_en", "") or ""


# Each language by its own name: a reader finds their language whatever the page's language.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}
