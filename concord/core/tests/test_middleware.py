from django.test import Client


def test_nul_in_an_api_query_is_422(db):
    response = Client().get("/api/members", {"status": "member\x00"})
    assert response.status_code == 422
    assert (
        response.json()["detail"] == "The request contains a NUL character, which no field accepts."
    )


def test_nul_in_a_json_body_is_422(db):
    response = Client().post(
        "/api/tokens", '{"name": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 422


def test_nul_in_a_page_query_is_400(db):
    assert Client().get("/accounts/users/", {"q": "x\x00"}).status_code == 400
