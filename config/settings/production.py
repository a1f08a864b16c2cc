"""Behind a TLS-terminating reverse proxy; passes `concord check --deploy`."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_str
from config.settings.base import *  # noqa: F403


def _weak_key_reason(key: str) -> str:
    """Django's own deploy check (security.W009): a key that is short, of few distinct
    characters, or Django's generated development key can be guessed."""
    if len(key) < 50:
        return f"it has {len(key)} characters; use at least 50"
    if len(set(key)) < 5:
        return "it has fewer than 5 distinct characters"
    if key.startswith("django-insecure-"):
        return "it is a development key (django-insecure-...)"
    return ""


if not env_str("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if reason := _weak_key_reason(env_str("SECRET_KEY")):
    raise ImproperlyConfigured(
        f"The SECRET_KEY environment variable is too weak for production: {reason}. "
        "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# One proxy in front, as above: lockouts and rate limits count the address it saw.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix makes the browser refuse the cookies unless they are Secure, for the
# whole site and set by this host alone (no subdomain can plant one).
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# The key that signs the audit chain's head is never generated in production: a key made
# silently on a fresh disk would vouch for a history it never saw.
if not env_str("AUDIT_SIGNING_KEY_FILE"):
    raise ImproperlyConfigured("AUDIT_SIGNING_KEY_FILE must be set in production.")
AUDIT_SIGNING_KEY_FILE = Path(env_str("AUDIT_SIGNING_KEY_FILE"))
if not AUDIT_SIGNING_KEY_FILE.is_file():
    raise ImproperlyConfigured(f"AUDIT_SIGNING_KEY_FILE {AUDIT_SIGNING_KEY_FILE} does not exist.")
AUDIT_SIGNING_KEY_GENERATE = False
