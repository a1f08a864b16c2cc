"""What drafting takes from outside is bounded where it enters, with the same limits through
the API, the page and the service; a path that names nothing is a 404."""

import pytest

from concord.core.exceptions import InvalidInput
from concord.drafting import services
from concord.drafting.models import Amendment
from concord.drafting.requests import AmendmentRequest

from .test_api import SLUG, post
from .test_views import amendment, signed_in

EDIT = {"kind": "edit", "unit": "op-3", "text": "We mark CICA Day.", "rationale": "Shorter."}
REFUSED = [
    ({"unit": "op 3"}, "unit"),
    ({"unit": "op-\n3"}, "unit"),
    ({"unit": "o" * 41}, "unit"),
    ({"unit": "оп-3"}, "unit"),
    ({"text": "x" * 20001}, "text"),
    ({"text": "a \x00 b"}, "text"),
    ({"rationale": "x" * 20001}, "rationale"),
    ({"rationale": "\ufffe"}, "rationale"),
    ({"language": "fr"}, "language"),
    ({"kind": "rewrite"}, "kind"),
    ({"version": 2**63}, "version"),
]


def test_the_api_refuses_what_no_column_holds_naming_the_field(india):
    for changes, field in REFUSED:
        response = post(india, f"/api/drafts/{SLUG}/amendments", {**EDIT, **changes})
        assert response.status_code == 422, (changes, response.content)
        assert response.json()["field"] == field, changes
    assert not Amendment.objects.exists()


def test_a_text_fills_its_column(india):
    response = post(india, f"/api/drafts/{SLUG}/amendments", {**EDIT, "rationale": "r" * 20000})
    assert response.status_code == 201


def test_the_service_refuses_the_same_whoever_calls_it(draft, actor_of, delegate_user):
    version = draft.versions.get()
    for changes, field in REFUSED[:8]:
        with pytest.raises(InvalidInput) as caught:
            services.propose_amendment(
                actor=actor_of(delegate_user),
                request=AmendmentRequest(
                    version_id=version.pk, language="en", **{**EDIT, **changes}
                ),
            )
        assert caught.value.field == field, changes


def test_the_page_refuses_a_text_no_column_holds(draft, delegate_user):
    response = amendment(signed_in(delegate_user), text="x" * 20001)
    assert response.status_code == 422
    assert "Ensure this value has at most 20000 characters" in response.content.decode()
    assert not Amendment.objects.exists()


def test_a_decision_note_is_bounded_on_the_page_and_in_the_api(india, officer, secretariat_user):
    pk = post(india, f"/api/drafts/{SLUG}/amendments", EDIT).json()["id"]
    refused = post(officer, f"/api/drafts/{SLUG}/amendments/{pk}/accept", {"note": "x" * 5001})
    assert (refused.status_code, refused.json()["field"]) == (422, "note")
    page = signed_in(secretariat_user).post(
        f"/drafts/{SLUG}/amendments/{pk}/accept/", {"note": "NUL \x00"}
    )
    assert page.status_code == 422
    assert "The text holds a control character that cannot be stored." in page.content.decode()
    assert Amendment.objects.get().status == "proposed"


def test_list_filters_take_only_what_exists(india):
    queries = [
        ("/api/drafts", {"status": "nonsense"}),
        (f"/api/drafts/{SLUG}/amendments", {"status": "x"}),
        (f"/api/drafts/{SLUG}/amendments", {"language": "xx"}),
        (f"/api/drafts/{SLUG}/amendments", {"version": 2**63}),
        (f"/api/drafts/{SLUG}/versions/1", {"language": "de"}),
        (f"/api/drafts/{SLUG}/compare", {"from": 1, "to": 1, "language": "x" * 100}),
    ]
    for path, query in queries:
        assert india.get(path, query).status_code == 422, (path, query)


UNKNOWN = ["9" * 30, str(2**63), "0", "-1", "1%0a", "ид", "x" * 500]


def test_a_path_that_names_nothing_is_404(india):
    for value in UNKNOWN:
        paths = [
            f"/api/drafts/{value}",
            f"/api/drafts/{value}/amendments",
            f"/api/drafts/{SLUG}/versions/{value}",
            f"/api/drafts/{SLUG}/amendments/{value}",
        ]
        for path in paths:
            response = india.get(path)
            assert response.status_code == 404, path
            assert response.json()["detail"], path
        for step in ("accept", "reject", "withdraw"):
            path = f"/api/drafts/{SLUG}/amendments/{value}/{step}"
            body = {"reason": "No."} if step == "reject" else None
            assert post(india, path, body).status_code == 404, path


def test_a_page_that_names_nothing_is_404(draft, delegate_user):
    client = signed_in(delegate_user)
    for value in UNKNOWN:
        assert client.get(f"/drafts/{value}/").status_code == 404, value
        assert client.get(f"/drafts/{value}/compare/").status_code == 404, value
        path = f"/drafts/{SLUG}/amendments/{value}/withdraw/"
        assert client.post(path).status_code == 404, value
