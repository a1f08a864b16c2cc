"""Getting into an account without a password: the invitation page and the reset request."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from concord.core.exceptions import NotFound
from concord.core.htmx import render_form

from . import invitations
from .forms import NewPasswordForm, PasswordResetRequestForm
from .tasks import send_password_reset


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def invitation(request, secret: str):
    try:
        invited = invitations.access_invitation(secret)
    except NotFound as exc:
        return render(request, "accounts/invitation.html", {"dead_link": exc.message}, status=404)
    form = NewPasswordForm(invited.user, request.POST or None)
    if form.submit(invitations.accept_invitation, invitation=invited):
        messages.success(
            request,
            _("Your password is set. Sign in with your e-mail address and the new password."),
        )
        return redirect("accounts:login")
    return render_form(request, "accounts/invitation.html", {"form": form, "invited": invited.user})


def password_reset(request):
    """The address is not looked up here: the task does it, so the answer and its timing are
    the same whether or not the address belongs to an account."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send_password_reset.enqueue(form.cleaned_data["email"], get_language())
        return redirect("accounts:password_reset_done")
    return render_form(request, "accounts/password_reset.html", {"form": form})
