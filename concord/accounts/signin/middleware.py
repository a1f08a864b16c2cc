"""A session that still owes its second factor reaches only the two-factor pages, sign-out,
the language switch and static files; the API does not see it at all."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .two_factor import second_factor_pending
from .views import next_step_url

OPEN_TO_A_PENDING_SESSION = frozenset(
    {"accounts:two_factor_verify", "accounts:two_factor_setup", "accounts:logout", "set_language"}
)


def _open(request) -> bool:
    if request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
        return True
    try:
        return resolve(request.path_info).view_name in OPEN_TO_A_PENDING_SESSION
    except Resolver404:
        return False


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if second_factor_pending(request):
            if request.path_info.startswith("/api/"):
                # Public operations then answer as to the public, the others 401; even those
                # that read request.user directly never see a half-signed-in person.
                request.user = AnonymousUser()
            elif not _open(request):
                back = request.get_full_path() if request.method == "GET" else None
                return redirect(next_step_url(request.user, back))
        return self.get_response(request)
