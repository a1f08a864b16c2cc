"""The buttons beside each account on the Secretariat's users page: each loads the account the
actor may manage, runs one service on it, and says what was done."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect

from concord.core.actors import Actor, actor_from_request
from concord.core.exceptions import DomainError
from concord.core.htmx import domain_error_response

from . import selectors
from .models import User
from .permissions import AccountOperation


def act_on_account(
    request,
    user_id: int,
    act: Callable[[Actor, User], object],
    done: str,
    *,
    to: AccountOperation,
):
    """`done` is the message shown afterwards, with `%(email)s` for the account's address; `to`
    names the operation, which a refusal names."""
    actor = actor_from_request(request)
    try:
        user = selectors.access_user(actor, user_id, to=to)
        act(actor, user)
    except DomainError as exc:
        return domain_error_response(request, exc)
    messages.success(request, done % {"email": user.email})
    return redirect("accounts:users")
