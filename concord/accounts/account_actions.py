"""The buttons beside each account on the Secretariat's users page: each loads the account the
actor may manage, runs one service on it, and says what was done."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect

from concord.core.actors import Actor, actor_from_request
from concord.core.htmx import shows_domain_errors

from . import selectors
from .models import User
from .permissions import AccountOperation


@shows_domain_errors
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
    user = selectors.access_user(actor, user_id, to=to)
    act(actor, user)
    messages.success(request, done % {"email": user.email})
    return redirect("accounts:users")
