"""API authentication: a personal bearer token or the browser's session (with CSRF)."""

from ninja.security import HttpBearer, SessionAuth

from .services import user_for_token


class BearerToken(HttpBearer):
    """`Authorization: Bearer <personal API token>`."""

    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.auth_user = user
        return user


class ActiveSession(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


AUTHENTICATED = [BearerToken(), ActiveSession()]
