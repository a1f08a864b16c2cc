"""Amending a draft in headless Chromium: a delegation proposes, the Secretariat accepts and
makes the next version, and the comparison shows the words that changed."""

import re

import pytest
from playwright.sync_api import expect

from concord.core.actors import SYSTEM
from conftest import PASSWORD

from .test_decision_journey import sign_in

pytestmark = pytest.mark.browser
DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nDecide:\n\n"
    b"1. We cooperate on water.\n\n2. We meet every year.\n"
)


def test_an_amendment_from_proposal_to_the_next_version(site, browser, axe_violations):
    from concord.accounts.services import create_user
    from concord.documents.services import import_text

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD)
    slug = import_text(actor=SYSTEM, raw=DRAFT).document.slug

    kazakhstan = sign_in(browser, site, "kz@x.example")
    kazakhstan.goto(f"{site}/drafts/")
    kazakhstan.get_by_role("link", name="Statement on Water").click()
    kazakhstan.locator("#op-1").get_by_role("link", name="Amend").click()
    expect(kazakhstan.get_by_label("Paragraph or clause")).to_have_value("op-1")
    expect(kazakhstan.get_by_label("Amendment", exact=True)).to_have_value("edit")
    kazakhstan.get_by_label("Proposed text").fill("We cooperate closely on water and energy.")
    kazakhstan.get_by_label("Rationale").fill("Energy belongs with water.")
    kazakhstan.get_by_role("button", name="Propose").click()  # htmx: the section is redrawn
    expect(kazakhstan.get_by_test_id("recorded")).to_have_text(
        re.compile("Kazakhstan proposes an amendment to operative paragraph 1 — recorded")
    )
    row = kazakhstan.locator("#amendment-1")
    expect(row).to_contain_text("Kazakhstan")
    expect(row.locator("ins").first).to_have_text("closely ")
    assert axe_violations(kazakhstan) == []

    secretariat = sign_in(browser, site, "sec@x.example")
    secretariat.goto(f"{site}/drafts/{slug}/")
    secretariat.locator("#amendment-1").get_by_role("button", name="Accept").click()
    expect(secretariat.locator("#amendment-1")).to_have_attribute("data-status", "accepted")
    secretariat.once("dialog", lambda dialog: dialog.accept())
    secretariat.get_by_role("button", name=re.compile("Incorporate 1 accepted amendment")).click()
    expect(secretariat).to_have_url(re.compile(r"compare/\?from=1&to=2"))
    expect(secretariat.get_by_test_id("changed")).to_have_text("1")
    changed = secretariat.locator('tr[data-status="changed"]')
    expect(changed.locator("ins")).to_have_text(["closely ", " and energy"])
    assert axe_violations(secretariat) == []


PHONE = {"width": 390, "height": 844}


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_an_edit_starts_from_the_wording_and_refusals_and_reasons_are_shown(
    site, browser, axe_violations
):
    from concord.accounts.services import create_user
    from concord.documents.services import import_text

    create_user(actor=SYSTEM, email="sec@x.example", role="secretariat", password=PASSWORD)
    create_user(actor=SYSTEM, email="kz@x.example", role="delegate", state="KZ", password=PASSWORD)
    slug = import_text(actor=SYSTEM, raw=DRAFT).document.slug

    kazakhstan = sign_in(browser, site, "kz@x.example")
    kazakhstan.set_viewport_size(PHONE)
    kazakhstan.goto(f"{site}/drafts/{slug}/")
    kazakhstan.locator("#op-2").get_by_role("link", name="Amend").click()
    text = kazakhstan.get_by_label("Proposed text")
    expect(text).to_have_value("We meet every year.")  # the edit starts from the wording
    unit = kazakhstan.get_by_label("Paragraph or clause")
    expect(unit.locator("option:checked")).to_contain_text("Operative paragraph 2")
    unit.select_option("op-1")  # htmx brings the wording of the unit chosen
    expect(text).to_have_value("We cooperate on water.")

    text.fill("")  # an empty edit is refused where it was made, and said so at the top
    kazakhstan.get_by_label("Rationale").fill("Say more.")
    kazakhstan.get_by_role("button", name="Propose").click()
    summary = kazakhstan.get_by_test_id("error-summary")
    expect(summary).to_contain_text("Give the text the amendment proposes.")
    expect(kazakhstan.locator(".govuk-form-group--error .govuk-error-message")).to_contain_text(
        "Give the text the amendment proposes."
    )
    assert fits(kazakhstan) and axe_violations(kazakhstan) == []

    kazakhstan.get_by_label("Paragraph or clause").select_option("pre-1")
    kazakhstan.get_by_label("Amendment", exact=True).select_option("delete")
    kazakhstan.get_by_label("Rationale").fill("Said elsewhere.")
    kazakhstan.get_by_role("button", name="Propose").click()
    expect(kazakhstan.get_by_test_id("recorded")).to_have_text(
        "Kazakhstan proposes an amendment to preambular paragraph 1"
        " — recorded 27 November 2026, 12:00"
    )
    deleted = kazakhstan.locator("#amendment-1 del")
    expect(deleted).to_have_text("Recognizing the value of water;")  # the words deleted
    expect(kazakhstan.locator("#amendment-1")).to_contain_text("deleted: Recognizing")
    assert fits(kazakhstan) and axe_violations(kazakhstan) == []

    secretariat = sign_in(browser, site, "sec@x.example")
    secretariat.set_viewport_size(PHONE)
    secretariat.goto(f"{site}/drafts/{slug}/")
    secretariat.on("dialog", lambda dialog: dialog.accept())
    row = secretariat.locator("#amendment-1")
    row.get_by_role("button", name="Reject").click()  # without a reason: refused, shown
    expect(secretariat.get_by_test_id("error-summary")).to_contain_text(
        "Give the reason for rejecting the amendment."
    )
    secretariat.get_by_label("Reason for rejecting").fill("The preamble stays whole.")
    secretariat.locator("#amendment-1").get_by_role("button", name="Reject").click()
    expect(secretariat.locator("#amendment-1")).to_have_attribute("data-status", "rejected")
    assert fits(secretariat) and axe_violations(secretariat) == []

    kazakhstan.goto(f"{site}/drafts/{slug}/")
    reason = kazakhstan.locator("#amendment-1").get_by_test_id("reason")
    expect(reason).to_have_text("Reason: The preamble stays whole.")
