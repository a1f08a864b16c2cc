"""The two-factor pages; the Secretariat's buttons that lift a lockout or reset a second factor."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from concord.core.actors import actor_from_request
from concord.core.htmx import render_form, shows_domain_errors

from ..account_actions import act_on_account
from ..permissions import AccountOperation
from . import lockout, two_factor
from .forms import EnrolForm, SecondFactorForm

SETUP_KEY = "two_factor_setup_key"


def next_step_url(user, back: str | None) -> str:
    """Where a person who owes a second factor goes: to give it, or to set one up first."""
    enrolled = two_factor.has_authenticator(user)
    url = reverse("accounts:two_factor_verify" if enrolled else "accounts:two_factor_setup")
    return f"{url}?{urlencode({'next': back})}" if back else url


def after_password(request, user, success_url: str) -> str:
    """After a good password: the account's failures are forgotten, and the person goes on to
    the second step if one is owed, else where they were going."""
    lockout.forget_failures(user)
    if two_factor.needs_second_factor(user):
        return next_step_url(user, success_url)
    return success_url


def _next(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def verify(request):
    if not two_factor.second_factor_pending(request):
        return redirect(_next(request))
    if not two_factor.has_authenticator(request.user):
        return redirect(next_step_url(request.user, _next(request)))
    form = SecondFactorForm(request.POST or None)
    if device := form.submit(two_factor.verify_second_factor, actor=actor_from_request(request)):
        otp_login(request, device)
        if isinstance(device, StaticDevice):
            _say_recovery_codes_left(request, device.token_set.count())
        return redirect(_next(request))
    context = {"form": form, "next": _next(request)}
    return render_form(request, "accounts/signin/verify.html", context)


def _say_recovery_codes_left(request, left: int) -> None:
    messages.warning(
        request,
        ngettext(
            "You signed in with a recovery code; %(n)d is left. Replace them on your account page.",
            "You signed in with a recovery code; %(n)d are left. "
            "Replace them on your account page.",
            left,
        )
        % {"n": left},
    )


@login_required
def setup(request):
    user = request.user
    if two_factor.has_authenticator(user):
        messages.info(request, _("Two-factor sign-in is already set up for your account."))
        return redirect("accounts:account")
    key = request.session.get(SETUP_KEY) or two_factor.new_secret()
    request.session[SETUP_KEY] = key
    form, actor = EnrolForm(request.POST or None), actor_from_request(request)
    if enrolled := form.submit(two_factor.enrol_authenticator, actor=actor, key=key):
        device, codes = enrolled
        del request.session[SETUP_KEY]
        otp_login(request, device)
        context = {"codes": codes, "next": _next(request), "first_time": True}
        return render(request, "accounts/signin/recovery_codes.html", context)
    context = {"form": form, "next": _next(request), "required": two_factor.required_for(user)}
    context.update(two_factor.setup_details(user, key))
    return render_form(request, "accounts/signin/setup.html", context)


@login_required
@require_POST
@shows_domain_errors
def recovery_codes(request):
    codes = two_factor.replace_recovery_codes(actor=actor_from_request(request))
    context = {"codes": codes, "next": reverse("accounts:account")}
    return render(request, "accounts/signin/recovery_codes.html", context)


@login_required
@require_POST
def user_unlock(request, user_id: int):
    return act_on_account(
        request,
        user_id,
        lambda actor, user: lockout.lift_lockout(actor=actor, user=user),
        _("%(email)s can sign in again."),
        to=AccountOperation.LIFT_LOCKOUT,
    )


@login_required
@require_POST
def user_two_factor_reset(request, user_id: int):
    return act_on_account(
        request,
        user_id,
        lambda actor, user: two_factor.reset_second_factor(actor=actor, user=user),
        _("The second factor of %(email)s is reset."),
        to=AccountOperation.RESET_SECOND_FACTOR,
    )
