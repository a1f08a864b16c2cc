"""The test suite: fast hashing, no outbound e-mail, tasks recorded but not run."""

from config.env import env_str
from config.settings.base import *  # noqa: F403

# The crash-safety test serves with these settings and names the point to stop at.
FAULT_CHECKPOINT = env_str("CONCORD_FAULT_CHECKPOINT") or None

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks are recorded, not run: tests settle procedures explicitly or by reading them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
