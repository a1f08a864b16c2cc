"""The amendment pages as a delegation and the Secretariat read them, in both languages: an
edit starts from the unit's wording, units go by their names, a refusal shows at its field, a
deletion shows its words, a rejection its reason, and the new version the amendment behind
each change."""

import datetime as dt
import re

import pytest
from django.test import Client

from concord.core import clock
from concord.drafting import selectors
from concord.drafting.models import Amendment
from conftest import PASSWORD

SLUG = "seventh-summit-declaration"
PAGE = f"/drafts/{SLUG}/"
PROPOSE = f"/drafts/{SLUG}/amendments/"


def signed_in(user, language: str = "en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    assert client.login(email=user.email, password=PASSWORD)
    return client


def propose(client, htmx=True, **data):
    form = {"language": "en", "version": 1, "kind": "edit", "unit": "op-1", "rationale": "Why."}
    form.update(data)
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(PROPOSE, form, **extra)


def textarea(page: str) -> str:
    found = re.search(r'<textarea name="text"[^>]*>\n?(.*?)</textarea>', page, re.S)
    assert found, "no proposed text box"
    return found.group(1)


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        (
            "en",
            [
                "Title",
                "Preambular paragraph 1",
                "Operative paragraph 2",
                "Operative paragraph 2 (b)",
            ],
        ),
        (
            "ru",
            [
                "Название",
                "Пункт 1 преамбулы",
                "Пункт 2 постановляющей части",
                "Пункт 2 постановляющей части (b)",
            ],
        ),
    ],
)
def test_the_form_offers_units_by_their_names(draft, delegate_user, language, labels):
    page = signed_in(delegate_user, language).get(PAGE).content.decode()
    options = dict(re.findall(r'<option value="([a-z0-9-]+)"[^>]*>(.*?) — ', page))
    assert [options[uid] for uid in ("title", "pre-1", "op-2", "op-2-b")] == labels
    assert not any(label == uid for uid, label in options.items())


def test_an_edit_starts_from_the_current_wording(draft, delegate_user):
    client = signed_in(delegate_user)
    page = client.get(f"{PAGE}?unit=op-3").content.decode()
    assert textarea(page) == "We celebrate CICA Day on 5 October each year."
    assert 'hx-get="/drafts/seventh-summit-declaration/amendments/wording/"' in page


def test_the_wording_comes_with_htmx_for_an_edit_or_a_replacement_only(draft, delegate_user):
    client = signed_in(delegate_user)
    url = f"{PROPOSE}wording/?language=en&version=1&unit=op-2"
    edit = client.get(f"{url}&kind=edit", HTTP_HX_REQUEST="true").content.decode()
    assert textarea(edit).startswith("We welcome the progress") and "(a)" not in edit
    replace = client.get(f"{url}&kind=replace", HTTP_HX_REQUEST="true").content.decode()
    assert "\n\n(a) in the military-political dimension;" in textarea(replace)
    assert 'id="id_text"' in replace and "<html" not in replace
    assert client.get(f"{url}&kind=insert").status_code == 204


def test_without_javascript_choosing_the_unit_is_a_step_of_its_own(draft, delegate_user):
    response = propose(
        signed_in(delegate_user), htmx=False, step="choose", unit="pre-2", rationale="Kept."
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Amendment.objects.exists()
    assert (
        textarea(page) == "Reaffirming our commitment to the purposes and principles of the CICA;"
    )
    assert '<option value="pre-2" selected>' in page and ">\nKept.</textarea>" in page


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Give the text the amendment proposes."),
        ("ru", "Укажите текст, который предлагает поправка."),
    ],
)
def test_an_empty_amendment_is_refused_at_its_field_and_in_the_summary(
    draft, delegate_user, language, message
):
    response = propose(signed_in(delegate_user, language), text="  ")
    fragment = response.content.decode()
    assert response.status_code == 422 and not Amendment.objects.exists()
    summary = fragment.split('data-testid="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_text"' in summary and message in summary
    field = '<p class="govuk-error-message" id="id_text_error" role="alert">'
    assert f"{field}{message}</p>" in fragment


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "India proposes an amendment to operative paragraph 3"
            " — recorded 28 November 2026, 20:02",
        ),
        (
            "ru",
            "Индия предлагает поправку: пункт 3 постановляющей части"
            " — записано 28 ноября 2026, 20:02",
        ),
    ],
)
def test_a_recorded_proposal_says_what_was_recorded(draft, delegate_user, language, expected):
    client = signed_in(delegate_user, language)
    with clock.frozen_at(dt.datetime(2026, 11, 28, 20, 2, tzinfo=dt.UTC)):
        fragment = propose(client, unit="op-3", text="We celebrate CICA Day.").content.decode()
        response = propose(client, htmx=False, kind="delete", unit="op-1")
    assert f'data-testid="recorded">{expected}</p>' in fragment
    assert response.status_code == 302 and response.url.endswith("#amendment-2")
    assert expected.replace("3", "1", 1) in client.get(response.url).content.decode()


