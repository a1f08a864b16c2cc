import re

import pytest
from django.test import Client

from concord.core.tests.pages import visible_text
from concord.drafting.models import Amendment
from conftest import PASSWORD

SLUG = "seventh-summit-declaration"


def _table(page: str, testid: str) -> str:
    start = page.index(f'data-testid="{testid}"')
    return visible_text(page[start : page.index("</table>", start)])


def signed_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def amendment(client, **data):
    form = {
        "language": "en",
        "version": 1,
        "kind": "edit",
        "unit": "op-1",
        "rationale": "Say where.",
    }
    form.update(data)
    return client.post(f"/drafts/{SLUG}/amendments/", form, HTTP_HX_REQUEST="true")


def test_a_delegation_proposes_from_the_draft_page(draft, delegate_user):
    client = signed_in(delegate_user)
    page = client.get(f"/drafts/{SLUG}/?unit=op-2").content.decode()
    assert "Propose an amendment" in page and '<option value="op-2" selected>' in page
    response = amendment(client, text="We decide to hold the 8th CICA Summit in Astana in 2030.")
    fragment = response.content.decode()
    assert response.status_code == 200
    assert re.search(
        r"India proposes an amendment to operative paragraph 1 — recorded \d+ \w+ \d{4}, \d\d:\d\d",
        fragment,
    )
    assert "<ins>Astana in </ins>" in fragment and "<html" not in fragment
    assert Amendment.objects.get().participant.code == "IN"


def test_the_form_names_the_wrong_field(draft, delegate_user):
    response = amendment(signed_in(delegate_user), text="", rationale="")
    page = response.content.decode()
    assert response.status_code == 422 and "This field is required." in page
    response = amendment(signed_in(delegate_user), kind="edit", text="Two\n\nblocks")
    assert response.status_code == 422 and "no line breaks" in response.content.decode()
    assert not Amendment.objects.exists()


def test_the_secretariat_accepts_incorporates_and_sees_the_comparison(
    draft, delegate_user, secretariat_user
):
    amendment(signed_in(delegate_user), kind="delete", unit="op-2-b", text="")
    officer = signed_in(secretariat_user)
    page = officer.get(f"/drafts/{SLUG}/").content.decode()
    assert "Accept" in page and "Propose an amendment" not in page
    proposed = Amendment.objects.get()
    assert officer.post(f"/drafts/{SLUG}/amendments/{proposed.pk}/accept/").status_code == 302
    response = officer.post(f"/drafts/{SLUG}/versions/")
    assert response.status_code == 302 and response.url.endswith("compare/?from=1&to=2&language=en")
    diff = officer.get(response.url).content.decode()
    assert 'data-testid="deleted">1<' in diff and "<del>in the economic dimension;</del>" in diff
    assert re.search(
        r"<td[^>]*>Operative paragraph 2 \(c\)</td><td[^>]*>Operative paragraph 2 \(b\)</td>", diff
    ), "a renumbered unit is named by its label in each version, never by its id"
    assert "op-2-c" not in visible_text(diff)
    assert "version 2" in officer.get(f"/drafts/{SLUG}/").content.decode()


def test_a_refused_step_shows_why(draft, delegate_user, secretariat_user):
    amendment(signed_in(delegate_user), kind="delete", unit="op-3", text="")
    proposed = Amendment.objects.get()
    response = signed_in(delegate_user).post(f"/drafts/{SLUG}/amendments/{proposed.pk}/accept/")
    assert response.status_code == 403
    response = signed_in(secretariat_user).post(f"/drafts/{SLUG}/versions/")
    assert response.status_code == 422 and "no accepted amendments" in response.content.decode()


def test_drafts_are_hidden_from_observers_and_listed_for_delegations(
    draft, observer_user, delegate_user
):
    assert signed_in(observer_user).get(f"/drafts/{SLUG}/").status_code == 404
    listing = signed_in(delegate_user).get("/drafts/").content.decode()
    assert "Draft Declaration of the Seventh Summit" in listing
    assert 'href="/drafts/"' in listing  # the navigation offers drafts to a delegation
    assert 'href="/drafts/"' not in signed_in(observer_user).get("/").content.decode()


def test_a_proposal_written_for_an_earlier_version_is_refused(
    draft, delegate_user, secretariat_user
):
    delegation = signed_in(delegate_user)
    amendment(delegation, kind="delete", unit="op-2-b", text="")
    officer = signed_in(secretariat_user)
    officer.post(f"/drafts/{SLUG}/amendments/{Amendment.objects.get().pk}/accept/")
    officer.post(f"/drafts/{SLUG}/versions/")  # version 2 now holds op-3 as it was
    stale = amendment(delegation, kind="delete", unit="op-3", text="")  # read on version 1
    assert stale.status_code == 422
    assert "Version 1 is not the latest version" in stale.content.decode()
    assert Amendment.objects.count() == 1


def test_with_no_draft_the_list_says_how_to_make_one(registry, secretariat_user):
    page = signed_in(secretariat_user).get("/drafts/").content.decode()
    assert "0 drafts" in page and "No drafts match." in page and "Import a draft" in page


def test_the_page_offers_a_decision_only_on_a_proposed_amendment_and_hides_unchanged_units(
    draft, delegate_user, secretariat_user
):
    amendment(signed_in(delegate_user), kind="delete", unit="op-2-b", text="")
    officer = signed_in(secretariat_user)
    proposed = Amendment.objects.get()
    accept_url = f"/drafts/{SLUG}/amendments/{proposed.pk}/accept/"
    assert accept_url in officer.get(f"/drafts/{SLUG}/").content.decode()
    officer.post(accept_url)
    assert accept_url not in officer.get(f"/drafts/{SLUG}/").content.decode()
    officer.post(f"/drafts/{SLUG}/versions/")
    every = officer.get(f"/drafts/{SLUG}/compare/?from=1&to=2").content.decode()
    changed = officer.get(f"/drafts/{SLUG}/compare/?from=1&to=2&changed=1").content.decode()
    assert 'data-status="unchanged"' in every and 'data-status="unchanged"' not in changed
    assert 'data-status="deleted"' in changed


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Operative paragraph 2 (b)"), ("ru", "Пункт 2 постановляющей части (b)")],
)
def test_the_draft_page_names_units_and_languages(draft, delegate_user, language, label):
    client = signed_in(delegate_user)
    amendment(client, kind="delete", unit="op-2-b", text="")
    client.cookies["django_language"] = language
    page = client.get(f"/drafts/{SLUG}/").content.decode()
    units = visible_text(page[page.index('data-testid="units"') :])
    table = _table(page, "amendments")
    # Within the amendments' sentences ("Delete operative paragraph 2 (b)") it starts lower case.
    assert label in units and label[0].lower() + label[1:] in table
    for text in (units, table):
        assert not re.search(r"\b(op|pre)-\d", text) and "enacting" not in text
    versions = _table(page, "versions")
    assert "English" in versions and not re.search(r"\ben\b", versions)


def test_versions_are_named_in_the_readers_language(draft, delegate_user):
    client = signed_in(delegate_user)
    client.cookies["django_language"] = "ru"
    versions = visible_text(_table(client.get(f"/drafts/{SLUG}/").content.decode(), "versions"))
    assert "редакция 1" in versions and not re.search(r"\bv1\b", versions)
