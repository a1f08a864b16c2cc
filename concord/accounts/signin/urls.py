"""Included into the accounts URLs, so the names are accounts:…"""

from django.urls import path

from . import views

urlpatterns = [
    path("two-factor/", views.verify, name="two_factor_verify"),
    path("two-factor/setup/", views.setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("users/<int:user_id>/unlock/", views.user_unlock, name="user_unlock"),
    path(
        "users/<int:user_id>/two-factor/reset/",
        views.user_two_factor_reset,
        name="user_two_factor_reset",
    ),
]
