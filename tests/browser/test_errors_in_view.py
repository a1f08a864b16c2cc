"""A refused form and an import's result are brought into view and given focus, on a phone, on a
full page and in an htmx fragment: neither looks as if nothing happened."""

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .test_decision_journey import sign_in

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n"
)


@pytest.fixture
def officer(site, browser):
    """The Secretariat on a phone, with enough accounts that the account form is far down."""
    from concord.accounts.services import create_user

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    for code in ("KZ", "CN", "IN", "TR", "RU", "TH", "MN", "IR"):
        create_user(actor=SYSTEM, email=f"{code.lower()}@x.example", role="delegate", state=code)
    page = sign_in(browser, site, "sec@x.example")
    page.set_viewport_size(PHONE)
    return page


def is_focused_in_view(locator):
    expect(locator).to_be_focused()
    expect(locator).to_be_in_viewport()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_refused_account_shows_its_error_summary(site, officer, language):
    officer.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    officer.goto(site + "/accounts/users/")
    # Neither an address nor a role: refused with 422.
    officer.locator("section[aria-labelledby=create-heading] button[type=submit]").click()
    is_focused_in_view(officer.get_by_test_id("error-summary"))


def test_an_import_shows_its_summary_or_its_refusal(site, officer):
    officer.goto(site + "/documents/import/")
    officer.get_by_role("button", name="Import").click()  # no file chosen
    is_focused_in_view(officer.get_by_test_id("error-summary"))

    officer.get_by_label("Text files").set_input_files(
        files=[{"name": "water.txt", "mimeType": "text/plain", "buffer": DRAFT}]
    )
    officer.get_by_role("button", name="Import").click()
    expect(officer.get_by_test_id("import-summary")).to_contain_text("water.txt")
    is_focused_in_view(officer.get_by_role("heading", name="Summary"))


def test_a_refused_position_swapped_in_by_htmx_shows_its_error_summary(site, browser):
    from concord.accounts.services import create_user
    from concord.core.actors import actor_for
    from concord.decisions import services
    from concord.decisions.requests import ProcedureRequest, SubjectRequest
    from concord.documents.services import import_text

    officer = actor_for(create_user(actor=SYSTEM, email="sec@x.example", role="secretariat"))
    create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD)
    draft = import_text(actor=SYSTEM, raw=DRAFT)
    procedure = services.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Adoption of the Statement on Water",
            subject=SubjectRequest("document_adoption", version=draft.text.version_id),
            mode="silence",
        ),
    )
    page = sign_in(browser, site, "kz@x.example")
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/decisions/{procedure.pk}/")
    page.get_by_label("Objects").check()
    page.get_by_role("button", name="State the position").click()  # no reasons: a 422, swapped
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_contain_text("Reasons or statement")
    is_focused_in_view(summary)
