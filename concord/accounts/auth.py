"""API authentication: a personal bearer token or the browser's session (with CSRF)."""

from ninja.security import HttpBearer, SessionAuth

from .services import user_for_token
from .signin.two_factor import second_factor_pending


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
        if user is None or not user.is_active or second_factor_pending(request):
            return None
        return user


AUTHENTICATED = [BearerToken(), ActiveSession()]
