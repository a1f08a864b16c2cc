"""Sign-in lockout, with django-axes: after repeated failures for one account, or from one
address, a sign-in is refused however good the password, until the cool-off has passed or the
Secretariat lifts it for the account. Every refused sign-in and every lockout is audited.

Axes stamps its attempts with the wall clock, so their age is measured with it here too."""

import datetime as dt

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core.actors import PUBLIC, Actor
from concord.core.addresses import client_address
from concord.core.exceptions import InvalidTransition, NotPermitted
from concord.core.ratelimit import wait_text

from .. import permissions
from ..models import User


def account_tried(request, credentials) -> str:
    """The account a sign-in names, as the form was filled in (AXES_USERNAME_CALLABLE): one
    account however its address is capitalised."""
    value = (credentials or {}).get("username") or request.POST.get("username") or ""
    return value.strip().lower()


class SignInAttempts(AxesDatabaseHandler):
    """Axes's database handler with a limit of its own for an address: many people of one
    delegation may sign in from one address, so an address takes more failures to lock."""

    def get_failures(self, request, credentials=None) -> int:
        # One queryset per AXES_LOCKOUT_PARAMETERS entry: ["username", "ip_address"].
        by_account, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Axes compares one number with one limit, the account's: the address's failures are
        # put on that scale, reaching it exactly when they reach the address's own limit.
        scaled = by_address * settings.SIGNIN_ACCOUNT_FAILURES // settings.SIGNIN_ADDRESS_FAILURES
        return max(by_account, scaled)


def lock_ends(request, credentials) -> dt.datetime:
    """When the lockout that refused this request ends: the cool-off after the last failure
    that counts against it (a bound: the lock may lift earlier if older failures age out)."""
    handler = AxesProxyHandler.get_implementation()
    last = max(
        (
            attempts.aggregate(last=Max("attempt_time"))["last"]
            for attempts in handler.get_user_attempts(request, credentials)
        ),
        key=lambda moment: moment or dt.datetime.min.replace(tzinfo=dt.UTC),
    )
    return (last or timezone.now()) + settings.AXES_COOLOFF_TIME


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets (AXES_LOCKOUT_CALLABLE): why, and when to try again."""
    until = lock_ends(request, credentials)
    retry_after = max(int((until - timezone.now()).total_seconds()), 1)
    response = render(
        request,
        "accounts/signin/locked_out.html",
        {"until": until, "wait": wait_text(retry_after)},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def note_refused_sign_in(request, form) -> None:
    """Audit a sign-in the login form refused, if a password was tried at all."""
    data = form.cleaned_data
    if not (data.get("username") and data.get("password")):
        return
    credentials = {"username": data["username"]}
    locked = getattr(request, "axes_locked_out", False)
    record_refused_sign_in(
        account=account_tried(request, credentials),
        address=client_address(request),
        locked_until=lock_ends(request, credentials) if locked else None,
        # Axes counts the failure that locks; a try refused by a lock already on is not counted.
        newly_locked=locked and getattr(request, "axes_failures_since_start", None) is not None,
    )


@transaction.atomic(durable=True)
def record_refused_sign_in(
    *, account: str, address: str, locked_until: dt.datetime | None, newly_locked: bool
) -> None:
    """The public tried to sign in as `account` and was refused; and perhaps is now locked out."""
    user = User.objects.filter(email=account).first()
    data = {"account": account, "address": address, "locked_out": locked_until is not None}
    record(
        actor=PUBLIC,
        event=AuditEvent.SIGN_IN_REFUSED,
        target=user,
        summary=f"Sign-in as {account} from {address} refused"
        + (" while locked out" if locked_until and not newly_locked else ""),
        data=data,
    )
    if newly_locked:
        record(
            actor=PUBLIC,
            event=AuditEvent.SIGN_IN_LOCKED,
            target=user,
            summary=f"Sign-in as {account} from {address} locked until "
            f"{locked_until:%Y-%m-%d %H:%M} UTC",
            data={**data, "until": locked_until},
        )


def locked_accounts(emails) -> dict[str, dt.datetime]:
    """The accounts among `emails` locked out now, with when each lock ends."""
    cool_off = settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(
            username__in=list(emails), attempt_time__gte=timezone.now() - cool_off
        )
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    )
    return {
        row["username"]: row["last"] + cool_off
        for row in rows
        if row["failures"] >= settings.SIGNIN_ACCOUNT_FAILURES
    }


@transaction.atomic(durable=True)
def lift_lockout(*, actor: Actor, user: User) -> User:
    """The Secretariat lets an account sign in again before its lockout ends. A lock on the
    person's address stays: it protects every account from that address."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(permissions.AccountOperation.LIFT_LOCKOUT.refusal)
    until = locked_accounts([user.email]).get(user.email)
    if until is None:
        raise InvalidTransition(
            _("%(email)s is not locked out.") % {"email": user.email}, field="id"
        )
    AxesProxyHandler.reset_attempts(username=user.email)
    record(
        actor=actor,
        event=AuditEvent.SIGN_IN_UNLOCKED,
        target=user,
        summary=f"Sign-in lockout of {user.email} lifted",
        data={"account": user.email, "was_locked_until": until},
    )
    return user


def forget_failures(user: User) -> None:
    """After a good password, the account's own failures no longer count (Axes's own reset
    would forget every failure from the address too, another account's included)."""
    AxesProxyHandler.reset_attempts(username=user.email)
