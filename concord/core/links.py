"""Links that leave the site (e-mails, files, feeds) are absolute, built on settings.SITE_URL."""

from django.conf import settings


def absolute(path: str) -> str:
    """`/decisions/4/` → `https://concord.example.org/decisions/4/`."""
    return f"{settings.SITE_URL}/{path.lstrip('/')}"