def test_a_deletion_shows_the_words_deleted(draft, delegate_user):
    client = signed_in(delegate_user)
    propose(client, kind="delete", unit="op-2", text="")
    propose(client, kind="replace", unit="op-3", text="We celebrate CICA Day each year.")
    page = client.get(PAGE).content.decode()
    deletion = page.split('id="amendment-1"')[1].split("</tr>")[0]
    assert (
        '<span class="govuk-visually-hidden">deleted: </span><del>We welcome the progress'
        in deletion
    )
    assert "(c) in the human dimension.</del>" in deletion
    assert 'href="#op-2">operative paragraph 2</a>' in deletion
    replacement = page.split('id="amendment-2"')[1].split("</tr>")[0]
    assert "<del>on 5 October </del>" in replacement and "(deleted)" not in page


@pytest.mark.parametrize(
    ("language", "required", "shown"),
    [
        ("en", "Give the reason for rejecting the amendment.", "Reason: Out of scope."),
        ("ru", "Укажите причину отклонения поправки.", "Причина: Out of scope."),
    ],
)
def test_a_rejection_needs_and_shows_its_reason(
    draft, delegate_user, secretariat_user, language, required, shown
):
    propose(signed_in(delegate_user), kind="delete", unit="op-2-b")
    amendment = Amendment.objects.get()
    officer = signed_in(secretariat_user, language)
    refused = officer.post(f"{PROPOSE}{amendment.pk}/reject/", {"reason": " "})
    page = refused.content.decode()
    assert refused.status_code == 422
    assert f'href="#rejection-{amendment.pk}-reason"' in page and required in page
    amendment.refresh_from_db()
    assert amendment.status == "proposed"
    done = officer.post(f"{PROPOSE}{amendment.pk}/reject/", {"reason": "Out of scope."})
    assert done.status_code == 302
    row = officer.get(PAGE).content.decode().split(f'id="amendment-{amendment.number}"')[1]
    assert shown in row.split("</tr>")[0]


def test_a_rejection_recorded_without_a_reason_says_so(draft, delegate_user, secretariat_user):
    propose(signed_in(delegate_user), kind="delete", unit="op-2-b")
    Amendment.objects.update(status="rejected")  # as rejections were stored before reasons
    page = signed_in(secretariat_user).get(PAGE).content.decode()
    assert "No reason was recorded." in page


@pytest.mark.parametrize(
    ("language", "made_by"),
    [("en", "amendment 1 (India)"), ("ru", "поправка 1 (Индия)")],
)
def test_the_new_version_and_the_comparison_name_the_amendment_behind_each_change(
    draft, delegate_user, secretariat_user, language, made_by
):
    delegation = signed_in(delegate_user)
    propose(delegation, unit="op-1", text="We decide to hold the 8th CICA Summit in Astana.")
    propose(delegation, kind="delete", unit="op-2-b")
    officer = signed_in(secretariat_user, language)
    for amendment in Amendment.objects.all():
        officer.post(f"{PROPOSE}{amendment.pk}/accept/")
    officer.post(f"/drafts/{SLUG}/versions/")
    link = f'href="{PAGE}?version=1&amp;language=en#amendment-1">{made_by}</a>'
    diff = officer.get(f"/drafts/{SLUG}/compare/?from=1&to=2&language=en").content.decode()
    rows = re.findall(r'<tr class="govuk-table__row diff-(\w+)".*?</tr>', diff, re.S)
    assert rows.count("changed") == 1 and rows.count("deleted") == 1
    changed = diff.split('data-status="changed"')[1].split("</tr>")[0]
    deleted = diff.split('data-status="deleted"')[1].split("</tr>")[0]
    assert link in changed and "#amendment-2" in deleted
    version = officer.get(f"{PAGE}?version=2&language=en").content.decode()
    op1 = version.split('id="op-1"')[1].split("</li>")[0]
    assert link in op1 and "amendment-" not in version.split('id="op-3"')[1].split("</li>")[0]


def test_the_first_unit_offered_starts_from_its_wording_too(draft, delegate_user):
    page = signed_in(delegate_user).get(PAGE).content.decode()
    first = re.search(r'<select name="unit"[^>]*>\s*<option value="([^"]+)"', page).group(1)
    version = draft.versions.get(number=1)
    wording = selectors.starting_wording(version, "en", first, "edit")
    assert wording and textarea(page) == wording
