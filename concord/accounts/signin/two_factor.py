"""Two-factor sign-in: an authenticator app (TOTP, django-otp) and ten one-use recovery codes
(its static plugin). Required in the web pages for the roles that act for the forum or a state;
anyone may set it up, and then gives it at every sign-in. Bearer tokens need no second factor."""

import base64
import re
import time
from dataclasses import dataclass

import segno
from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted
from concord.core.ratelimit import wait_text

from .. import permissions
from ..models import Role, User

RECOVERY_CODE_COUNT = 10
ROLES_THAT_NEED_IT = frozenset({Role.SECRETARIAT, Role.CHAIR, Role.COORDINATOR})
TOTP_DIGITS = 6


@dataclass(frozen=True)
class TwoFactorStatus:
    enrolled: bool
    required: bool
    recovery_codes_left: int


def required_for(user: User) -> bool:
    """The Secretariat, the Chair and national coordinators, unless REQUIRE_TWO_FACTOR is off."""
    return settings.REQUIRE_TWO_FACTOR and user.role in ROLES_THAT_NEED_IT


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_second_factor(user: User) -> bool:
    return required_for(user) or has_authenticator(user)


def second_factor_pending(request) -> bool:
    """The session is signed in with a password but still owes its second factor (or, for a
    role that needs one and has none yet, its enrolment)."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return needs_second_factor(user)


def statuses_of(users) -> dict[int, TwoFactorStatus]:
    """The two-factor status of each of `users`, in two queries whatever their number."""
    users = list(users)
    enrolled = set(
        TOTPDevice.objects.filter(user__in=users, confirmed=True).values_list("user_id", flat=True)
    )
    codes = dict(
        StaticDevice.objects.filter(user__in=users)
        .annotate(n=Count("token_set"))
        .values_list("user_id", "n")
    )
    return {
        user.pk: TwoFactorStatus(
            enrolled=user.pk in enrolled,
            required=required_for(user),
            recovery_codes_left=codes.get(user.pk, 0) if user.pk in enrolled else 0,
        )
        for user in users
    }


def status_of(user: User) -> TwoFactorStatus:
    return statuses_of([user])[user.pk]


def new_secret() -> str:
    return random_hex(20)


def setup_details(user: User, key: str) -> dict[str, str]:
    """What an authenticator app needs: a QR code (inline SVG) and the secret for typing in."""
    uri = TOTPDevice(user=user, key=key).config_url
    svg = segno.make(uri, error="m").svg_inline(scale=4, light="#fff", title=_("QR code"))
    secret = base64.b32encode(bytes.fromhex(key)).decode()
    return {
        "qr_svg": svg.replace("<svg ", '<svg role="img" ', 1),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }


def _person(actor: Actor) -> User:
    if actor.user is None:
        raise NotPermitted(_("Sign in first."))
    return actor.user


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def _new_recovery_codes(user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="Recovery codes")
    device.token_set.all().delete()
    device.throttle_reset()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic(durable=True)
def enrol_authenticator(*, actor: Actor, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm an authenticator app with a first code; returns the device and the recovery
    codes, which are shown once."""
    user = _person(actor)
    if has_authenticator(user):
        raise InvalidTransition(_("Two-factor sign-in is already set up for your account."))
    totp = TOTP(bytes.fromhex(key), digits=TOTP_DIGITS)
    totp.time = time.time()
    code = _normalise(code)
    if not (len(code) == TOTP_DIGITS and code.isdigit() and totp.verify(int(code), tolerance=1)):
        raise InvalidInput(
            _("That code does not match. Enter the six digits your app shows now."),
            field="code",
        )
    device = TOTPDevice.objects.create(
        user=user,
        name="Authenticator app",
        key=key,
        confirmed=True,
        last_t=totp.t(),
        drift=totp.drift,
    )
    codes = _new_recovery_codes(user)
    record(
        actor=actor,
        event=AuditEvent.TWO_FACTOR_ENROLLED,
        target=user,
        summary=f"{user.email} set up two-factor sign-in",
        data={"method": "authenticator", "recovery_codes": len(codes)},
    )
    return device, codes


def verify_second_factor(*, actor: Actor, code: str):
    """The second step of a sign-in: a code from the app, or a recovery code (used up).
    A refusal is audited and counted by django-otp's throttle before the error is raised."""
    device, refusal = _check_second_factor(actor=actor, code=code)
    if device is None:
        raise InvalidInput(refusal, field="code")
    return device


@transaction.atomic(durable=True)
def _check_second_factor(*, actor: Actor, code: str):
    user = _person(actor)
    code = _normalise(code)
    by_app = len(code) == TOTP_DIGITS and code.isdigit()
    method = "authenticator" if by_app else "recovery_code"
    model = TOTPDevice if by_app else StaticDevice
    device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
    refusal = _(
        "That code is not right. Enter the six digits your authenticator app shows now, "
        "or one of your recovery codes."
    )
    allowed, throttle = device.verify_is_allowed() if device else (True, None)
    if device is not None and allowed and device.verify_token(code):
        if by_app:
            event, summary, data = AuditEvent.TWO_FACTOR_VERIFIED, "gave a code", {}
        else:
            left = device.token_set.count()
            event, summary = AuditEvent.RECOVERY_CODE_USED, f"used a recovery code ({left} left)"
            data = {"recovery_codes_left": left}
        record(
            actor=actor,
            event=event,
            target=user,
            summary=f"{user.email} {summary}",
            data={"method": method, **data},
        )
        return device, None
    if not allowed:
        wait = max(int((throttle["locked_until"] - timezone.now()).total_seconds()), 1)
        refusal = _("Too many wrong codes. Wait %(wait)s, then try again.") % {
            "wait": wait_text(wait)
        }
    record(
        actor=actor,
        event=AuditEvent.TWO_FACTOR_REFUSED,
        target=user,
        summary=f"{user.email} gave a wrong second factor"
        + ("" if allowed else " while held back after earlier failures"),
        data={"method": method, "held_back": not allowed},
    )
    return None, refusal


@transaction.atomic(durable=True)
def replace_recovery_codes(*, actor: Actor) -> list[str]:
    """New recovery codes for the signed-in person; the old ones stop working."""
    user = _person(actor)
    if not has_authenticator(user):
        raise InvalidTransition(_("Set up two-factor sign-in first."))
    codes = _new_recovery_codes(user)
    record(
        actor=actor,
        event=AuditEvent.RECOVERY_CODES_REPLACED,
        target=user,
        summary=f"{user.email} replaced their recovery codes",
        data={"recovery_codes": len(codes)},
    )
    return codes


@transaction.atomic(durable=True)
def reset_second_factor(*, actor: Actor, user: User) -> User:
    """The Secretariat removes a person's second factor (a lost phone): at the next sign-in the
    person sets one up again, or signs in with the password alone if the role needs none."""
    if not permissions.can_manage_accounts(actor):
        raise NotPermitted(permissions.AccountOperation.RESET_SECOND_FACTOR.refusal)
    app = TOTPDevice.objects.filter(user=user)
    codes = StaticDevice.objects.filter(user=user)
    if not app.exists() and not codes.exists():
        raise InvalidTransition(
            _("%(email)s has no second factor to reset.") % {"email": user.email}, field="id"
        )
    app.delete()
    codes.delete()
    record(
        actor=actor,
        event=AuditEvent.TWO_FACTOR_RESET,
        target=user,
        summary=f"Second factor of {user.email} reset",
        data={"account": user.email},
    )
    return user
