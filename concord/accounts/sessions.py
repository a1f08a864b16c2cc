"""Session time limits: a signed-in session ends after settings.SESSION_IDLE_TIMEOUT seconds
without a request and settings.SESSION_ABSOLUTE_LIFETIME seconds after sign-in, whatever the
activity. The person is signed out with a message saying why; the API, which runs after this
middleware, then sees no session at all."""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import ngettext

from concord.core import clock

from . import services

# The last-seen time is written at most this often (seconds), so that a busy session is not
# saved on every request; the idle limit is then exact to within this much.
SEEN_RESOLUTION = 60


def _idle_message() -> str:
    minutes = settings.SESSION_IDLE_TIMEOUT // 60
    return ngettext(
        "You were signed out after %(n)s minute without activity. Sign in again to continue.",
        "You were signed out after %(n)s minutes without activity. Sign in again to continue.",
        minutes,
    ) % {"n": minutes}


def _lifetime_message() -> str:
    hours = settings.SESSION_ABSOLUTE_LIFETIME // 3600
    return ngettext(
        "You were signed out: a session lasts at most %(n)s hour. Sign in again to continue.",
        "You were signed out: a session lasts at most %(n)s hours. Sign in again to continue.",
        hours,
    ) % {"n": hours}


class SessionTimeouts:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    @staticmethod
    def check(request) -> None:
        session, now = request.session, int(clock.now().timestamp())
        # A session opened without services.sign_in (a test client's login) starts now.
        signed_in_at = session.setdefault(services.SIGNED_IN_AT, now)
        last_seen_at = session.setdefault(services.LAST_SEEN_AT, now)
        if now - signed_in_at >= settings.SESSION_ABSOLUTE_LIFETIME:
            services.end_session(request, reason=services.SessionLimit.LIFETIME)
            messages.warning(request, _lifetime_message())
        elif now - last_seen_at >= settings.SESSION_IDLE_TIMEOUT:
            services.end_session(request, reason=services.SessionLimit.IDLE)
            messages.warning(request, _idle_message())
        elif now - last_seen_at >= min(SEEN_RESOLUTION, settings.SESSION_IDLE_TIMEOUT // 10):
            session[services.LAST_SEEN_AT] = now
