"""Settings shared by every environment; values come from config.env."""

import datetime as dt
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import (
    BASE_DIR,
    VAR_DIR,
    env_bool,
    env_int,
    env_list,
    env_str,
    local_secret_key,
)

SECRET_KEY = env_str("SECRET_KEY") or local_secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "concord.core",
    "concord.audit",
    "concord.members",
    "concord.accounts",
    "concord.documents",
    "concord.meetings",
    "concord.catalogue",
    "concord.drafting",
    "concord.decisions",
    "concord.inbox",
    "concord.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "concord.core.middleware.SecurityHeaders",
    "concord.core.middleware.ApiErrorsAsJson",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Once the user is known: their time zone, and their language unless the switch chose one.
    "concord.accounts.preferences.UserPreferences",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the user and the language are known (its refusals are pages too), and before any
    # view, or CSRF's check, reads the body.
    "concord.core.middleware.GuardRequests",
    "concord.accounts.sessions.SessionTimeouts",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "concord.accounts.signin.middleware.HtmxSignIn",
    "concord.core.ratelimit.RateLimitMiddleware",
    "concord.accounts.signin.middleware.SecondFactorMiddleware",
    # Last, as axes asks: it turns a sign-in refused by a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "concord" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "concord.site.context_processors.shell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'concord.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

AUTH_USER_MODEL = "accounts.User"
# Axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "concord.accounts.validators.MaximumLengthValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "site:home"
LOGOUT_REDIRECT_URL = "site:home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "concord" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "concord@localhost")
# Seconds before a silent mail server counts as unreachable (Django's default waits forever and
# would hold a task worker with it).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# The directory the file backend (django.core.mail.backends.filebased.EmailBackend) writes each
# message to, one file per message: mail read on a machine with no mail server.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")

# E-mail leaves by a background task, one delivery at a time. A failed attempt is tried again
# MAIL_RETRY_DELAY seconds later, the delay doubling each time, until MAIL_ATTEMPTS attempts
# have failed (8 and 60 s: about two hours); then the Secretariat sees it failed.
MAIL_ATTEMPTS = env_int("MAIL_ATTEMPTS", 8)
MAIL_RETRY_DELAY = env_int("MAIL_RETRY_DELAY", 60)

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Crash-safety tests only: the fault checkpoint (concord/core/faults.py) at which a process stops
# inside its transaction until it is killed. Never set in a deployment; config/settings/test.py
# reads it from CONCORD_FAULT_CHECKPOINT for the server processes that test starts.
FAULT_CHECKPOINT = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Where the site is reached from outside: e-mails and other texts read away from the site
# carry absolute links built on it (a background task has no request to take a host from).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Input bounds. A silence procedure's deadline lies at most this many days ahead (a procedure
# that cannot end decides nothing). A request body above MAX_REQUEST_BYTES is refused (413)
# before it is read; imports limit each file on their own, below this.
PROCEDURE_MAX_DEADLINE_DAYS = env_int("PROCEDURE_MAX_DEADLINE_DAYS", 730)
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 10 * 1024 * 1024)

# The task worker settles a silence procedure at its deadline. One still unsettled this many
# minutes later is overdue: /healthz reports "degraded" and the Secretariat is told.
PROCEDURE_SETTLE_GRACE_MINUTES = env_int("PROCEDURE_SETTLE_GRACE_MINUTES", 15)

