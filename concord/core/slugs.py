"""Slugs that name a row for good: the base, or the base with the first free number."""

from django.utils.text import slugify


def unique_slug(model, base: str, *, field: str = "slug", length: int = 110) -> str:
    base = slugify(base)[:length]
    slug, n = base, 1
    while model.objects.filter(**{field: slug}).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
