"""Each accounts input has one limit, the same in the column, the form, the API schema and the
service: one character more is refused everywhere, naming the field."""

import pytest
from django.test import Client

from concord.accounts import forms, schemas, services
from concord.accounts.models import (
    DISPLAY_NAME_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    PASSWORD_MAX_LENGTH,
    TOKEN_NAME_MAX_LENGTH,
    ApiToken,
    User,
)
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidInput

from .conftest import sign_in

LIMITS = [
    # (model, form, schema, field, limit)
    (User, forms.UserCreateForm, schemas.UserIn, "email", EMAIL_MAX_LENGTH),
    (User, forms.UserCreateForm, schemas.UserIn, "display_name", DISPLAY_NAME_MAX_LENGTH),
    (ApiToken, forms.TokenForm, schemas.TokenIn, "name", TOKEN_NAME_MAX_LENGTH),
]


@pytest.mark.parametrize(("model", "form", "schema", "name", "limit"), LIMITS)
def test_column_form_and_schema_share_the_limit(model, form, schema, name, limit):
    assert model._meta.get_field(name).max_length == limit
    assert form.base_fields[name].max_length == limit
    assert schema.model_json_schema()["properties"][name]["maxLength"] == limit


def test_the_password_limit_is_shared_by_the_schema_and_the_validators():
    [text, _null] = schemas.UserIn.model_json_schema()["properties"]["password"]["anyOf"]
    assert text["maxLength"] == PASSWORD_MAX_LENGTH
    assert forms.PasswordResetRequestForm.base_fields["email"].max_length == EMAIL_MAX_LENGTH


def long_email(length: int) -> str:
    return "a" * (length - len("@kz.example")) + "@kz.example"


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("email", {"email": long_email(EMAIL_MAX_LENGTH + 1)}),
        ("display_name", {"display_name": "N" * (DISPLAY_NAME_MAX_LENGTH + 1)}),
        ("password", {"password": "Pw-" + "x" * PASSWORD_MAX_LENGTH}),
    ],
)
def test_one_character_more_is_refused_by_the_service_and_the_api(secretariat_user, field, values):
    account = {"email": "n@kz.example", "role": "delegate", "state": "KZ", **values}
    with pytest.raises(InvalidInput) as caught:
        services.create_user(actor=SYSTEM, **account)
    assert caught.value.field == field
    _t, plaintext = services.issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    response = Client().post(
        "/api/users", account, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )  # fmt: skip
    assert response.status_code == 422 and response.json()["field"] == field
    assert not User.objects.filter(display_name__startswith="NNN").exists()


def test_the_longest_values_are_stored(secretariat_user):
    user = services.create_user(
        actor=SYSTEM,
        email=long_email(EMAIL_MAX_LENGTH),
        role="delegate",
        state="KZ",
        display_name="N" * DISPLAY_NAME_MAX_LENGTH,
    )
    user.refresh_from_db()
    assert len(user.email) == EMAIL_MAX_LENGTH
    token, _plain = services.issue_api_token(
        actor=SYSTEM, user=user, name="T" * TOKEN_NAME_MAX_LENGTH
    )
    assert len(ApiToken.objects.get(pk=token.pk).name) == TOKEN_NAME_MAX_LENGTH


def test_a_token_name_one_character_too_long_is_refused_everywhere(delegate_user):
    name = "T" * (TOKEN_NAME_MAX_LENGTH + 1)
    with pytest.raises(InvalidInput) as caught:
        services.issue_api_token(actor=actor_for(delegate_user), user=delegate_user, name=name)
    assert caught.value.field == "name"
    client = sign_in(delegate_user)
    page = client.post(
        "/accounts/me/tokens/", {"name": name, "scope": "read", "expires_in_days": "1"}
    )
    assert page.status_code == 422
    assert "Ensure this value has at most 100 characters" in page.content.decode()


def test_the_users_form_refuses_a_long_name_at_the_field(secretariat_user):
    response = sign_in(secretariat_user).post(
        "/accounts/users/",
        {"email": "n@kz.example", "role": "delegate", "state": "KZ", "display_name": "N" * 151},
    )
    assert response.status_code == 422
    assert "Ensure this value has at most 150 characters" in response.content.decode()