# Headers (concord.core.middleware.SecurityHeaders; Django's SecurityMiddleware sets the rest).
# Pages run only the site's own scripts and styles, nothing inline (htmx is configured not to
# inject its indicator style); data: images are Swagger UI's icons on /api/docs. No page may be
# framed, and forms post only to the site.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# The API answers data: nothing in it runs. The inline style is the HTML export's own (a file
# meant to stand alone); with no script and a sandbox it can do nothing else.
API_CONTENT_SECURITY_POLICY = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'none'"],
    "sandbox": [],
}
PERMISSIONS_POLICY_DENIED = (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb",
)  # fmt: skip
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Cookies: never read by a script (htmx takes the CSRF token from the page), sent on a link
# followed from an e-mail (Lax: Strict would show a signed-in reader the sign-in page), and,
# in production, only over HTTPS under a __Host- name (config/settings/production.py).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# The address of the person at the other end. Behind reverse proxies that append to
# X-Forwarded-For, say how many there are: the address is then read that many entries from the
# right of the header, so a client cannot choose it by sending a header of its own. 0 (no proxy)
# reads the connection's address. Lockouts and rate limits count per address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Sign-in lockout (django-axes): after repeated failures a sign-in is refused, however good the
# password, until the cool-off has passed or the Secretariat lifts it. An account locks after
# SIGNIN_ACCOUNT_FAILURES failures, an address after SIGNIN_ADDRESS_FAILURES (higher: a whole
# delegation may sign in from one address). Failures older than the cool-off are forgotten.
SIGNIN_ACCOUNT_FAILURES = env_int("SIGNIN_ACCOUNT_FAILURES", 5)
SIGNIN_ADDRESS_FAILURES = env_int("SIGNIN_ADDRESS_FAILURES", 20)
AXES_FAILURE_LIMIT = SIGNIN_ACCOUNT_FAILURES
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("SIGNIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "concord.accounts.signin.lockout.SignInAttempts"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "concord.accounts.signin.lockout.account_tried"
AXES_CLIENT_IP_CALLABLE = "concord.core.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "concord.accounts.signin.lockout.lockout_response"
# A lockout ends when it said it would: further tries while locked do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Concord clears an account's own failures after a good password (see signin.lockout); axes's
# own reset would also clear every failure from the same address, other accounts' included.
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False
# The audit trail records each sign-in; axes's access log would keep a second copy, with
# addresses and browsers, that nothing reads and nothing ever trims.
AXES_DISABLE_ACCESS_LOG = True

# Rate limits, per class of request: "count/period" (s, m, h, d), counted in the default cache
# (Redis when REDIS_URL is set, so a limit holds across workers) by account when signed in and
# by address otherwise. Every POST, PUT, PATCH and DELETE of the pages and the API is a "write"
# unless RATE_LIMIT_CLASSES puts its path in another class.
RATE_LIMITS = {
    "sign_in": env_str("RATE_LIMIT_SIGN_IN", "10/m"),
    "password_reset": env_str("RATE_LIMIT_PASSWORD_RESET", "10/h"),
    "token": env_str("RATE_LIMIT_TOKEN", "20/h"),
    "write": env_str("RATE_LIMIT_WRITE", "120/m"),
}
RATE_LIMIT_CLASSES = {
    "/accounts/login/": "sign_in",
    "/accounts/two-factor/": "sign_in",
    "/accounts/password-reset/": "password_reset",
    "/accounts/me/tokens/": "token",
    "/api/tokens": "token",
}

# Two-factor sign-in (TOTP with recovery codes): required in the web pages for the Secretariat,
# the Chair and national coordinators. Whoever has set up a second factor gives it at each
# sign-in, required or not. Bearer tokens need none: they are how national systems call the API.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", True)
OTP_TOTP_ISSUER = "Concord"
# The largest text file an import takes (bytes). A declaration is tens of kilobytes; parsing
# tens of megabytes would hold a worker for seconds, so larger files are refused unread.
DOCUMENT_IMPORT_MAX_BYTES = env_int("DOCUMENT_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# The most lines of text (blank lines not counted) an import parses. A declaration has about a
# hundred and a long treaty a few thousand; 20,000 parse in about two seconds, while 5 MB of
# short lines would hold a worker, and on SQLite the write lock, for half a minute.
DOCUMENT_IMPORT_MAX_LINES = env_int("DOCUMENT_IMPORT_MAX_LINES", 20_000)
# The audit chain's head is signed (Ed25519) at every append with a key kept outside the
# database, so that whoever can write only to the database cannot forge a signed head. A local
# install generates the key once into var/; production must name an existing file.
AUDIT_SIGNING_KEY_FILE = Path(env_str("AUDIT_SIGNING_KEY_FILE") or VAR_DIR / "audit_signing_key")
AUDIT_SIGNING_KEY_GENERATE = not env_str("AUDIT_SIGNING_KEY_FILE")
# The audit table's triggers refuse UPDATE and DELETE. Only the test settings may lift them (for
# Django's flush between transactional tests, and tests that tamper on purpose); deliberately
# not read from the environment.
AUDIT_GUARD_LIFTABLE = False
# Accounts: how long an invitation, an API token and a session may live. A session ends after
# SESSION_IDLE_TIMEOUT without a request and SESSION_ABSOLUTE_LIFETIME after sign-in, whatever
# the activity (concord.accounts.sessions); the cookie lives no longer than the session.
ACCOUNT_INVITATION_DAYS = env_int("ACCOUNT_INVITATION_DAYS", 7)
API_TOKEN_DEFAULT_DAYS = env_int("API_TOKEN_DEFAULT_DAYS", 90)
API_TOKEN_MAX_DAYS = env_int("API_TOKEN_MAX_DAYS", 365)
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_MINUTES", 60) * 60
SESSION_ABSOLUTE_LIFETIME = env_int("SESSION_LIFETIME_HOURS", 12) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME
