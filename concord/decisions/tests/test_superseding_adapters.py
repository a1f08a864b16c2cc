"""A superseded version through the API and the pages: the warning, the offer, the confirmation,
and errors that name a document by its title with a link."""

import datetime as dt

import pytest
from django.test import Client, override_settings

from concord.documents.models import Document
from conftest import PASSWORD

from .test_api import client_for, post
from .test_superseding import draft, next_version, on_v1  # noqa: F401 (fixtures)


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def superseded(draft, on_v1, delegates, officer):  # noqa: F811
    next_version(draft, delegates["KZ"], officer)
    return on_v1


def test_the_api_says_the_version_is_superseded(superseded, delegates):
    got = client_for(delegates["IN"]).get(f"/api/procedures/{superseded.pk}").json()
    assert got["superseded"] == {"version": 1, "latest_version": 2, "kept": False}
    assert (got["reopened_as"], got["withdrawn_because"]) == (None, "")


def test_the_api_reopens_on_the_latest_version(superseded, chair):
    response = post(
        client_for(chair), f"/api/procedures/{superseded.pk}/reopen", {"reason": "Version 2."}
    )
    assert response.status_code == 201, response.content
    new = response.json()
    latest = superseded.version.document.versions.get(number=2)
    assert (new["status"], new["subject"]["version"], new["superseded"]) == (
        "open",
        latest.pk,
        None,
    )
    old = client_for(chair).get(f"/api/procedures/{superseded.pk}").json()
    assert (old["status"], old["reopened_as"], old["withdrawn_because"]) == (
        "withdrawn", new["id"], "Version 2.",
    )  # fmt: skip


def test_the_api_refuses_a_delegation_and_an_empty_reason(superseded, delegates, officer):
    refused = post(
        client_for(delegates["KZ"]), f"/api/procedures/{superseded.pk}/reopen", {"reason": "x"}
    )
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Only the Chair or the Secretariat can reopen a procedure on a later version."
    )
    empty = post(client_for(officer), f"/api/procedures/{superseded.pk}/reopen", {"reason": ""})
    assert (empty.status_code, empty.json()["field"]) == (422, "reason")
    assert (
        post(client_for(delegates["KZ"]), f"/api/procedures/{superseded.pk}/keep").status_code
        == 403
    )


def test_the_api_keeps_and_says_so(superseded, officer):
    response = post(client_for(officer), f"/api/procedures/{superseded.pk}/keep")
    assert response.status_code == 200, response.content
    assert response.json()["superseded"] == {"version": 1, "latest_version": 2, "kept": True}


def test_an_api_refusal_names_the_document_by_title_with_its_address(draft, on_v1, officer):  # noqa: F811
    response = post(client_for(officer), f"/api/procedures/{on_v1.pk}/reopen", {"reason": "x"})
    assert response.status_code == 409
    body = response.json()
    assert draft.slug not in body["detail"] and f"“{draft.title}”" in body["detail"]
    assert body["document"] == {"title": draft.title, "url": f"/drafts/{draft.slug}/"}


def test_the_procedure_page_warns_and_offers_to_the_chair_only(
    superseded,
    chair_user,
    coordinator_user,
    draft,  # noqa: F811
):
    page = signed_in(chair_user).get(f"/decisions/{superseded.pk}/").content.decode()
    assert 'data-testid="superseded-warning"' in page and 'data-testid="superseded-offer"' in page
    assert f"/drafts/{draft.slug}/compare/?from=1&amp;to=2" in page
    assert f"/decisions/{superseded.pk}/reopen/" in page
    page = signed_in(coordinator_user).get(f"/decisions/{superseded.pk}/").content.decode()
    assert 'data-testid="superseded-warning"' in page
    assert 'data-testid="superseded-offer"' not in page


def test_the_draft_page_warns(superseded, coordinator_user, draft):  # noqa: F811
    page = signed_in(coordinator_user).get(f"/drafts/{draft.slug}/").content.decode()
    assert 'data-testid="superseded-warning"' in page
    assert f"/decisions/{superseded.pk}/" in page and "?version=1" in page


def test_keeping_hides_the_offer_and_keeps_the_warning(superseded, chair_user, coordinator_user):
    chair = signed_in(chair_user)
    assert chair.post(f"/decisions/{superseded.pk}/keep/").status_code == 302
    page = chair.get(f"/decisions/{superseded.pk}/").content.decode()
    assert 'data-testid="superseded-kept"' in page and 'data-testid="superseded-offer"' not in page
    page = signed_in(coordinator_user).get(f"/decisions/{superseded.pk}/").content.decode()
    assert 'data-testid="superseded-warning"' in page and 'data-testid="superseded-kept"' in page


def test_reopening_from_a_page_asks_first(superseded, secretariat_user):
    client = signed_in(secretariat_user)
    confirm = client.get(f"/decisions/{superseded.pk}/reopen/")
    assert confirm.status_code == 200
    superseded.refresh_from_db()
    assert superseded.status == "open"  # the page asks; nothing has happened yet
    assert "Version 2 supersedes version 1" in confirm.content.decode()
    refused = client.post(f"/decisions/{superseded.pk}/reopen/", {"reason": ""})
    assert refused.status_code == 422 and 'data-testid="error-summary"' in refused.content.decode()
    done = client.post(f"/decisions/{superseded.pk}/reopen/", {"reason": "Version 2."})
    superseded.refresh_from_db()
    assert (superseded.status, done.url) == (
        "withdrawn", f"/decisions/{superseded.reopened_as_id}/",
    )  # fmt: skip
    page = client.get(f"/decisions/{superseded.pk}/").content.decode()
    assert 'data-testid="reopened-as"' in page and "Version 2." in page


def test_a_delegation_cannot_see_the_confirmation(superseded, coordinator_user):
    assert signed_in(coordinator_user).get(f"/decisions/{superseded.pk}/reopen/").status_code == 403


def test_a_page_refusal_links_the_document_by_its_title(draft, on_v1, secretariat_user):  # noqa: F811
    """Opening a second procedure on the draft: the refusal names it by title, with a link."""
    response = signed_in(secretariat_user).post(
        "/decisions/open/",
        {
            "title": "Again",
            "subject.type": "document_adoption",
            "subject.version": str(draft.versions.get(number=1).pk),
            "mode": "silence",
        },
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert f'<a href="/drafts/{draft.slug}/" class="govuk-link">{draft.title}</a>' in page
    assert Document.objects.get(pk=draft.pk).status == Document.Status.CIRCULATED


@override_settings(TIME_ZONE="Asia/Tokyo")
def test_the_warning_says_when_the_later_version_was_made_in_utc(
    superseded,
    chair_user,
    draft,  # noqa: F811
):
    made = draft.versions.get(number=2).created_at.astimezone(dt.UTC)
    page = signed_in(chair_user).get(f"/decisions/{superseded.pk}/").content.decode()
    assert f"version 2 was made on {made.day} {made:%B %Y, %H:%M} UTC." in page


def test_the_draft_page_links_to_the_open_procedure_instead_of_offering_another(
    draft,  # noqa: F811
    on_v1,  # noqa: F811
    secretariat_user,
):
    page = signed_in(secretariat_user).get(f"/drafts/{draft.slug}/").content.decode()
    assert f'href="/decisions/{on_v1.pk}/">{on_v1.title}</a>' in page
    assert "Open a consensus procedure on version" not in page
