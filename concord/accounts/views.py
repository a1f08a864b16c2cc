from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from concord.core import clock
from concord.core.actors import actor_from_request
from concord.core.exceptions import DomainError
from concord.core.htmx import domain_error_response
from concord.core.pagination import page_of

from . import invitations, permissions, selectors, services
from .account_actions import act_on_account
from .forms import TokenForm, UserCreateForm
from .links import password_reset_tokens
from .models import Role
from .signin import lockout
from .signin.views import after_password


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def form_valid(self, form):
        user = form.get_user()
        services.sign_in(self.request, user)
        return HttpResponseRedirect(after_password(self.request, user, self.get_success_url()))

    def form_invalid(self, form):
        lockout.note_refused_sign_in(self.request, form)
        return super().form_invalid(form)


@require_POST
def logout_view(request):
    services.sign_out(request)
    return redirect("site:home")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        user = services.change_password(
            actor=actor_from_request(self.request), new_password=form.cleaned_data["new_password1"]
        )
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Your password has been changed."))
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    token_generator = password_reset_tokens

    def form_valid(self, form):
        try:
            services.reset_password(user=form.user, new_password=form.cleaned_data["new_password1"])
        except DomainError as exc:
            form.add_error("new_password2" if exc.field == "password" else None, exc.message)
            return self.form_invalid(form)
        self.request.session.pop(INTERNAL_RESET_SESSION_TOKEN, None)
        return HttpResponseRedirect(self.get_success_url())


def _account_page(request, actor, token_form, new_token=None, status=200):
    return render(
        request,
        "accounts/account.html",
        {
            "rights": permissions.rights_of(actor),
            "tokens": selectors.list_tokens(actor),
            "token_form": token_form,
            "new_token": new_token,
            "nav_active": "account",
        },
        status=status,
    )


@login_required
def account(request):
    return _account_page(request, actor_from_request(request), TokenForm())


@login_required
@require_POST
def token_issue(request):
    actor = actor_from_request(request)
    form = TokenForm(request.POST)
    new_token = None
    if form.is_valid():
        try:
            _token, new_token = services.issue_api_token(
                actor=actor,
                user=actor.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                days=form.cleaned_data["expires_in_days"],
            )
            form = TokenForm()
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    status = 422 if form.errors else 200
    if not request.htmx:  # the whole page, so that it works without JavaScript
        return _account_page(request, actor, form, new_token, status)
    return render(
        request,
        "accounts/partials/tokens.html",
        {
            "tokens": selectors.list_tokens(actor),
            "token_form": form,
            "new_token": new_token,
        },
        status=status,
    )


@login_required
@require_POST
def token_revoke(request, token_id: int):
    actor = actor_from_request(request)
    try:
        services.revoke_api_token(actor=actor, token=selectors.access_token(actor, token_id))
    except DomainError as exc:
        return domain_error_response(request, exc)
    if not request.htmx:
        messages.success(request, _("The token has been revoked."))
        return redirect("accounts:account")
    return render(
        request,
        "accounts/partials/tokens.html",
        {"tokens": selectors.list_tokens(actor), "token_form": TokenForm()},
    )


@login_required
def users(request):
    actor = actor_from_request(request)
    try:
        queryset = selectors.list_users(
            actor, role=request.GET.get("role") or None, query=request.GET.get("q", "")
        )
    except DomainError as exc:
        return domain_error_response(request, exc)
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.create_user(actor=actor, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Account %(email)s created. An invitation to set a password is on its way "
                    "to that address."
                )
                % {"email": user.email},
            )
            return redirect("accounts:users")
    page = page_of(request, queryset, 50)
    return render(
        request,
        "accounts/users.html",
        {
            "form": form,
            "page": page,
            "roles": Role.choices,
            "now": clock.now(),
            "nav_active": "users",
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def user_set_active(request, user_id: int):
    active = request.POST.get("active") == "1"
    return act_on_account(
        request,
        user_id,
        lambda actor, user: services.set_user_active(actor=actor, user=user, active=active),
        _("Account %(email)s updated."),
        to=permissions.AccountOperation.SET_ACTIVE,
    )


@login_required
@require_POST
def user_invite(request, user_id: int):
    return act_on_account(
        request,
        user_id,
        lambda actor, user: invitations.invite(actor=actor, user=user),
        _("A new invitation is on its way to %(email)s; the earlier link no longer works."),
        to=permissions.AccountOperation.INVITE,
    )
