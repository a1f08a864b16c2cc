"""Getting into an account without a password: the invitation page and the reset request."""

from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from concord.core.exceptions import DomainError, NotFound

from . import invitations
from .forms import PasswordResetRequestForm
from .tasks import send_password_reset


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def invitation(request, secret: str):
    try:
        invited = invitations.access_invitation(secret)
    except NotFound as exc:
        return render(request, "accounts/invitation.html", {"dead_link": exc.message}, status=404)
    form = SetPasswordForm(invited.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitations.accept_invitation(
                invitation=invited, new_password=form.cleaned_data["new_password1"]
            )
        except DomainError as exc:
            form.add_error("new_password2" if exc.field == "password" else None, exc.message)
        else:
            messages.success(
                request,
                _("Your password is set. Sign in with your e-mail address and the new password."),
            )
            return redirect("accounts:login")
    return render(
        request,
        "accounts/invitation.html",
        {"form": form, "invited": invited.user},
        status=422 if form.errors else 200,
    )


def password_reset(request):
    """The address is not looked up here: the task does it, so the answer and its timing are
    the same whether or not the address belongs to an account."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send_password_reset.enqueue(form.cleaned_data["email"], get_language())
        return redirect("accounts:password_reset_done")
    return render(
        request,
        "accounts/password_reset.html",
        {"form": form},
        status=422 if form.errors else 200,
    )
