import json
import logging
import re
from html import unescape

import pytest
from django.test import Client

from concord.core.actors import SYSTEM

NUL_REFUSED = "The request contains a NUL character, which no field accepts."


def test_nul_in_an_api_query_is_422(db):
    response = Client().get("/api/members", {"status": "member\x00"})
    assert response.status_code == 422
    assert response.json() == {"detail": NUL_REFUSED, "field": None}


def test_nul_in_a_page_query_is_400(db):
    response = Client().get("/accounts/users/", {"q": "x\x00"})
    assert response.status_code == 400
    assert NUL_REFUSED in response.content.decode()


def test_nul_in_an_api_path_is_422(db):
    assert Client().get("/api/meetings/a%00b").status_code == 422


@pytest.fixture
def officer_client(secretariat_user):
    from concord.accounts.services import issue_api_token

    _t, token = issue_api_token(actor=SYSTEM, user=secretariat_user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_json_sent_as_text_plain_is_refused_by_its_type(officer_client):
    body = '{"title": "A\\u0000B", "subject": {"type": "text", "text": "x"}, "mode": "in_session"}'
    response = officer_client.post("/api/procedures", body, content_type="text/plain")
    assert response.status_code == 415
    assert response.json() == {
        "detail": "The API does not read a body of type 'text/plain'; "
        "send application/json or multipart/form-data.",
        "field": None,
    }


@pytest.mark.parametrize(
    "content_type", ["", "application/x-www-form-urlencoded", "application/xml", "text/json"]
)
def test_only_json_and_multipart_bodies_are_read(officer_client, content_type):
    response = officer_client.generic(
        "POST", "/api/tokens", b'{"name": "t"}', content_type=content_type
    )
    assert response.status_code == 415


def test_json_with_its_charset_and_in_capitals_is_read(officer_client):
    response = officer_client.post(
        "/api/tokens", b'{"name": "t"}', content_type="Application/JSON; charset=utf-8"
    )
    assert response.status_code == 201


def test_a_post_without_a_body_needs_no_type(officer_client):
    response = officer_client.generic("POST", "/api/procedures/99/close", b"", content_type="")
    assert response.status_code == 404


def test_a_nul_in_a_json_value_is_refused_naming_the_field(officer_client):
    response = officer_client.post(
        "/api/tokens", '{"name": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["field"] == "name"


def test_a_nul_in_a_key_the_endpoint_ignores_does_not_matter(officer_client):
    response = officer_client.post(
        "/api/tokens", '{"name": "t", "junk": "\\u0000"}', content_type="application/json"
    )
    assert response.status_code == 201


def test_a_request_above_the_limit_is_413_before_it_is_read(officer_client, settings):
    settings.MAX_REQUEST_BYTES = 1000
    body = json.dumps({"name": "x" * 2000})
    response = officer_client.post("/api/tokens", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {
        "detail": f"The request is too large: {len(body)} bytes, above the limit of 1000.",
        "field": None,
    }
    # Announced, not sent: reading it would fail the test client's stream.
    claimed = officer_client.generic(
        "POST", "/api/tokens", b"{}", content_type="application/json", CONTENT_LENGTH="10" * 6
    )
    assert claimed.status_code == 413
    page = Client().post("/accounts/login/", {"username": "x" * 2000})
    assert page.status_code == 413
    assert "The request is too large" in page.content.decode()


def test_a_body_within_the_limit_but_above_djangos_memory_limit_is_413_json(
    officer_client, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    body = json.dumps({"name": "x" * 200})
    response = officer_client.post("/api/tokens", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is too large to read."


def test_an_unknown_api_path_is_json_404(db):
    response = Client().get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "field": None}
    # The length of the JSON, not of the page it replaced: a kept-alive client would otherwise
    # wait for the rest (schemathesis against a live server hung on exactly that).
    assert response["Content-Length"] == str(len(response.content))


def test_a_method_the_api_path_does_not_take_is_json_405(db):
    response = Client().delete("/api/meetings")
    assert response.status_code == 405
    assert response.json() == {"detail": "Method not allowed.", "field": None}
    assert response["Allow"] == "GET"


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_api_error_is_json_500_and_logged(db, settings, monkeypatch, caplog, debug):
    settings.DEBUG = debug

    def broken(**filters):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("concord.meetings.selectors.list_meetings", broken)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = Client(raise_request_exception=False).get("/api/meetings")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Server error. It has been logged; nothing about it is shown here.",
        "field": None,
    }
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and "secret internals" in str(logged[0].exc_info[1])


def test_page_errors_stay_pages(db):
    response = Client().get("/meetings/no-such-meeting/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def test_pages_and_the_api_docs_carry_the_page_policy(db):
    for path in ("/", "/meetings/", "/api/docs"):
        response = Client().get(path)
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == PAGE_POLICY


def test_api_answers_run_nothing(db):
    response = Client().get("/api/meetings")
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'none'; sandbox"
    )


def test_the_other_security_headers(db):
    response = Client().get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Permissions-Policy"].startswith("accelerometer=(), camera=()")


def test_no_cookie_is_readable_by_a_script(secretariat_user):
    from conftest import PASSWORD

    client = Client()
    client.get("/accounts/login/")
    client.post("/accounts/login/", {"username": secretariat_user.email, "password": PASSWORD})
    for name in ("csrftoken", "sessionid"):
        cookie = client.cookies[name]
        assert cookie["httponly"] is True and cookie["samesite"] == "Lax", name


def test_htmx_is_configured_to_apply_no_inline_style(db):
    """Under the policy's style-src, htmx must neither inject its indicator style nor settle
    a style attribute onto swapped content (tests/browser/test_content_security_policy.py)."""
    html = Client().get("/").content.decode()
    meta = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", html).group(1)
    config = json.loads(unescape(meta))
    assert config["includeIndicatorStyles"] is False
    assert config["attributesToSettle"] == ["class", "width", "height"]
