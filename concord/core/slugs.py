"""Slugs: what one may be (checked where it enters), and slugs made from a name.

A slug goes into URLs, file names and headers, so it is ASCII letters, digits, hyphens and
underscores only: what Django's ``<slug:…>`` path converter matches, or pages that link to the
row could not be built.
"""

import re

from django.utils.text import slugify
from django.utils.translation import gettext as _

from .exceptions import InvalidInput

SLUG_MAX_LENGTH = 120
SLUG_PATTERN = rf"^[A-Za-z0-9_-]{{1,{SLUG_MAX_LENGTH}}}$"
_SLUG = re.compile(rf"[A-Za-z0-9_-]{{1,{SLUG_MAX_LENGTH}}}")


def is_slug(value) -> bool:
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None


def check_slug(value, *, field: str = "slug") -> str:
    """The value if it is a slug; else InvalidInput naming ``field``."""
    if not is_slug(value):
        raise InvalidInput(
            _(
                "A slug is 1 to %(max)s ASCII letters, digits, hyphens or underscores; "
                "%(value)s is not one."
            )
            % {"max": SLUG_MAX_LENGTH, "value": repr(value)[:60]},
            field=field,
        )
    return value


def unique_slug(model, base: str, *, field: str = "slug", fallback: str = "item") -> str:
    """The slug of ``base``, or with the first free number after it; never longer than the
    column (a name in Russian alone slugifies to nothing: ``fallback`` then)."""
    limit = min(model._meta.get_field(field).max_length, SLUG_MAX_LENGTH)
    stem = slugify(base) or slugify(fallback)
    slug, n = stem[:limit].rstrip("-_"), 1
    while model.objects.filter(**{field: slug}).exists():
        n += 1
        suffix = f"-{n}"
        slug = stem[: limit - len(suffix)].rstrip("-_") + suffix
    return slug
