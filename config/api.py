"""The single NinjaAPI: routers per app, authentication, and one translation of errors."""

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from concord.accounts.api import router as accounts_router
from concord.accounts.auth import OPTIONAL, document_optional_credentials
from concord.accounts.signin.api import router as signin_router
from concord.audit.api import router as audit_router
from concord.catalogue.api import router as catalogue_router
from concord.core.exceptions import DomainError
from concord.core.ratelimit import document_rate_limits
from concord.decisions.api import router as decisions_router
from concord.documents.api import router as documents_router
from concord.drafting.api import router as drafting_router
from concord.inbox.api import router as inbox_router
from concord.meetings.api import router as meetings_router
from concord.members.api import router as members_router
from concord.site.api import router as site_router


class ConcordAPI(NinjaAPI):
    """Writes into the OpenAPI schema what django-ninja cannot say by itself: credentials
    that are optional, and the 429 of every write."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        return document_rate_limits(document_optional_credentials(schema))


api = ConcordAPI(
    title="Concord API",
    version="1",
    description="The REST API of Concord, the information system of the CICA forum.",
    urls_namespace="api",
    # Routers that set no auth of their own are public: a token or a session, when given,
    # makes the caller the actor; a bad token is refused (concord.accounts.auth).
    auth=OPTIONAL,
)


def error(request, status: int, message: str, field: str | None = None, **extra):
    return api.create_response(request, {"detail": message, "field": field, **extra}, status=status)


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    named = exc.document
    extra = {"document": {"title": named.title, "url": named.url}} if named else {}
    return error(request, exc.status, exc.message, exc.field, **extra)


def _field_path(loc) -> tuple:
    """("body", "payload", "subject", "state") names the field "subject.state": the source and
    the handler's parameter name mean nothing to the caller."""
    loc = tuple(loc)
    return loc[2:] if len(loc) > 2 and loc[0] == "body" else loc[1:]


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = [
        {
            "field": ".".join(str(p) for p in _field_path(e.get("loc", ()))) or None,
            "message": e.get("msg", ""),
        }
        for e in exc.errors
    ]
    first = errors[0] if errors else {"field": None, "message": _("Invalid input.")}
    message = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
    return error(request, 422, message, first["field"], errors=errors)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return error(
        request,
        401,
        _("Authentication required: sign in or send 'Authorization: Bearer <token>'."),
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return error(request, exc.status_code, str(exc))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error(request, 404, _("Not found."))


@api.exception_handler(RequestDataTooBig)
def on_too_big(request, exc):
    """A body within MAX_REQUEST_BYTES but above what Django reads into memory for fields
    (DATA_UPLOAD_MAX_MEMORY_SIZE; uploaded files do not count)."""
    return error(request, 413, _("The request body is too large to read."))


api.add_router("", members_router)
api.add_router("", accounts_router)
api.add_router("", signin_router)
api.add_router("", audit_router)
api.add_router("", documents_router)
api.add_router("", meetings_router)
api.add_router("", catalogue_router)
api.add_router("", drafting_router)
api.add_router("", decisions_router)
api.add_router("", inbox_router)
api.add_router("", site_router)
