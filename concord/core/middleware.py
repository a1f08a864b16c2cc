"""Refuse NUL characters at the door: no database stores them (PostgreSQL refuses them outright),
and no legitimate query or JSON body contains one. Uploaded files are left to their importers."""

from urllib.parse import unquote_plus

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


def _has_nul(request) -> bool:
    if "\x00" in unquote_plus(request.META.get("QUERY_STRING", "")) or "\x00" in request.path:
        return True
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith("application/json"):
        body = request.body
        return b"\\u0000" in body or b"\x00" in body
    return False


class RefuseNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            message = _("The request contains a NUL character, which no field accepts.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "field": None}, status=422)
            return HttpResponseBadRequest(message)
        return self.get_response(request)
