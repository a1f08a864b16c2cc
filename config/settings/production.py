"""Behind a TLS-terminating reverse proxy; passes `concord check --deploy`."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_str
from config.settings.base import *  # noqa: F403

if not env_str("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The key that signs the audit chain's head is never generated in production: a key made
# silently on a fresh disk would vouch for a history it never saw.
if not env_str("AUDIT_SIGNING_KEY_FILE"):
    raise ImproperlyConfigured("AUDIT_SIGNING_KEY_FILE must be set in production.")
AUDIT_SIGNING_KEY_FILE = Path(env_str("AUDIT_SIGNING_KEY_FILE"))
if not AUDIT_SIGNING_KEY_FILE.is_file():
    raise ImproperlyConfigured(f"AUDIT_SIGNING_KEY_FILE {AUDIT_SIGNING_KEY_FILE} does not exist.")
AUDIT_SIGNING_KEY_GENERATE = False
