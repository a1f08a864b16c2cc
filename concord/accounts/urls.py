from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import password_views, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("me/", views.account, name="account"),
    path("me/preferences/", views.preferences_save, name="preferences"),
    path("me/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("me/tokens/", views.token_issue, name="token_issue"),
    path("me/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("password-reset/", password_views.password_reset, name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("users/", views.users, name="users"),
    path("users/<int:user_id>/active/", views.user_set_active, name="user_set_active"),
    path("", include("concord.accounts.signin.urls")),
    path("users/<int:user_id>/invitation/", views.user_invite, name="user_invite"),
    path("invitation/<str:secret>/", password_views.invitation, name="invitation"),
]
