"""API authentication: a personal bearer token or the browser's session (with CSRF).

A request that carries an `Authorization` header is decided by that header alone: a missing,
malformed, expired or revoked token is 401 on every endpoint, public ones included, so a
script never mistakes a dead token for the public's view. Without the header, a signed-in
session authenticates, and only then is the CSRF token checked: a request without any
credentials is unauthenticated (401), not forged (403).
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

from concord.core.exceptions import NotPermitted

from .models import TokenScope
from .services import use_api_token
from .signin.two_factor import second_factor_pending

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def invalid_token() -> HttpError:
    return HttpError(
        401,
        _(
            "The API token is not valid: it is unknown, expired or revoked, or the "
            "Authorization header is not 'Bearer <token>'."
        ),
    )


class BearerToken(HttpBearer):
    """`Authorization: Bearer <personal API token>`."""

    def __call__(self, request):
        header = request.headers.get(self.header)
        if header is None:
            return None
        scheme, _space, token = header.partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise invalid_token()
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token):
        api_token = use_api_token(token)
        if api_token is None:
            raise invalid_token()
        if api_token.scope == TokenScope.READ and request.method not in SAFE_METHODS:
            raise NotPermitted(
                _(
                    "This API token has the scope “read”: it may only read (GET, HEAD, OPTIONS). "
                    "Issue a token with the scope “write” to change data."
                )
            )
        request.auth_user = api_token.user
        return api_token.user


class ActiveSession(SessionAuth):
    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(
                403,
                _(
                    "CSRF check failed: send the value of the csrftoken cookie in the "
                    "X-CSRFToken header, or use an API token."
                ),
            )
        return self.authenticate(request, request.COOKIES.get(self.param_name))

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is None or not user.is_active or second_factor_pending(request):
            return None
        return user


class Public(AuthBase):
    """The last resort of an endpoint open to everyone: the public's view. A request with an
    Authorization header never gets here (BearerToken decides it); a session that
    ActiveSession refused is not the actor either, though Django still holds its user."""

    openapi_type = "public"  # written as OpenAPI's `{}` by document_optional_credentials

    def __call__(self, request):
        request.auth_user = AnonymousUser()
        return request.auth_user


AUTHENTICATED = [BearerToken(), ActiveSession()]
OPTIONAL = [*AUTHENTICATED, Public()]


def document_optional_credentials(schema: dict) -> dict:
    """OPTIONAL in OpenAPI's words, "credentials optional": an empty requirement `{}` beside
    the schemes, which django-ninja cannot write by itself."""
    public = {Public.__name__: []}
    for path in schema["paths"].values():
        for operation in path.values():
            if public in operation.get("security", []):
                operation["security"].remove(public)
                operation["security"].append({})
    schema["components"].get("securitySchemes", {}).pop(Public.__name__, None)
    return schema
