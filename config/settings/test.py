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
# Tasks are recorded, not run: tests settle procedures as the task does (services.settle).
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The suite signs in with passwords; the two-factor tests turn this on with the settings fixture.
REQUIRE_TWO_FACTOR = False
# The test client's login() calls authenticate() without a request, which axes refuses; this
# backend lets those through and still checks every sign-in made through a page.
AUTHENTICATION_BACKENDS = [
    "config.testing.LockoutWhenThereIsARequest",
    "django.contrib.auth.backends.ModelBackend",
]
# Django's flush (transactional and browser tests) and the tamper helper lift the audit guard.
AUDIT_GUARD_LIFTABLE = True
# Tests move the clock by days with a session open; the session time limits are tested on
# their own, with the values they set (concord/accounts/tests/test_sessions.py).
SESSION_IDLE_TIMEOUT = SESSION_ABSOLUTE_LIFETIME = 365 * 24 * 3600
