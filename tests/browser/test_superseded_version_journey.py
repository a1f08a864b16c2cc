"""A new version of a draft is made while a procedure on the earlier one is open: on a phone,
a delegation sees the warning on the draft and procedure pages, and the Secretariat sees the
offer, confirms, and the procedure reopens on the latest version."""

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM, actor_for
from conftest import PASSWORD

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n"
)


def sign_in(browser, base, email):
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(base + "/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_attached()
    return page


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_superseded_version_is_shown_and_reopened_after_confirmation(
    site, browser, axe_violations
):
    from concord.accounts.services import create_user
    from concord.decisions.requests import ProcedureRequest, SubjectRequest
    from concord.decisions.services import open_procedure
    from concord.documents.services import import_text
    from concord.drafting import services as drafting
    from concord.drafting.requests import AmendmentRequest

    officer = actor_for(
        create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    )
    kazakhstan = actor_for(
        create_user(
            actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD
        )
    )
    draft = import_text(actor=SYSTEM, raw=DRAFT, slug="water").document
    v1 = draft.versions.get(number=1)
    procedure = open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Adoption of the Statement on Water",
            subject=SubjectRequest("document_adoption", version=v1.pk),
            mode="silence",
        ),
    )
    amendment = drafting.propose_amendment(
        actor=kazakhstan,
        request=AmendmentRequest(
            version_id=v1.pk, language="en", kind="edit", unit="op-1",
            text="We cooperate closely on water.", rationale="Stronger.",
        ),
    )  # fmt: skip
    drafting.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    drafting.incorporate_amendments(actor=officer, version_id=v1.pk)

    delegation = sign_in(browser, site, "kz@x.example")
    delegation.goto(f"{site}/drafts/water/")
    warning = delegation.get_by_test_id("superseded-warning")
    expect(warning).to_be_visible()
    expect(warning.get_by_role("link", name="Adoption of the Statement on Water")).to_be_visible()
    assert fits(delegation)
    delegation.goto(f"{site}/decisions/{procedure.pk}/")
    expect(delegation.get_by_test_id("superseded-warning")).to_be_visible()
    expect(delegation.get_by_test_id("superseded-offer")).to_have_count(0)
    assert fits(delegation) and axe_violations(delegation) == []

    secretariat = sign_in(browser, site, "sec@x.example")
    secretariat.goto(f"{site}/decisions/{procedure.pk}/")
    offer = secretariat.get_by_test_id("superseded-offer")
    expect(offer).to_be_visible()
    assert fits(secretariat)
    offer.get_by_role("link", name="Withdraw and reopen on version 2…").click()
    expect(
        secretariat.get_by_role("heading", name="Withdraw and reopen on version 2")
    ).to_be_visible()
    assert fits(secretariat) and axe_violations(secretariat) == []
    procedure.refresh_from_db()
    assert procedure.status == "open"  # the confirmation page has changed nothing
    secretariat.get_by_label("Reason for withdrawing").fill("Version 2 strengthens paragraph 1.")
    secretariat.get_by_role("button", name="Withdraw and reopen on version 2").click()

    expect(secretariat.get_by_test_id("procedure-status")).to_have_text("Open")
    expect(secretariat.get_by_test_id("superseded-warning")).to_have_count(0)
    procedure.refresh_from_db()
    assert procedure.status == "withdrawn" and procedure.reopened_as.version.number == 2
    assert secretariat.url.endswith(f"/decisions/{procedure.reopened_as_id}/")
    secretariat.goto(f"{site}/decisions/{procedure.pk}/")
    expect(secretariat.get_by_test_id("reopened-as")).to_contain_text(
        "Version 2 strengthens paragraph 1."
    )
