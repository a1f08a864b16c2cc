"""Rate limits: one middleware counts every write of the pages and the API, and the classes of
request that settings.RATE_LIMIT_CLASSES names (sign-in, password reset, token creation), in
the default cache with django-ratelimit's counters. A request over its class's rate gets 429
with Retry-After: JSON `{"detail", "field"}` under /api/, a page (or an htmx fragment) otherwise.
A new endpoint is a write from the moment it exists; nothing has to be remembered."""

import ipaddress
import math

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from .addresses import client_address

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def request_class(request) -> str | None:
    """The class whose rate applies, or None for a read (reads are not limited)."""
    if request.method not in WRITES:
        return None
    return settings.RATE_LIMIT_CLASSES.get(request.path_info, "write")


def _bearer_owner(request):
    from concord.accounts.services import use_api_token

    scheme, _sep, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    api_token = use_api_token(token.strip()) if scheme.lower() == "bearer" and token else None
    return api_token.user if api_token is not None else None


def requester(request) -> str:
    """Who is counted: the account signed in by session or by a valid token, else the address
    (an IPv6 address by its /64, which one household or office usually holds whole)."""
    user = request.user if request.user.is_authenticated else _bearer_owner(request)
    if user is not None:
        return f"account:{user.pk}"
    address = client_address(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"address:{address}"
    if ip.version == 6:
        return f"address:{ipaddress.ip_network(f'{ip}/64', strict=False).network_address}"
    return f"address:{ip}"


def wait_text(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


def too_many_requests(request, retry_after: int):
    message = _("Too many requests. Wait %(wait)s, then try again.") % {
        "wait": wait_text(retry_after)
    }
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"detail": message, "field": None}, status=429)
    else:
        template = "partials/error.html" if request.htmx else "core/too_many_requests.html"
        error = {"status": 429, "message": message}
        response = render(request, template, {"error": error}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kind = request_class(request)
        if kind is not None:
            who = requester(request)
            usage = get_usage(
                request,
                group=f"concord.{kind}",
                key=lambda _group, _request: who,
                rate=settings.RATE_LIMITS[kind],
                increment=True,
            )
            if usage is not None and usage["should_limit"]:
                # A cache that cannot count answers with time_left -1: refuse, and say "1 s".
                return too_many_requests(request, max(usage["time_left"], 1))
        return self.get_response(request)


def document_rate_limits(schema):
    """Every write operation of the API may get the middleware's 429: the OpenAPI schema says so."""
    too_many = {
        "description": "Too Many Requests: wait the seconds in Retry-After, then try again.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }
    for operations in schema["paths"].values():
        for method, operation in operations.items():
            if method.upper() in WRITES:
                operation["responses"].setdefault(429, too_many)
    return schema
