"""The embedded default: SQLite under var/, console e-mail, no HTTPS."""

from config.settings.base import *  # noqa: F403
