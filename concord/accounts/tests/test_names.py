"""A token's name and a person's name are single lines (they go into lists, audit summaries and
e-mail): a line break or a control character is refused by the service, the API and the form
alike, naming the field."""

import pytest
from django.test import Client

from concord.accounts import services
from concord.accounts.models import ApiToken, User
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput

from .conftest import sign_in

ONE_LINE = "Write this on one line, without line breaks or control characters."
BROKEN = ["laptop\nscript", "laptop\r\nscript", "laptop\u2028script", "laptop\x85script"]


@pytest.mark.parametrize("name", BROKEN)
def test_a_token_name_with_a_line_break_is_refused_everywhere(delegate_user, name):
    with pytest.raises(InvalidInput) as caught:
        services.issue_api_token(actor=SYSTEM, user=delegate_user, name=name)
    assert (caught.value.field, caught.value.message) == ("name", ONE_LINE)
    _t, plaintext = services.issue_api_token(actor=SYSTEM, user=delegate_user, name="t")
    response = Client().post(
        "/api/tokens", {"name": name}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )  # fmt: skip
    assert response.status_code == 422, response.content
    assert (response.json()["field"], response.json()["detail"]) == ("name", f"name: {ONE_LINE}")
    page = sign_in(delegate_user).post(
        "/accounts/me/tokens/", {"name": name, "scope": "read", "expires_in_days": "30"}
    )
    assert page.status_code == 422 and ONE_LINE in page.content.decode()
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["t"]


@pytest.mark.parametrize("name", BROKEN)
def test_a_person_s_name_with_a_line_break_is_refused_everywhere(secretariat_user, name):
    account = {"email": "n@kz.example", "role": "delegate", "state": "KZ", "display_name": name}
    with pytest.raises(InvalidInput) as caught:
        services.create_user(actor=SYSTEM, **account)
    assert (caught.value.field, caught.value.message) == ("display_name", ONE_LINE)
    _t, plaintext = services.issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    response = Client().post(
        "/api/users", account, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )  # fmt: skip
    assert response.status_code == 422, response.content
    assert (response.json()["field"], response.json()["detail"]) == (
        "display_name",
        f"display_name: {ONE_LINE}",
    )
    page = sign_in(secretariat_user).post("/accounts/users/", account)
    assert page.status_code == 422 and ONE_LINE in page.content.decode()
    assert not User.objects.filter(email="n@kz.example").exists()
