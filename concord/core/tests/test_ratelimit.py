"""Rate limits: every write of the pages and the API, and the named classes, counted in the
cache by account or by address; 429 with Retry-After, JSON under /api/, a page otherwise."""

import pytest
from django.test import Client, RequestFactory, override_settings

from concord.accounts import services
from concord.core.actors import SYSTEM
from concord.core.addresses import client_address
from concord.core.ratelimit import request_class
from conftest import PASSWORD


@pytest.fixture
def rates(settings):
    def set_rates(**rates):
        settings.RATE_LIMITS = {**settings.RATE_LIMITS, **rates}

    return set_rates


def bearer(user) -> dict:
    _token, plaintext = services.issue_api_token(actor=SYSTEM, user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_writes_over_the_rate_get_429_with_a_page_in_either_language(db, rates):
    rates(write="2/m")
    client = Client()
    for _ in range(2):
        assert client.post("/i18n/setlang/", {"language": "en"}).status_code == 302
    response = client.post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 65
    assert "Too many requests" in response.content.decode()
    # Another client at the same address: counted together, answered in its own language.
    russian = Client().post("/i18n/setlang/", {"language": "ru"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert "Слишком много запросов" in russian.content.decode()


def test_an_endpoint_nobody_listed_is_a_write_and_is_limited(db, rates):
    """A path added tomorrow is counted from the start: nothing has to name it."""
    assert request_class(RequestFactory().delete("/api/added-tomorrow")) == "write"
    rates(write="1/m")
    client = Client()
    assert client.post("/api/added-tomorrow").status_code == 404
    response = client.post("/api/added-tomorrow")
    assert response.status_code == 429
    assert response.json()["field"] is None
    assert response.json()["detail"].startswith("Too many requests. Wait ")


def test_reads_are_not_limited(db, rates):
    rates(write="1/m")
    client = Client()
    assert all(client.get("/api/members").status_code == 200 for _ in range(5))


def test_an_api_write_over_the_rate_answers_json(delegate_user, rates):
    rates(write="1/m")
    client, auth = Client(), bearer(delegate_user)
    token, _plain = services.issue_api_token(actor=SYSTEM, user=delegate_user, name="x")
    assert client.post(f"/api/tokens/{token.pk}/revoke", **auth).status_code == 200
    response = client.post(f"/api/tokens/{token.pk}/revoke", **auth)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail", "field"}
    assert int(response["Retry-After"]) >= 1


def test_signed_in_requests_are_counted_per_account_not_per_address(
    delegate_user, coordinator_user, rates
):
    rates(token="1/h")
    one, other = Client(), Client()
    one.force_login(delegate_user)
    other.force_login(coordinator_user)
    token = {"scope": "read", "expires_in_days": 30}
    assert one.post("/accounts/me/tokens/", {"name": "a", **token}).status_code == 200
    assert one.post("/accounts/me/tokens/", {"name": "b", **token}).status_code == 429
    # Same address (the test client's), another account: its own count.
    assert other.post("/accounts/me/tokens/", {"name": "c", **token}).status_code == 200


def test_a_token_is_counted_as_its_account(delegate_user, rates):
    rates(token="1/h")
    client = Client()
    first, second = bearer(delegate_user), bearer(delegate_user)
    assert client.post("/api/tokens", {"name": "a"}, content_type="application/json", **first)
    response = client.post("/api/tokens", {"name": "b"}, content_type="application/json", **second)
    assert response.status_code == 429


def test_anonymous_requests_are_counted_per_address(registry, rates):
    rates(sign_in="2/m")
    wrong = {"username": "x@y.example", "password": "wrong"}
    here, there = Client(REMOTE_ADDR="192.0.2.1"), Client(REMOTE_ADDR="192.0.2.2")
    assert [here.post("/accounts/login/", wrong).status_code for _ in range(3)] == [200, 200, 429]
    assert there.post("/accounts/login/", wrong).status_code == 200


def test_one_ipv6_network_is_one_address(registry, rates):
    rates(sign_in="1/m")
    wrong = {"username": "x@y.example", "password": "wrong"}
    assert Client(REMOTE_ADDR="2001:db8::1").post("/accounts/login/", wrong).status_code == 200
    assert Client(REMOTE_ADDR="2001:db8::2").post("/accounts/login/", wrong).status_code == 429


def test_sign_in_password_reset_and_tokens_have_rates_of_their_own(delegate_user, rates):
    rates(sign_in="1/m", password_reset="1/h", write="100/m")
    client = Client()
    wrong = {"username": delegate_user.email, "password": "wrong"}
    good = {"username": delegate_user.email, "password": PASSWORD}
    assert client.post("/accounts/login/", wrong).status_code == 200
    assert client.post("/accounts/login/", good).status_code == 429
    anonymous = Client()
    assert anonymous.post("/accounts/password-reset/", {"email": "a@b.example"}).status_code == 302
    assert anonymous.post("/accounts/password-reset/", {"email": "a@b.example"}).status_code == 429


def test_the_htmx_answer_is_a_fragment(delegate_user, rates):
    rates(token="0/h")
    client = Client()
    client.force_login(delegate_user)
    response = client.post("/accounts/me/tokens/", {"name": "a"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 429
    assert response.content.decode().startswith(
        '<p class="govuk-error-message" role="alert">Too many requests'
    )


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "127.0.0.1"),  # no proxy: the header is the client's own words
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.9, 198.51.100.7", "198.51.100.7"),  # a spoofed entry on the left
        (2, "203.0.113.9, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (2, "198.51.100.7", "127.0.0.1"),  # fewer entries than proxies: misconfigured
        (1, "not-an-address", "127.0.0.1"),
    ],
)
def test_the_client_address_behind_proxies(proxies, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == expected


def test_the_openapi_schema_documents_429_on_every_write_and_only_there(db):
    paths = Client().get("/api/openapi.json").json()["paths"]
    operations = [(m, op) for ops in paths.values() for m, op in ops.items()]
    assert {m for m, _op in operations} >= {"get", "post", "patch"}
    for method, operation in operations:
        assert ("429" in operation["responses"]) == (method != "get"), operation["operationId"]
