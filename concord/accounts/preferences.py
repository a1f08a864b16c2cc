"""A person's language and time zone, and the middleware that reads the site in them.

Which language a page is in, first match wins: the language switch (its cookie, set by a click
in this browser), the account's preferred language, the browser's Accept-Language, English.
The switch wins because it is the latest and most explicit choice, made where the person is
reading; saving a preferred language on the account page clears the switch's cookie, so that
the new preference shows at once. Times are shown in the account's time zone (the site's
TIME_ZONE when none is chosen)."""

import zoneinfo
from functools import cache

from django.conf import settings
from django.utils import timezone, translation

from concord.core.i18n import zone_of

# Files the system's time zone directory holds that name no place: this machine's own zone
# (whatever it is set to, and absent elsewhere), a template, tzdata's "zone not set".
NOT_PLACES = frozenset({"localtime", "posixrules", "Factory"})


@cache
def time_zone_names() -> frozenset[str]:
    """Every IANA name of a place this machine's time zone database knows."""
    return frozenset(zoneinfo.available_timezones()) - NOT_PLACES


def is_time_zone(name: str) -> bool:
    return name in time_zone_names()


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(time_zone_names())]


class UserPreferences:
    """After authentication: the signed-in person's time zone for this request, and their
    language unless the switch's cookie names one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            timezone.deactivate()
            return self.get_response(request)
        timezone.activate(zone_of(user))
        switched = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if user.language and not (switched and translation.check_for_language(switched)):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
