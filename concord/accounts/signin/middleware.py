"""A session that still owes its second factor reaches only the two-factor pages, sign-out,
the language switch and static files; the API does not see it at all. An htmx request sent to
sign in is sent there with the whole page."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django_htmx.http import HttpResponseClientRedirect

from .two_factor import second_factor_pending
from .views import next_step_url

OPEN_TO_A_PENDING_SESSION = frozenset(
    {"accounts:two_factor_verify", "accounts:two_factor_setup", "accounts:logout", "set_language"}
)


SIGN_IN_STEPS = frozenset(
    {"accounts:login", "accounts:two_factor_verify", "accounts:two_factor_setup"}
)


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def _open(request) -> bool:
    if request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
        return True
    return _view_name(request.path_info) in OPEN_TO_A_PENDING_SESSION


class HtmxSignIn:
    """An htmx request that must sign in first (its session has expired, or it owes its second
    factor) would follow the redirect inside the request and swap the sign-in page into the
    fragment it was to replace. It is answered instead with HX-Redirect, which htmx follows
    with the whole page; `next` is then the page the person was on, not the fragment's URL.
    Goes after django_htmx's middleware, which reads the htmx headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.htmx or not response.has_header("Location"):
            return response
        target = urlsplit(response["Location"])
        if target.netloc or _view_name(target.path) not in SIGN_IN_STEPS:
            return response
        query = QueryDict(target.query, mutable=True)
        if page := request.htmx.current_url_abs_path:
            query["next"] = page
        url = target._replace(query=query.urlencode(safe="/")).geturl()
        return HttpResponseClientRedirect(url)


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
