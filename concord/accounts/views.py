from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from concord.core import clock
from concord.core.actors import actor_from_request
from concord.core.htmx import render_form, shows_domain_errors
from concord.core.pagination import page_of

from . import invitations, permissions, selectors, services
from .account_actions import act_on_account
from .forms import NewPasswordForm, PreferencesForm, TokenForm, UserCreateForm
from .links import password_reset_tokens
from .models import Role
from .signin import lockout
from .signin.views import after_password

TOKENS = "accounts/partials/tokens.html"
USER_CREATED = gettext_lazy(
    "Account %(email)s created. An invitation to set a password is on its way to that address."
)


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
    form_class = NewPasswordForm

    def form_valid(self, form):
        if not form.submit(services.reset_password, user=form.user):
            return self.form_invalid(form)
        self.request.session.pop(INTERNAL_RESET_SESSION_TOKEN, None)
        return HttpResponseRedirect(self.get_success_url())


def _account_context(actor, token_form, new_token=None, preferences_form=None) -> dict:
    user = actor.user
    initial = {"language": user.language, "time_zone": user.time_zone}
    return {
        "rights": permissions.rights_of(actor),
        "preferences_form": preferences_form or PreferencesForm(initial=initial),
        "tokens": selectors.list_tokens(actor),
        "token_form": token_form,
        "new_token": new_token,
        "nav_active": "account",
    }


@login_required
def account(request):
    actor = actor_from_request(request)
    return render(request, "accounts/account.html", _account_context(actor, TokenForm()))


@login_required
@require_POST
def preferences_save(request):
    """A new preference shows at once: the language switch's cookie, which would outrank it,
    is cleared (see ``preferences``)."""
    actor = actor_from_request(request)
    form = PreferencesForm(request.POST)
    if form.submit(services.set_preferences, actor=actor):
        messages.success(request, _("Your language and time zone are saved."))
        response = redirect("accounts:account")
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return response
    context = _account_context(actor, TokenForm(), preferences_form=form)
    return render_form(request, "accounts/account.html", context, form=form)


@login_required
@require_POST
def token_issue(request):
    """The whole page without JavaScript; for htmx, the tokens' part."""
    actor = actor_from_request(request)
    form = TokenForm(request.POST)
    if issued := form.submit(services.issue_api_token, actor=actor, user=actor.user):
        form = TokenForm()
    context = _account_context(actor, form, new_token=issued[1] if issued else None)
    return render_form(request, "accounts/account.html", context, fragment=TOKENS, form=form)


@login_required
@require_POST
@shows_domain_errors
def token_revoke(request, token_id: int):
    actor = actor_from_request(request)
    services.revoke_api_token(actor=actor, token=selectors.access_token(actor, token_id))
    if not request.htmx:
        messages.success(request, _("The token has been revoked."))
        return redirect("accounts:account")
    context = {"tokens": selectors.list_tokens(actor), "token_form": TokenForm()}
    return render(request, TOKENS, context)


@login_required
@shows_domain_errors
def users(request):
    actor = actor_from_request(request)
    role, query = request.GET.get("role") or None, request.GET.get("q", "")
    queryset = selectors.list_users(actor, role=role, query=query)
    form = UserCreateForm(request.POST or None)
    if user := form.submit(services.create_user, actor=actor):
        messages.success(request, USER_CREATED % {"email": user.email})
        return redirect("accounts:users")
    context = {
        "form": form,
        "page": page_of(request, queryset, 50),
        "roles": Role.choices,
        "now": clock.now(),
        "nav_active": "users",
    }
    return render_form(request, "accounts/users.html", context)


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
