"""What every request and response goes through: the door (size, content type, NUL in the URL),
the API's errors as JSON, and the security headers."""

import json
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .exceptions import DomainError

API = "/api/"
# The media types the API reads a body in: JSON, and multipart for the files it imports.
API_BODY_TYPES = ("application/json", "multipart/form-data")
# Under /api/, the pages a person reads (everything else there is data).
API_PAGES = ("/api/docs",)


def _is_api(request) -> bool:
    return request.path.startswith(API)


def _body_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class _Refusal(DomainError):
    """Why the door refused a request, for the page that says so."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class GuardRequests:
    """Refuse, before anything reads the body: a body above MAX_REQUEST_BYTES (413); under
    /api/, a body of a type the API does not read (415), since a handler would otherwise parse
    JSON sent as text/plain past every check bound to the JSON type; and a NUL in the path or
    query string, which no URL legitimately holds and PostgreSQL refuses to compare (the
    values of bodies are checked by the forms and the API's input schemas)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self._refusal(request)
        if refusal is None:
            return self.get_response(request)
        if _is_api(request):
            return JsonResponse({"detail": refusal.message, "field": None}, status=refusal.status)
        return render(request, "error.html", {"error": refusal}, status=refusal.status)

    def _refusal(self, request) -> _Refusal | None:
        length = _body_length(request)
        if length > settings.MAX_REQUEST_BYTES:
            return _Refusal(
                _("The request is too large: %(size)s bytes, above the limit of %(limit)s.")
                % {"size": length, "limit": settings.MAX_REQUEST_BYTES},
                413,
            )
        if _is_api(request) and length and request.method in ("POST", "PUT", "PATCH"):
            media_type = (request.content_type or "").lower()
            if media_type not in API_BODY_TYPES:
                return _Refusal(
                    _("The API does not read a body of type %(type)s; send %(accepted)s.")
                    % {"type": repr(media_type), "accepted": " or ".join(API_BODY_TYPES)},
                    415,
                )
        query = unquote_plus(request.META.get("QUERY_STRING", ""))
        if "\x00" in query or "\x00" in request.path:
            message = _("The request contains a NUL character, which no field accepts.")
            return _Refusal(message, 422 if _is_api(request) else 400)
        return None


ERROR_MESSAGES = {
    400: gettext_lazy("Bad request."),
    403: gettext_lazy("Forbidden."),
    404: gettext_lazy("Not found."),
    405: gettext_lazy("Method not allowed."),
    500: gettext_lazy("Server error. It has been logged; nothing about it is shown here."),
}


class ApiErrorsAsJson:
    """Every error under /api/ answers JSON `{"detail", "field"}`, whoever produced it: an
    unknown path (404), a method the path does not take (405), an exception no handler
    caught (500; Django has logged its traceback by the time the response gets here, and the
    page it made, with or without DEBUG, is replaced so that no internals leave)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            _is_api(request)
            and response.status_code >= 400
            and not response.streaming
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            status = response.status_code
            message = str(ERROR_MESSAGES.get(status, response.reason_phrase))
            response.content = json.dumps({"detail": message, "field": None})
            response["Content-Type"] = "application/json"
            if response.has_header("Content-Length"):
                # CommonMiddleware measured the page this replaces: a client told the old
                # length waits, on a kept-alive connection, for bytes that never come.
                response["Content-Length"] = str(len(response.content))
        return response


def _policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class SecurityHeaders:
    """The Content-Security-Policy and Permissions-Policy headers (Django's SecurityMiddleware
    sets the others). Pages get CONTENT_SECURITY_POLICY; the API's answers, which are data and
    never a page to run, get API_CONTENT_SECURITY_POLICY, except its documentation page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.page_policy = _policy(settings.CONTENT_SECURITY_POLICY)
        self.api_policy = _policy(settings.API_CONTENT_SECURITY_POLICY)
        self.permissions_policy = ", ".join(f"{f}=()" for f in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        data = _is_api(request) and request.path not in API_PAGES
        response.setdefault(
            "Content-Security-Policy", self.api_policy if data else self.page_policy
        )
        response.setdefault("Permissions-Policy", self.permissions_policy)
        return response
